import type { RetryPlan } from '../staging/retry-plan.js';
import { emptyRetryState, loadRetryState, type RetryState } from '../staging/retry-state.js';
import { loadSettings, readQueueFiles, type CoreLoaders, type ProgressFn, type QueueSink } from './load-inputs.js';
import { ReportBuilder } from './report-builder.js';
import { runQueueModules } from './queue-modules.js';
import type { Report } from './report-model.js';

export interface DirReportOptions {
  /** Report as of this instant; without it the settings' `now:`, else `clock()`. */
  now?: Date;
  clock: () => Date;
  /** Show times in this zone (else the SLA calendars' zone, else UTC). */
  timeZone?: string;
  /** The retry state file to read (the caller writes the next state back); without it an empty state. */
  stateFile?: string;
  onProgress?: ProgressFn;
}

export interface DirReport {
  report: Report;
  plan: RetryPlan;
  now: Date;
  /**
   * Why this run must not act — write retry requests or the state — (an unreadable state file, settings
   * with errors); empty when it may.
   */
  blockers: string[];
}

/**
 * `creator-desk report` from a directory: reads the settings, then streams the queue files through the
 * report builder, so only what the report shows is kept in memory (not every row of every export).
 */
export function reportFromDir(dir: string, loaders: CoreLoaders, opts: DirReportOptions): DirReport {
  const settings = loadSettings(dir, loaders);
  const configNow = settings.config.now;
  const now = opts.now ?? configNow ?? opts.clock();

  let state: RetryState = emptyRetryState();
  const blockers = [...settings.blockers];
  const stateRead = opts.stateFile === undefined ? undefined : loadRetryState(opts.stateFile);
  if (stateRead?.ok) state = stateRead.state;
  else if (stateRead) blockers.push(`the state file ${opts.stateFile} is unreadable, so duplicates could not be ruled out`);

  const newBuilder = (): ReportBuilder =>
    new ReportBuilder({ config: settings.config, state, now, ...(settings.sla ? { sla: settings.sla } : {}), ...(settings.route ? { route: settings.route } : {}) });
  let builder = newBuilder();
  const sink = (b: ReportBuilder): QueueSink => ({ review: (s) => b.addReview(s), staging: (s) => b.addStaging(s) });
  let reading = readQueueFiles(settings, sink(builder), opts.onProgress);
  if (reading.reread) {
    // A repeated id's later row wins, but its first row was already counted: build again without the losers.
    builder = newBuilder();
    reading = readQueueFiles(settings, sink(builder), opts.onProgress, reading.reread);
  }
  const inputs = reading.inputs;

  // In the order the report has always listed them: reading, then the clock, then the state file.
  if (!opts.now && configNow) settings.notes.push(`now taken from creator-desk.yaml (${now.toISOString()}); pass --now to override`);
  if (stateRead && !stateRead.ok) settings.problems.push(stateRead.problem);
  if (!stateRead) settings.notes.push('no --state: retry requests are not remembered, so a rerun would list them again');

  opts.onProgress?.(1, 1, 'computing the report');
  const timeZone = opts.timeZone ?? settings.timeZone ?? 'UTC';
  const queues = runQueueModules({ dir, now, timeZone, ...(settings.settingsText ? { settings: settings.settingsText } : {}) }, settings.moduleFiles);
  const { report, plan } = builder.finish({ dir, inputs, problems: settings.problems, notes: settings.notes, timeZone, queues });
  return { report, plan, now, blockers };
}
