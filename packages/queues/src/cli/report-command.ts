import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { hasErrors } from '../readers/problems.js';
import { reportToJson } from '../report/format-json.js';
import { reportToMarkdown } from '../report/format-markdown.js';
import { reportToTable } from '../report/format-table.js';
import { discoverFiles } from '../report/discover-files.js';
import type { CoreLoaders, ProgressFn } from '../report/load-inputs.js';
import { reportFromDir } from '../report/report-from-dir.js';
import { writeRetryRequests } from '../staging/requests-file.js';
import { serializeRetryState, writeFileAtomic } from '../staging/retry-state.js';

/** What the report command needs from the outside world (injected so tests run it in-process). */
export interface ReportIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is an interactive terminal (colour). */
  isTty: boolean;
  /** Whether stderr is an interactive terminal (the progress bar is drawn there). */
  stderrIsTty?: boolean;
  env: Record<string, string | undefined>;
  /** The wall clock, used only when neither --now nor the directory's `now:` is set. */
  clock: () => Date;
  exit: (code: number) => void;
  loaders: CoreLoaders;
}

interface ReportOptions {
  now?: Date;
  format: 'table' | 'json' | 'md';
  out?: string;
  state?: string;
  requestsOut?: string;
  limit: number;
  progress: boolean;
}

/** Usage problems detected after option parsing (exit code 2). */
export class UsageError extends Error {}

function parseNow(value: string): Date {
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value) || Number.isNaN(d.getTime())) {
    throw new InvalidArgumentError('expected an ISO-8601 instant with an offset, e.g. 2026-02-20T19:30:00Z');
  }
  return d;
}

function parseLimit(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return Number(value);
}

/** The bundled examples directory: the nearest `examples/` with a `creator-desk.yaml` above this module. */
export function bundledExamplesDir(): string {
  let dir: string;
  try {
    dir = dirname(fileURLToPath(import.meta.url));
  } catch {
    dir = process.cwd();
  }
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'examples');
    if (existsSync(join(candidate, 'creator-desk.yaml'))) return candidate;
    dir = dirname(dir);
  }
  return resolve('examples');
}

// Inputs above this size get a progress bar on a terminal; smaller ones finish before it would draw.
const PROGRESS_BYTES = 8 * 1024 * 1024;

function queueFilesSize(dir: string): number {
  return discoverFiles(dir)
    .files.filter((f) => f.kind === 'review' || f.kind === 'staging')
    .reduce((sum, f) => sum + statSync(f.path).size, 0);
}

/** Adds `creator-desk report` to the program. */
export function registerReportCommand(program: Command, io: ReportIo): void {
  program
    .command('report')
    .description("the coordinator's worklist: due soon, breached, escalations, retry requests, dead letters, input problems")
    .argument('[dir]', 'directory with the queue files (default: the bundled examples/)')
    .option('--now <iso>', "report as of this instant (default: the directory's creator-desk.yaml `now:`, else the clock)", parseNow)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'md']).default('table'))
    .option('--out <file>', 'write the report to FILE instead of stdout')
    .option('--state <file>', 'retry state file: remembers requested retries so reruns never ask twice (read, then rewritten atomically)')
    .option('--requests-out <dir>', 'write retry-requests.csv and retry-requests.json for the upload-retry tool into DIR')
    .option('--limit <n>', 'rows per list in table and md output (json is never cut)', parseLimit, 25)
    .option('--no-progress', 'never show a progress bar')
    .action((dirArg: string | undefined, opts: ReportOptions) => {
      io.exit(runReport(dirArg, opts, io));
    });
}

/** Runs the report; returns the exit code (0 ok, 1 input errors, 2 usage errors). */
export function runReport(dirArg: string | undefined, opts: ReportOptions, io: ReportIo): number {
  const dir = dirArg ?? bundledExamplesDir();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    io.stderr(`creator-desk report: ${dir} is not a directory\n`);
    return 2;
  }
  // The bar goes to stderr and only on an interactive terminal, so piped or redirected output stays clean.
  const bar =
    opts.progress && io.stderrIsTty === true && queueFilesSize(dir) > PROGRESS_BYTES
      ? new cliProgress.SingleBar({ stream: process.stderr, format: ' {bar} {percentage}% | {label}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
      : undefined;
  let steps = 0;
  const onProgress: ProgressFn | undefined = bar
    ? (done, total, label) => {
        // One step per input file, plus one for computing the report.
        if (steps === 0) bar.start((steps = total + 1), 0, { label });
        bar.update(done, { label });
      }
    : undefined;

  const { report, plan, now, stateOk } = reportFromDir(dir, io.loaders, {
    ...(opts.now ? { now: opts.now } : {}),
    clock: io.clock,
    ...(opts.state ? { stateFile: opts.state } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  bar?.update(steps);
  bar?.stop();

  // Requests first, then state: a crash between the two re-asks under the same idempotency keys (the
  // tool deduplicates), whereas the other order could record a request that was never written.
  if (opts.requestsOut) {
    if (stateOk) report.retries.written.push(...writeRetryRequests(opts.requestsOut, plan.requests, now));
    else report.notes.push('retry requests were NOT written: the state file is unreadable, so duplicates could not be ruled out');
  }
  if (opts.state && stateOk) {
    writeFileAtomic(opts.state, serializeRetryState(plan.nextState, now));
    report.retries.written.push(opts.state);
  }

  const color = !opts.out && io.isTty && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '') && io.env.TERM !== 'dumb';
  const text =
    opts.format === 'json' ? reportToJson(report) : opts.format === 'md' ? reportToMarkdown(report, { limit: opts.limit }) : reportToTable(report, { color, limit: opts.limit });
  if (opts.out) {
    writeFileAtomic(opts.out, text);
    io.stderr(`creator-desk report: wrote ${opts.out}\n`);
  } else io.stdout(text);
  return hasErrors(report.problems) ? 1 : 0;
}
