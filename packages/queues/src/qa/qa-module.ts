import { readFileSync } from 'node:fs';
import type { InputProblem } from '../readers/problems.js';
import { tableFormatOf } from '../readers/table.js';
import { readModuleSettings, type QueueModule, type QueueModuleContext, type QueueModuleReport } from '../report/queue-module.js';
import { analyzeQa, type QaAnalysis, type QaAudit, type QaDecision } from './analyze-qa.js';
import { latestPerKey } from './latest-per-key.js';
import { QA_AUDIT_COLUMNS, QA_DECISION_COLUMNS, qaAuditRowSchema, qaDecisionRowSchema } from './qa-rows.js';
import { qaSections } from './qa-sections.js';
import { qaSettingsSchema, type QaSettings } from './qa-settings.js';
import { readQaRows } from './read-qa-rows.js';

const DECISIONS_FILE = /^qa-decisions[\w.-]*\.(?:csv|json)$/i;
const AUDITS_FILE = /^qa-audits[\w.-]*\.(?:csv|json)$/i;

/** What the QA files of a directory hold, read and deduplicated. */
export interface QaInputs {
  decisions: QaDecision[];
  audits: QaAudit[];
  problems: InputProblem[];
  inputs: { file: string; kind: string; records: number }[];
}

/** The day of `now` in `timeZone` as YYYYMMDD: the default seed, so a day's reruns draw the same sample. */
export function seedOfDay(now: Date, timeZone: string): number {
  const part: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now)) part[p.type] = p.value;
  return Number(`${part.year}${part.month}${part.day}`);
}

/** Reads the decision logs and audits among `files`; bad rows are problems with file, row and line. */
export function readQaFiles(files: readonly { name: string; path: string }[], settings: QaSettings, now: Date): QaInputs {
  const problems: InputProblem[] = [];
  const inputs: QaInputs['inputs'] = [];
  const decisions: QaDecision[] = [];
  const audits: QaAudit[] = [];
  const decisionSchema = qaDecisionRowSchema(settings.decisions);
  const auditSchema = qaAuditRowSchema(settings.decisions);
  for (const f of files) {
    const format = tableFormatOf(f.name);
    const isDecisions = DECISIONS_FILE.test(f.name);
    if (!format || (!isDecisions && !AUDITS_FILE.test(f.name))) continue;
    let text: string;
    try {
      text = readFileSync(f.path, 'utf8');
    } catch (err) {
      problems.push({ file: f.path, severity: 'error', message: `cannot read: ${(err as Error).message}` });
      continue;
    }
    if (isDecisions) {
      const read = readQaRows(text, f.path, format, ['decisions', 'items'], decisionSchema, QA_DECISION_COLUMNS, { column: 'decided_at', of: (d) => d.decidedAt }, now);
      decisions.push(...read.items);
      problems.push(...read.problems);
      inputs.push({ file: f.path, kind: 'qa decisions', records: read.items.length });
    } else {
      const read = readQaRows(text, f.path, format, ['audits', 'items'], auditSchema, QA_AUDIT_COLUMNS, { column: 'audited_at', of: (a) => a.auditedAt }, now);
      audits.push(...read.items);
      problems.push(...read.problems);
      inputs.push({ file: f.path, kind: 'qa audits', records: read.items.length });
    }
  }
  // An item is decided once per contractor and audited once: repeats are re-exports or corrections.
  const d = latestPerKey(decisions, (x) => `${x.itemId}\u0000${x.contractor}`, (x) => x.decidedAt, (x) => `${JSON.stringify(x.itemId)} decided by ${x.contractor}`, 'item_id');
  const a = latestPerKey(audits, (x) => x.itemId, (x) => x.auditedAt, (x) => `${JSON.stringify(x.itemId)} audited`, 'item_id');
  return { decisions: d.items, audits: a.items, problems: [...problems, ...d.problems, ...a.problems], inputs };
}

