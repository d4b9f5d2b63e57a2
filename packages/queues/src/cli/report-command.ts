import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import { CALENDAR_MAX_MS, CALENDAR_MIN_MS, isValidTimeZone } from '@creator-desk/core';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { parseIsoInstant } from '../readers/fields.js';
import { hasErrors } from '../readers/problems.js';
import { reportToHtml } from '../report/format-html.js';
import { reportToJson } from '../report/format-json.js';
import { reportToMarkdown } from '../report/format-markdown.js';
import { reportToTable } from '../report/format-table.js';
import { discoverFiles } from '../report/discover-files.js';
import type { CoreLoaders, ProgressFn } from '../report/load-inputs.js';
import { reportFromDir } from '../report/report-from-dir.js';
import type { Report } from '../report/report-model.js';
import { retryRequestFiles } from '../staging/requests-file.js';
import { serializeRetryState } from '../staging/retry-state.js';
import { acquireStateLock, lockFileOf } from '../staging/state-lock.js';
import { EXIT_INPUT_ERRORS, EXIT_LOCKED, EXIT_OK, EXIT_USAGE, EXIT_WRITE_FAILED } from './exit-codes.js';
import { OutputError, reasonOf, StagedWrites } from './staged-writes.js';

/** What the report command needs from the outside world (injected so tests run it in-process). */
export interface ReportIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is an interactive terminal (colour). */
  isTty: boolean;
  /** Whether stderr is an interactive terminal (the progress bar is drawn there). */
  stderrIsTty?: boolean;
  /** The terminal's width when stdout is one; the table fits it (else 120 columns). */
  columns?: number;
  env: Record<string, string | undefined>;
  /** The wall clock, used only when neither --now nor the directory's `now:` is set. */
  clock: () => Date;
  exit: (code: number) => void;
  loaders: CoreLoaders;
}

interface ReportOptions {
  now?: Date;
  tz?: string;
  format: 'table' | 'json' | 'md' | 'html';
  out?: string;
  state?: string;
  requestsOut?: string;
  limit: number;
  width?: number;
  progress: boolean;
}

function parseNow(value: string): Date {
  const d = parseIsoInstant(value.trim());
  if (!d) throw new InvalidArgumentError('expected an ISO-8601 instant with an offset whose date exists, e.g. 2026-02-20T19:30:00Z');
  if (d.getTime() < CALENDAR_MIN_MS || d.getTime() >= CALENDAR_MAX_MS) throw new InvalidArgumentError('expected an instant in the years 1900–2199');
  return d;
}

function parseWidth(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 40) throw new InvalidArgumentError('expected a whole number ≥ 40');
  return Number(value);
}

function parseZone(value: string): string {
  if (!isValidTimeZone(value)) throw new InvalidArgumentError('expected an IANA time zone such as America/Los_Angeles or UTC');
  return value;
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
    .option('--tz <zone>', "show times in this IANA zone (default: the SLA calendars' zone, else UTC; json is always UTC)", parseZone)
    .addOption(new Option('--format <format>', 'output format (html: one self-contained page with charts, best with --out)').choices(['table', 'json', 'md', 'html']).default('table'))
    .option('--out <file>', 'write the report to FILE instead of stdout')
    .option('--state <file>', 'retry state file: remembers requested retries so reruns never ask twice (locked while the run lasts; rewritten atomically)')
    .option('--requests-out <dir>', 'outbox for the upload-retry tool: each run adds retry-requests-<batch>.csv and .json to DIR (never overwrites)')
    .option('--limit <n>', 'rows per list in table, md and html output (json is never cut)', parseLimit, 25)
    .option('--width <n>', 'width of the table output in characters (default: the terminal width, else 120)', parseWidth)
    .option('--no-progress', 'never show a progress bar')
    .action((dirArg: string | undefined, opts: ReportOptions) => {
      io.exit(runReport(dirArg, opts, io));
    });
}

