import { readFileSync, statSync } from 'node:fs';
import type { RouteEvaluator } from '../escalations/routing.js';
import type { InputProblem } from '../readers/problems.js';
import { defaultQueueConfig, readQueueConfig, type QueueConfig } from '../readers/queue-config.js';
import { resolveDuplicates, seenIds } from '../readers/read-records.js';
import { readReviewSubmissions, type ReviewSubmission } from '../readers/review-submissions.js';
import { readStagingItems, type StagingItem } from '../readers/staging-items.js';
import { tableFormatOf } from '../readers/table.js';
import type { SlaEvaluator } from '../review/sla-view.js';
import type { ReportInputs } from './build-report.js';
import { MODULE_SETTINGS_KEYS } from './queue-modules.js';
import { discoverFiles, type DiscoveredFile, type InputKind } from './discover-files.js';
import type { Report } from './report-model.js';

/** Turns a rules or policies file into an evaluator, reporting its problems (the seams to core). */
export interface CoreLoaders {
  sla: (text: string, file: string) => { evaluator?: SlaEvaluator; problems: InputProblem[]; timeZone?: string };
  rules: (text: string, file: string) => { evaluator?: RouteEvaluator; problems: InputProblem[] };
}

/** Reading progress in bytes of the queue files (`done` of `total`), with what is being done. */
export type ProgressFn = (done: number, total: number, label: string) => void;

/** A directory's settings, SLA policies and escalation rules, and the queue files still to read. */
export interface QueueSettings {
  dir: string;
  config: QueueConfig;
  sla?: SlaEvaluator;
  route?: RouteEvaluator;
  /** Review and staging exports, by name. */
  tables: DiscoveredFile[];
  /** Problems and notes so far; reading the tables appends to them. */
  problems: InputProblem[];
  notes: string[];
  /** The team's time zone (the SLA calendars'), for showing times; undefined: UTC. */
  timeZone?: string;
  /** The files the queue modules read (takedowns, support …). */
  moduleFiles: DiscoveredFile[];
  /** `creator-desk.yaml`'s text, for the modules' own keys. */
  settingsText?: { text: string; file: string };
  /** Why nothing may be acted on (no retry requests or state written): the settings did not load cleanly. */
  blockers: string[];
}

