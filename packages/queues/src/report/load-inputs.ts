import { readFileSync } from 'node:fs';
import type { RouteEvaluator } from '../escalations/routing.js';
import type { InputProblem } from '../readers/problems.js';
import { defaultQueueConfig, readQueueConfig, type QueueConfig } from '../readers/queue-config.js';
import { readReviewSubmissions, type ReviewSubmission } from '../readers/review-submissions.js';
import { readStagingItems, type StagingItem } from '../readers/staging-items.js';
import { tableFormatOf } from '../readers/table.js';
import type { SlaEvaluator } from '../review/sla-view.js';
import type { ReportInputs } from './build-report.js';
import { discoverFiles } from './discover-files.js';

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

  const read = (path: string): string | undefined => {
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      problems.push({ file: path, severity: 'error', message: `cannot read: ${(err as Error).message}` });
      return undefined;
    }
  };

  let config: QueueConfig = defaultQueueConfig();
  const configs = files.filter((f) => f.kind === 'config');
  if (configs.length > 1) problems.push({ file: dir, severity: 'error', message: `more than one settings file: ${configs.map((f) => f.name).join(', ')}; using ${configs[0]?.name}` });
  const configFile = configs[0];
  if (configFile) {
    const text = read(configFile.path);
    if (text !== undefined) {
      const r = readQueueConfig(text, configFile.path);
      problems.push(...r.problems);
      if (r.value) config = r.value;
      else notes.push(`${configFile.path} has errors: default stage limits and retry policy used`);
    }
  } else {
    notes.push('no creator-desk.yaml: default retry policy, no per-stage limits');
  }

  let sla: SlaEvaluator | undefined;
  let route: RouteEvaluator | undefined;
  const slaFiles = files.filter((f) => f.kind === 'sla_policies');
  const ruleFiles = files.filter((f) => f.kind === 'escalation_rules');
  if (slaFiles.length > 1) problems.push({ file: dir, severity: 'error', message: `more than one SLA policy file: ${slaFiles.map((f) => f.name).join(', ')}; using ${slaFiles[0]?.name}` });
  if (ruleFiles.length > 1) problems.push({ file: dir, severity: 'error', message: `more than one escalation rules file: ${ruleFiles.map((f) => f.name).join(', ')}; using ${ruleFiles[0]?.name}` });
  const slaFile = slaFiles[0];
  if (slaFile) {
    const text = read(slaFile.path);
    if (text !== undefined) {
      const r = loaders.sla(text, slaFile.path);
      problems.push(...r.problems);
      sla = r.evaluator;
    }
  } else notes.push('no sla-policies.yaml: review items have no SLA');
  const ruleFile = ruleFiles[0];
  if (ruleFile) {
    const text = read(ruleFile.path);
    if (text !== undefined) {
      const r = loaders.rules(text, ruleFile.path);
      problems.push(...r.problems);
      route = r.evaluator;
    }
  } else notes.push('no escalation-rules.yaml: nothing is routed to other teams');

  const reviews: ReviewSubmission[] = [];
  const staging: StagingItem[] = [];
  const tables = files.filter((f) => f.kind === 'review' || f.kind === 'staging');
  tables.forEach((f, i) => {
    onProgress?.(i, tables.length, `reading ${f.name}`);
    const format = tableFormatOf(f.name);
    const text = read(f.path);
    if (text === undefined || format === undefined) return;
    if (f.kind === 'review') {
      const r = readReviewSubmissions(text, f.path, format);
      problems.push(...r.problems);
      mergeUnique(reviews, r.items, problems);
      inputs.push({ file: f.path, kind: 'review submissions', records: r.items.length });
    } else {
      const r = readStagingItems(text, f.path, format);
      problems.push(...r.problems);
      mergeUnique(staging, r.items, problems);
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

/** Appends records, reporting ids already seen in an earlier file (the later copy is not used). */
function mergeUnique<T extends { id: string; source: { file: string; row: number; line?: number } }>(into: T[], items: T[], problems: InputProblem[]): void {
  if (into.length === 0) {
    into.push(...items);
    return;
  }
  const seen = new Map(into.map((x) => [x.id, x.source] as const));
  for (const item of items) {
    const first = seen.get(item.id);
    if (first) {
      problems.push({
        file: item.source.file,
        row: item.source.row,
        ...(item.source.line !== undefined ? { line: item.source.line } : {}),
        field: 'id',
        severity: 'error',
        message: `duplicate id ${JSON.stringify(item.id)} (first in ${first.file} row ${first.row}); this row was not used`,
      });
      continue;
    }
    seen.set(item.id, item.source);
    into.push(item);
  }
}
