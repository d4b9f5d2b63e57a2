/**
 * `creator-desk qa sample DIR [--size N | --margin E --confidence C] [--seed S] [--method M] [--json]`:
 * the next contractor QA sample of a report directory (its `qa-decisions*` and `qa-audits*` files and the
 * `qa:` key of its creator-desk.yaml), printed as CSV to paste into the audit sheet — the same sample the
 * report's "QA sample to audit" section shows for the same settings, seed and now.
 */
import { existsSync, statSync } from 'node:fs';
import { CALENDAR_MAX_MS, CALENDAR_MIN_MS, isValidTimeZone } from '@creator-desk/core';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { analyzeQa } from '../qa/analyze-qa.js';
import { qaJson, readQaFiles, seedOfDay } from '../qa/qa-module.js';
import { qaSettingsSchema } from '../qa/qa-settings.js';
import { samplingMethods, type SamplingMethod } from '../qa/sampling-plan.js';
import { parseIsoInstant } from '../readers/fields.js';
import { formatProblem, hasErrors, type InputProblem } from '../readers/problems.js';
import type { CoreLoaders } from '../report/load-inputs.js';
import { loadSettings } from '../report/load-inputs.js';
import { readModuleSettings } from '../report/queue-module.js';
import { EXIT_INPUT_ERRORS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';

/** Where the qa command reads its clock and writes; tests pass their own. */
export interface QaIo {
  out: (text: string) => void;
  err: (text: string) => void;
  exit: (code: number) => void;
  clock: () => Date;
  loaders: CoreLoaders;
}

interface SampleOptions {
  size?: number;
  margin?: number;
  confidence?: number;
  seed?: number;
  method?: SamplingMethod;
  now?: Date;
  tz?: string;
  json: boolean;
}

const wholeIn = (lo: number, hi: number) => (value: string): number => {
  if (!/^\d+$/.test(value.trim()) || Number(value) < lo || Number(value) > hi) throw new InvalidArgumentError(`expected a whole number from ${lo} to ${hi}`);
  return Number(value);
};

const fractionIn = (lo: number, hi: number, example: string) => (value: string): number => {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n) || n <= lo || n > hi) throw new InvalidArgumentError(`expected a fraction above ${lo} and at most ${hi}, e.g. ${example}`);
  return n;
};

function parseNow(value: string): Date {
  const d = parseIsoInstant(value.trim());
  if (!d || d.getTime() < CALENDAR_MIN_MS || d.getTime() >= CALENDAR_MAX_MS) throw new InvalidArgumentError('expected an ISO-8601 instant with an offset in the years 1900–2199, e.g. 2026-02-20T19:30:00Z');
  return d;
}

function parseZone(value: string): string {
  if (!isValidTimeZone(value)) throw new InvalidArgumentError('expected an IANA time zone such as America/Los_Angeles or UTC');
  return value;
}

