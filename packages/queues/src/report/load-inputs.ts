import { readFileSync } from 'node:fs';
import type { RouteEvaluator } from '../escalations/routing.js';
import type { InputProblem } from '../readers/problems.js';
import { duplicateIdProblem } from '../readers/read-records.js';
import { defaultQueueConfig, readQueueConfig, type QueueConfig } from '../readers/queue-config.js';
import { readReviewSubmissions, type ReviewSubmission } from '../readers/review-submissions.js';
import { readStagingItems, type StagingItem } from '../readers/staging-items.js';
import { tableFormatOf } from '../readers/table.js';
import type { SourceRef } from '../readers/validate-rows.js';
import type { SlaEvaluator } from '../review/sla-view.js';
import type { ReportInputs } from './build-report.js';
import { discoverFiles, type DiscoveredFile, type InputKind } from './discover-files.js';

/** Turns a rules or policies file into an evaluator, reporting its problems (the seams to core). */
export interface CoreLoaders {
  sla: (text: string, file: string) => { evaluator?: SlaEvaluator; problems: InputProblem[] };
  rules: (text: string, file: string) => { evaluator?: RouteEvaluator; problems: InputProblem[] };
}

export type ProgressFn = (done: number, total: number, label: string) => void;

/**
 * Reads every queue file in a directory. Unreadable files and bad rows become problems; everything
 * valid is returned. Only the file system is touched here — nothing is computed.
 */
export function loadInputs(dir: string, loaders: CoreLoaders, onProgress?: ProgressFn): ReportInputs {
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  const inputs: ReportInputs['inputs'] = [];
  const { files, ignored } = discoverFiles(dir);
  if (ignored.length) notes.push(`ignored files (not a recognised queue file name): ${ignored.join(', ')}`);

  const read = <E extends BufferEncoding | undefined>(path: string, encoding: E): (E extends BufferEncoding ? string : Buffer) | undefined => {
    try {
      return readFileSync(path, encoding) as E extends BufferEncoding ? string : Buffer;
    } catch (err) {
      problems.push({ file: path, severity: 'error', message: `cannot read: ${(err as Error).message}` });
      return undefined;
    }
  };
  // Settings, policies and rules come one file each: the first by name is used, extras are errors.
  const onlyFile = (kind: InputKind, what: string): DiscoveredFile | undefined => {
    const all = files.filter((f) => f.kind === kind);
    if (all.length > 1) problems.push({ file: dir, severity: 'error', message: `more than one ${what}: ${all.map((f) => f.name).join(', ')}; using ${all[0]?.name}` });
    return all[0];
  };
  const load = <R extends { problems: InputProblem[] }>(file: DiscoveredFile, loader: (text: string, path: string) => R): R | undefined => {
    const text = read(file.path, 'utf8');
    if (text === undefined) return undefined;
    const r = loader(text, file.path);
    append(problems, r.problems);
    return r;
  };

  let config: QueueConfig = defaultQueueConfig();
  const configFile = onlyFile('config', 'settings file');
  if (configFile) {
    const r = load(configFile, readQueueConfig);
    if (r?.value) config = r.value;
    else if (r) notes.push(`${configFile.path} has errors: default stage limits and retry policy used`);
  } else {
    notes.push('no creator-desk.yaml: default retry policy, no per-stage limits');
  }

  const slaFile = onlyFile('sla_policies', 'SLA policy file');
  const ruleFile = onlyFile('escalation_rules', 'escalation rules file');
  const sla = slaFile ? load(slaFile, loaders.sla)?.evaluator : undefined;
  if (!slaFile) notes.push('no sla-policies.yaml: review items have no SLA');
  const route = ruleFile ? load(ruleFile, loaders.rules)?.evaluator : undefined;
  if (!ruleFile) notes.push('no escalation-rules.yaml: nothing is routed to other teams');

  let reviews: ReviewSubmission[] = [];
  let staging: StagingItem[] = [];
  const tables = files.filter((f) => f.kind === 'review' || f.kind === 'staging');
  tables.forEach((f, i) => {
    onProgress?.(i, tables.length, `reading ${f.name}`);
    const format = tableFormatOf(f.name);
    // Bytes, not text: csv-parse works on bytes and would otherwise convert the whole file back.
    const bytes = read(f.path, undefined);
    if (bytes === undefined || format === undefined) return;
    if (f.kind === 'review') {
      const r = readReviewSubmissions(bytes, f.path, format);
      append(problems, r.problems);
      reviews = mergeUnique(reviews, r.items, problems);
      inputs.push({ file: f.path, kind: 'review submissions', records: r.items.length });
    } else {
      const r = readStagingItems(bytes, f.path, format);
      append(problems, r.problems);
      staging = mergeUnique(staging, r.items, problems);
      inputs.push({ file: f.path, kind: 'staging items', records: r.items.length });
    }
  });
  onProgress?.(tables.length, tables.length, 'read');
  if (!tables.some((f) => f.kind === 'review')) notes.push('no review-*.csv/json file found');
  if (!tables.some((f) => f.kind === 'staging')) notes.push('no staging-*.csv/json file found');

  const out: ReportInputs = { dir, config, reviews, staging, inputs, problems, notes };
  if (sla) out.sla = sla;
  if (route) out.route = route;
  return out;
}

/** `into.push(...items)` without spreading: a spread of 200,000 problems overflows the call stack. */
function append<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

/** Adds a file's records to those read before, reporting ids already seen in an earlier file (the later copy is not used). */
function mergeUnique<T extends { id: string; source: SourceRef }>(into: T[], items: T[], problems: InputProblem[]): T[] {
  if (into.length === 0) return items;
  const seen = new Map(into.map((x) => [x.id, x.source] as const));
  for (const item of items) {
    const first = seen.get(item.id);
    if (first) {
      problems.push(duplicateIdProblem(item.id, item.source, `first in ${first.file} row ${first.row}`));
      continue;
    }
    seen.set(item.id, item.source);
    into.push(item);
  }
  return into;
}
