/**
 * Example contractor QA data for `examples/`: two weeks (9–20 February 2026) of decisions by five
 * outsourced review contractors, a golden set, and the coordinator's audits of a sample of them. One
 * contractor (`ct_dmitri`) agrees clearly less with the audits, and worse in the second week, so the
 * scorecard has someone below the bar. Seeded (scripts/seeded-random.ts): the same files on every run.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../packages/core/src/random/seeded-random.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Monday 9 February 2026, 00:00 in Los Angeles. */
const FIRST_MONDAY = Date.parse('2026-02-09T08:00:00Z');
/** The report's now (examples/creator-desk.yaml): no decision or audit may be later. */
const NOW = Date.parse('2026-02-20T19:30:00Z');

const DECISIONS = ['approve', 'reject', 'escalate'] as const;
type Decision = (typeof DECISIONS)[number];

/** Each contractor's chance of deciding as the audit would, per week (the last one slips in week 2). */
const CONTRACTORS: readonly { name: string; accuracy: [number, number]; share: number }[] = [
  { name: 'ct_amaka', accuracy: [0.95, 0.94], share: 0.22 },
  { name: 'ct_bruno', accuracy: [0.92, 0.93], share: 0.2 },
  { name: 'ct_chiara', accuracy: [0.9, 0.91], share: 0.2 },
  { name: 'ct_dmitri', accuracy: [0.7, 0.5], share: 0.18 },
  { name: 'ct_elif', accuracy: [0.94, 0.95], share: 0.2 },
];

/** The `qa:` block appended to examples/creator-desk.yaml. */
export const QA_EXAMPLE_CONFIG = `
# Contractor QA: the decision vocabulary, the bar a contractor must meet, and how the next audit sample
# is drawn (targeted: contractors below the bar get twice their share; the seed makes it reproducible).
qa:
  decisions: [approve, reject, escalate]
  approve_decision: approve
  reject_decision: reject
  kappa_bar: 0.6
  agreement_bar: 0.8
  min_audits: 10
  week_start: monday
  sampling:
    method: targeted
    margin: 0.05
    confidence: 0.95
    seed: 20260220
    oversample: 2
`;

export interface QaExamples {
  decisionsCsv: string;
  auditsCsv: string;
  decisions: number;
  audits: number;
}

const iso = (t: number): string => new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** Generates the decision log and the audits (`decisions` ≈ 300, `audits` ≈ 60). */
export function generateQaExamples(opts: { seed: number; decisions: number; audits: number }): QaExamples {
  const random = seededRandom(opts.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const truth = (): Decision => {
    const r = random();
    return r < 0.62 ? 'approve' : r < 0.88 ? 'reject' : 'escalate';
  };
  const contractorOf = (): (typeof CONTRACTORS)[number] => {
    let r = random();
    for (const c of CONTRACTORS) {
      r -= c.share;
      if (r < 0) return c;
    }
    return CONTRACTORS[CONTRACTORS.length - 1] as (typeof CONTRACTORS)[number];
  };
  // Ten working days, 09:00–17:00 Pacific, Monday 9 to Friday 20 February (Friday 20th until the report's now).
  const days = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11];
  interface Row { item: string; contractor: string; decision: Decision; truth: Decision; at: number; golden: boolean }
  const rows: Row[] = [];
  for (let i = 0; i < opts.decisions; i++) {
    const dayIndex = Math.floor((i / opts.decisions) * days.length);
    const day = days[dayIndex] as number;
    const start = FIRST_MONDAY + day * 24 * HOUR + 9 * HOUR;
    const end = Math.min(start + 8 * HOUR, NOW - 45 * MINUTE);
    const at = start + Math.floor(random() * ((end - start) / MINUTE)) * MINUTE + Math.floor(random() * 60) * 1000;
    const c = contractorOf();
    const t = truth();
    const week = day < 7 ? 0 : 1;
    const right = random() < c.accuracy[week];
    const decision = right ? t : pick(DECISIONS.filter((d) => d !== t));
    rows.push({ item: `itm_${String(24001 + i)}`, contractor: c.name, decision, truth: t, at, golden: random() < 0.1 });
  }
  const decisionsCsv = ['item_id,contractor,decision,decided_at,golden', ...rows.map((r) => `${r.item},${r.contractor},${r.decision},${iso(r.at)},${r.golden ? r.truth : ''}`)].join('\n') + '\n';

  // The coordinator audits a dozen non-golden decisions per contractor, a few hours after each.
  const perContractor = Math.round(opts.audits / CONTRACTORS.length);
  const audited: { row: Row; at: number; auditor: string }[] = [];
  for (const c of CONTRACTORS) {
    const pool = rows.filter((r) => r.contractor === c.name && !r.golden);
    for (let k = 0; k < perContractor && pool.length > 0; k++) {
      const row = pool.splice(Math.floor(random() * pool.length), 1)[0] as Row;
      const at = Math.min(row.at + (2 + Math.floor(random() * 20)) * HOUR, NOW - 30 * MINUTE);
      audited.push({ row, at, auditor: random() < 0.7 ? 'coord_jess' : 'coord_omar' });
    }
  }
  audited.sort((a, b) => a.at - b.at || (a.row.item < b.row.item ? -1 : 1));
  const auditsCsv = ['item_id,auditor,decision,audited_at', ...audited.map((a) => `${a.row.item},${a.auditor},${a.row.truth},${iso(a.at)}`)].join('\n') + '\n';
  return { decisionsCsv, auditsCsv, decisions: rows.length, audits: audited.length };
}

/** Writes the QA example files into `out` and appends the `qa:` block to its creator-desk.yaml. */
export function writeQaExamples(out: string): void {
  const qa = generateQaExamples({ seed: 20260209, decisions: 300, audits: 60 });
  writeFileSync(join(out, 'qa-decisions.csv'), qa.decisionsCsv);
  writeFileSync(join(out, 'qa-audits.csv'), qa.auditsCsv);
  appendFileSync(join(out, 'creator-desk.yaml'), QA_EXAMPLE_CONFIG);
}