// RFC 4180: a cell with a comma, quote or line break is quoted (contractor names are free text).
const csvCell = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** Prints the next QA sample of `dir`; problems go to stderr as `file:line (row N) field: message`. */
export function runQaSample(dir: string, opts: SampleOptions, io: QaIo): number {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    io.err(`creator-desk qa sample: ${dir} is not a directory\n`);
    return EXIT_USAGE;
  }
  const loaded = loadSettings(dir, io.loaders);
  const files = loaded.moduleFiles.filter((f) => f.module === 'qa');
  if (!files.some((f) => /^qa-decisions/i.test(f.name))) {
    io.err(`creator-desk qa sample: ${dir} has no contractor decision log (qa-decisions*.csv or qa-decisions*.json)\n`);
    return EXIT_INPUT_ERRORS;
  }
  const now = opts.now ?? loaded.config.now ?? io.clock();
  const timeZone = opts.tz ?? loaded.timeZone ?? 'UTC';
  const ctx = { dir, files, now, timeZone, ...(loaded.settingsText ? { settings: loaded.settingsText } : {}) };
  const read = readModuleSettings(ctx, 'qa', qaSettingsSchema);
  const settings = opts.method ? { ...read.value, sampling: { ...read.value.sampling, method: opts.method } } : read.value;
  const inputs = readQaFiles(files, settings, now);
  const analysis = analyzeQa(inputs.decisions, inputs.audits, settings, {
    timeZone,
    defaultSeed: seedOfDay(now, timeZone),
    ...(opts.size !== undefined ? { size: opts.size } : {}),
    ...(opts.margin !== undefined ? { margin: opts.margin } : {}),
    ...(opts.confidence !== undefined ? { confidence: opts.confidence } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  });
  // A settings file that does not parse is the core settings' problem, but it leaves qa on its defaults too.
  const settingsFile = loaded.settingsText?.file;
  const unparsed = loaded.problems.filter((p) => p.file === settingsFile && p.field === undefined);
  const problems: InputProblem[] = [...unparsed, ...read.problems, ...inputs.problems, ...analysis.problems];
  for (const p of problems) io.err(`${formatProblem(p).replace(/: /, `: ${p.severity}: `)}\n`);

  if (opts.json) io.out(`${JSON.stringify((qaJson(analysis, settings, inputs) as { sample: unknown }).sample, null, 2)}\n`);
  else {
    const z = analysis.sizing;
    const share = (x: number): string => `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`;
    const why = z.fixed ? `size fixed at ${z.required}` : `±${share(z.margin)} at ${share(z.confidence)} over ${z.population} decisions needs ${z.required}, ${z.alreadyAudited} audited`;
    const strata = analysis.plan.items.length > z.size ? `; at least one from each of the ${analysis.plan.strata.filter((s) => s.population > 0).length} strata` : '';
    // One write: a reader that stops early (`| head`) then ends the pipe once, not mid-loop.
    const lines = [`# QA sample: ${analysis.plan.items.length} of ${z.candidates} decisions not audited yet (${why}; ${z.method}, seed ${z.seed}${strata})`, 'item_id,contractor,decision,decided_at,stratum'];
    for (const i of analysis.plan.items) lines.push(`${csvCell(i.itemId)},${csvCell(i.contractor)},${csvCell(i.decision)},${i.decidedAt.toISOString()},${csvCell(i.stratum)}`);
    io.out(`${lines.join('\n')}\n`);
  }
  return hasErrors(problems) ? EXIT_INPUT_ERRORS : EXIT_OK;
}

/** Registers `creator-desk qa sample`. */
export function registerQaCommand(program: Command, io: QaIo): void {
  const qa = program.command('qa').description('contractor QA: the next audit sample');
  qa.command('sample')
    .description('print the next QA sample of DIR as CSV (item_id, contractor, decision, decided_at, stratum)')
    .argument('<dir>', 'a report directory with qa-decisions*.csv|json (and qa-audits*.csv|json)')
    .addOption(new Option('--size <n>', 'draw exactly this many (instead of the size for the margin)').argParser(wholeIn(1, 100_000)).conflicts(['margin', 'confidence']))
    .option('--margin <e>', 'margin of error as a fraction (default qa.sampling.margin, else 0.05)', fractionIn(0, 0.5, '0.05'))
    .option('--confidence <c>', 'confidence level as a fraction (default qa.sampling.confidence, else 0.95)', fractionIn(0.5, 0.9999, '0.95'))
    .option('--seed <s>', 'seed of the draw (default qa.sampling.seed, else the date of now, YYYYMMDD)', wholeIn(0, 4_294_967_295))
    .addOption(new Option('--method <m>', 'sampling method (default qa.sampling.method, else stratified)').choices(samplingMethods))
    .option('--now <iso>', "the report's now (default creator-desk.yaml's now:, else the clock)", parseNow)
    .option('--tz <zone>', 'time zone of the weeks and the default seed (default: the SLA calendars\' zone, else UTC)', parseZone)
    .option('--json', 'print the sample as JSON (as under queues.qa.sample in the report)', false)
    .action((dir: string, opts: SampleOptions) => {
      io.exit(runQaSample(dir, opts, io));
    });
}