/** Runs the report; returns the exit code (see exit-codes.ts). */
export function runReport(dirArg: string | undefined, opts: ReportOptions, io: ReportIo): number {
  const dir = dirArg ?? bundledExamplesDir();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    io.stderr(`creator-desk report: ${dir} is not a directory\n`);
    return EXIT_USAGE;
  }
  const found = discoverFiles(dir);
  if (!found.files.some((f) => f.kind === 'review' || f.kind === 'staging' || f.kind === 'module')) {
    const seen = [...found.files.map((f) => f.name), ...found.ignored];
    io.stderr(
      `creator-desk report: no queue files in ${dir}: expected review*.csv or review*.json (review submissions) and/or staging*.csv or staging*.json (staging items)` +
        `${seen.length ? `; found only: ${seen.join(', ')}` : '; the directory has no files'}\n`,
    );
    return EXIT_INPUT_ERRORS;
  }
  // Two runs on one state file could both request the same retries: the second is refused before it reads anything.
  let release: (() => void) | undefined;
  if (opts.state) {
    const lock = acquireStateLock(opts.state);
    if (!lock.ok) {
      io.stderr(lock.held ? `creator-desk report: ${lock.message}\n` : `creator-desk report: cannot write ${lockFileOf(opts.state)}: ${reasonOf(lock.error)}; nothing was written\n`);
      return lock.held ? EXIT_LOCKED : EXIT_WRITE_FAILED;
    }
    release = lock.release;
  }
  try {
    return reportLocked(dir, opts, io);
  } finally {
    release?.();
  }
}

function reportLocked(dir: string, opts: ReportOptions, io: ReportIo): number {
  // The bar goes to stderr and only on an interactive terminal, so piped or redirected output stays clean.
  const bar =
    opts.progress && io.stderrIsTty === true && queueFilesSize(dir) > PROGRESS_BYTES
      ? new cliProgress.SingleBar({ stream: process.stderr, format: ' {bar} {percentage}% | {label}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
      : undefined;
  // The bar counts bytes of the queue files, so it moves within a large file too.
  let started = false;
  const onProgress: ProgressFn | undefined = bar
    ? (done, total, label) => {
        if (!started) {
          bar.start(Math.max(1, total), 0, { label });
          started = true;
        }
        bar.update(Math.round((done / Math.max(1, total)) * bar.getTotal()), { label });
      }
    : undefined;

  const { report, plan, now, blockers } = reportFromDir(dir, io.loaders, {
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.tz ? { timeZone: opts.tz } : {}),
    clock: io.clock,
    ...(opts.state ? { stateFile: opts.state } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  bar?.stop();

  // Everything is staged (written and fsynced under temp names) before anything is renamed into place:
  // the outbox first, then the state, then the report. A crash between the renames leaves requests
  // in the outbox that the state does not record yet — the next run re-asks under the same idempotency
  // keys (the retry tool deduplicates) — never a state that records a request no file holds.
  const writes = new StagedWrites();
  const acting = opts.requestsOut !== undefined || opts.state !== undefined;
  const written: string[] = [];
  try {
    if (acting && blockers.length > 0) {
      report.notes.push(`retry requests and the state were NOT written: ${blockers.join('; ')}. Fix that and run again`);
    } else {
      if (opts.requestsOut !== undefined) {
        if (plan.requests.length === 0) report.notes.push(`no retry requests this run: nothing added to the outbox ${opts.requestsOut}`);
        else {
          for (const f of retryRequestFiles(opts.requestsOut, plan.requests, now).files) {
            writes.stage(f.path, f.content);
            written.push(f.path);
          }
        }
      }
      if (opts.state !== undefined) {
        writes.stage(opts.state, serializeRetryState(plan.nextState, now));
        written.push(opts.state);
      }
    }
    report.retries.written.push(...written);
    const text = renderReport(report, opts, io);
    if (opts.out !== undefined) writes.stage(opts.out, text);
    writes.commit();
    if (opts.out !== undefined) io.stderr(`creator-desk report: wrote ${opts.out}\n`);
    else io.stdout(text);
  } catch (err) {
    writes.abort();
    if (!(err instanceof OutputError)) throw err;
    io.stderr(`creator-desk report: cannot write ${err.path}: ${err.reason}; nothing was written\n`);
    return EXIT_WRITE_FAILED;
  }
  return hasErrors(report.problems) ? EXIT_INPUT_ERRORS : EXIT_OK;
}

function renderReport(report: Report, opts: ReportOptions, io: ReportIo): string {
  const color = !opts.out && io.isTty && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '') && io.env.TERM !== 'dumb';
  if (opts.format === 'json') return reportToJson(report);
  if (opts.format === 'md') return reportToMarkdown(report, { limit: opts.limit });
  if (opts.format === 'html') return reportToHtml(report, { limit: opts.limit });
  return reportToTable(report, { color, limit: opts.limit, width: opts.width ?? (io.isTty && io.columns ? io.columns : 120) });
}