/** The JSON part: everything the sections show, unshortened, plus the κ trend for the HTML report. */
export function qaJson(a: QaAnalysis, settings: QaSettings, inputs: QaInputs): unknown {
  return {
    settings,
    decisions: inputs.decisions.length,
    audits: inputs.audits.length,
    below_bar: a.scores.filter((s) => s.status === 'below_bar').map((s) => s.contractor),
    scorecard: a.scores.map((s) => ({
      contractor: s.contractor,
      decisions: s.decisions,
      audited: s.audited,
      agreed: s.agreed,
      agreement: s.agreement,
      kappa: s.kappa,
      band: s.band ?? null,
      ac1: s.ac1,
      golden: s.golden,
      false_positives: s.falsePositives,
      false_negatives: s.falseNegatives,
      wrong_actions: s.wrongActions,
      status: s.status,
      reasons: s.reasons,
      weeks: s.weeks.map((w) => ({ week: w.week, decisions: w.decisions, audited: w.audited, agreed: w.agreed, agreement: w.agreement, kappa: w.kappa, band: w.band ?? null, ac1: w.ac1 })),
    })),
    kappa_by_week: a.kappaByWeek,
    sample: {
      method: a.sizing.method,
      seed: a.sizing.seed,
      margin: a.sizing.margin,
      confidence: a.sizing.confidence,
      population: a.sizing.population,
      required: a.sizing.required,
      already_audited: a.sizing.alreadyAudited,
      candidates: a.sizing.candidates,
      size: a.sizing.size,
      fixed: a.sizing.fixed,
      strata: a.plan.strata,
      items: a.plan.items.map((i) => ({ item_id: i.itemId, contractor: i.contractor, decision: i.decision, decided_at: i.decidedAt.toISOString(), stratum: i.stratum, targeted: i.targeted })),
    },
  };
}

/** Contractor QA for `creator-desk report`: the scorecard against the QA bar and the next audit sample. */
export const qaModule: QueueModule = {
  name: 'qa',
  files: /^qa-(?:decisions|audits)[\w.-]*\.(?:csv|json)$/i,
  settingsKey: 'qa',
  build(ctx: QueueModuleContext): QueueModuleReport {
    const read = readModuleSettings(ctx, 'qa', qaSettingsSchema);
    const settings = read.value;
    const inputs = readQaFiles(ctx.files, settings, ctx.now);
    const analysis = analyzeQa(inputs.decisions, inputs.audits, settings, { timeZone: ctx.timeZone, defaultSeed: seedOfDay(ctx.now, ctx.timeZone) });
    const below = analysis.scores.filter((s) => s.status === 'below_bar').length;
    const notes: string[] = [`QA bar: κ ≥ ${settings.kappa_bar.toFixed(2)} and agreement ≥ ${(settings.agreement_bar * 100).toFixed(1)}% over the audits, judged once a contractor has ${settings.min_audits} audits`];
    if (settings.sampling.seed === undefined) notes.push(`QA sample drawn with seed ${analysis.sizing.seed} (the report's date); set qa.sampling.seed to draw it again on another day`);
    if (analysis.plan.items.length > analysis.sizing.size) notes.push(`QA sample: ${analysis.plan.items.length} items, not ${analysis.sizing.size}, so that each of the ${analysis.plan.strata.filter((s) => s.population > 0).length} strata gets one`);
    if (!read.ok) notes.push('qa settings have errors: the QA scorecard and sample use the defaults');
    return {
      name: 'qa',
      sections: (limit) => qaSections(analysis, settings, ctx.timeZone, limit),
      json: qaJson(analysis, settings, inputs),
      headline: [`${below} contractor${below === 1 ? '' : 's'} below the QA bar`],
      problems: [...read.problems, ...inputs.problems, ...analysis.problems],
      notes,
      inputs: inputs.inputs,
    };
  },
};