/** Where the records of the queue files go as they are read. */
export interface QueueSink {
  review: (item: ReviewSubmission) => void;
  staging: (item: StagingItem) => void;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function readFile<E extends BufferEncoding | undefined>(path: string, encoding: E, problems: InputProblem[]): (E extends BufferEncoding ? string : Buffer) | undefined {
  try {
    return readFileSync(path, encoding) as E extends BufferEncoding ? string : Buffer;
  } catch (err) {
    problems.push({ file: path, severity: 'error', message: `cannot read: ${(err as Error).message}` });
    return undefined;
  }
}

/**
 * Reads a directory's settings, SLA policies and escalation rules (not the queue files). Unreadable or
 * invalid files become problems, with defaults used in their place.
 */
export function loadSettings(dir: string, loaders: CoreLoaders): QueueSettings {
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  const { files, ignored } = discoverFiles(dir);
  if (ignored.length) notes.push(`ignored files (not a recognised queue file name): ${ignored.join(', ')}`);

  // Settings, policies and rules come one file each: the first by name is used, extras are errors.
  const onlyFile = (kind: InputKind, what: string): DiscoveredFile | undefined => {
    const all = files.filter((f) => f.kind === kind);
    if (all.length > 1) problems.push({ file: dir, severity: 'error', message: `more than one ${what}: ${all.map((f) => f.name).join(', ')}; using ${all[0]?.name}` });
    return all[0];
  };
  const load = <R extends { problems: InputProblem[] }>(file: DiscoveredFile, loader: (text: string, path: string) => R): R | undefined => {
    const text = readFile(file.path, 'utf8', problems);
    if (text === undefined) return undefined;
    const r = loader(text, file.path);
    append(problems, r.problems);
    return r;
  };

  let config: QueueConfig = defaultQueueConfig();
  const blockers: string[] = [];
  let settingsText: QueueSettings['settingsText'];
  const configFile = onlyFile('config', 'settings file');
  if (configFile) {
    const r = load(configFile, (text, path) => {
      settingsText = { text, file: path };
      return readQueueConfig(text, path, MODULE_SETTINGS_KEYS);
    });
    if (r?.value) config = r.value;
    if (!r || r.problems.some((p) => p.severity === 'error')) {
      blockers.push(`${configFile.path} has errors`);
      notes.push(
        r?.value
          ? `${configFile.path} has errors: the keys with errors were left out (their defaults apply), every other key is used`
          : `${configFile.path} could not be read: default settings used`,
      );
    }
  } else {
    notes.push('no creator-desk.yaml: default retry policy, no per-stage limits');
  }

  const slaFile = onlyFile('sla_policies', 'SLA policy file');
  const ruleFile = onlyFile('escalation_rules', 'escalation rules file');
  const slaRead = slaFile ? load(slaFile, loaders.sla) : undefined;
  const sla = slaRead?.evaluator;
  if (!slaFile) notes.push('no sla-policies.yaml: review items have no SLA');
  const route = ruleFile ? load(ruleFile, loaders.rules)?.evaluator : undefined;
  if (!ruleFile) notes.push('no escalation-rules.yaml: nothing is routed to other teams');

  const tables = files.filter((f) => f.kind === 'review' || f.kind === 'staging');
  const moduleFiles = files.filter((f) => f.kind === 'module');
  const settings: QueueSettings = { dir, config, tables, moduleFiles, problems, notes, blockers };
  if (settingsText) settings.settingsText = settingsText;
  if (sla) settings.sla = sla;
  if (route) settings.route = route;
  if (slaRead?.timeZone) settings.timeZone = slaRead.timeZone;
  return settings;
}

/** Rows to leave out of a second reading: those that lost to a later row with the same id. */
export interface QueueSkips {
  review: ReadonlySet<string>;
  staging: ReadonlySet<string>;
}

/**
 * Reads the review and staging exports file by file, handing each valid record to the sink as it is
 * parsed. Bad rows and ids repeated within or across files become problems in `settings.problems`.
 * Returns what was read from each file and, when a repeated id's winner is a row read after the one
 * already handed out, `reread`: read everything again into a fresh sink with those skips (a second
 * reading adds no problems or notes).
 */
export function readQueueFiles(settings: QueueSettings, sink: QueueSink, onProgress?: ProgressFn, skips?: QueueSkips): { inputs: Report['inputs']; reread?: QueueSkips } {
  const { tables } = settings;
  const problems = skips ? [] : settings.problems;
  const inputs: Report['inputs'] = [];
  const reviewIds = seenIds(skips?.review);
  const stagingIds = seenIds(skips?.staging);
  const sizes = tables.map((f) => fileSize(f.path));
  const total = sizes.reduce((a, b) => a + b, 0);
  let before = 0;
  tables.forEach((f, i) => {
    const label = `reading ${f.name}`;
    onProgress?.(before, total, label);
    const format = tableFormatOf(f.name);
    // Bytes, not text: csv-parse works on bytes and would otherwise convert the whole file back.
    const bytes = readFile(f.path, undefined, problems);
    const start = before;
    before += sizes[i] as number;
    if (bytes === undefined || format === undefined) return;
    // The bar moves within a file too, as its chunks are parsed.
    const progress = onProgress ? (done: number) => onProgress(start + done, total, label) : undefined;
    const r =
      f.kind === 'review'
        ? readReviewSubmissions(bytes, f.path, format, { seen: reviewIds, each: sink.review, ...(progress ? { progress } : {}) })
        : readStagingItems(bytes, f.path, format, { seen: stagingIds, each: sink.staging, ...(progress ? { progress } : {}) });
    append(problems, r.problems);
    inputs.push({ file: f.path, kind: f.kind === 'review' ? 'review submissions' : 'staging items', records: r.records });
  });
  onProgress?.(total, total, 'read');
  if (skips) return { inputs };
  if (!tables.some((f) => f.kind === 'review')) settings.notes.push('no review-*.csv/json file found');
  if (!tables.some((f) => f.kind === 'staging')) settings.notes.push('no staging-*.csv/json file found');
  const review = resolveDuplicates(reviewIds);
  const staging = resolveDuplicates(stagingIds);
  append(problems, review.problems);
  append(problems, staging.problems);
  if (!review.rereadNeeded && !staging.rereadNeeded) return { inputs };
  return { inputs, reread: { review: review.skip, staging: staging.skip } };
}

/**
 * Reads every queue file in a directory into memory. Unreadable files and bad rows become problems;
 * everything valid is returned. Only the file system is touched here — nothing is computed.
 */
export function loadInputs(dir: string, loaders: CoreLoaders, onProgress?: ProgressFn): ReportInputs {
  const settings = loadSettings(dir, loaders);
  let reviews: ReviewSubmission[] = [];
  let staging: StagingItem[] = [];
  let reading = readQueueFiles(settings, { review: (s) => reviews.push(s), staging: (s) => staging.push(s) }, onProgress);
  if (reading.reread) {
    reviews = [];
    staging = [];
    reading = readQueueFiles(settings, { review: (s) => reviews.push(s), staging: (s) => staging.push(s) }, onProgress, reading.reread);
  }
  const { tables: _tables, blockers: _blockers, ...rest } = settings;
  return { ...rest, reviews, staging, inputs: reading.inputs };
}

/** `into.push(...items)` without spreading: a spread of 200,000 problems overflows the call stack. */
function append<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}
