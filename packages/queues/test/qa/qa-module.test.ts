import { describe, expect, it } from 'vitest';
import { coreLoaders } from '../../src/report/core-loaders.js';
import { reportToJson } from '../../src/report/format-json.js';
import { reportToMarkdown } from '../../src/report/format-markdown.js';
import { headline } from '../../src/report/sections.js';
import { reportFromDir } from '../../src/report/report-from-dir.js';
import { hasErrors } from '../../src/readers/problems.js';
import { seedOfDay } from '../../src/qa/qa-module.js';
import { tempDir } from '../helpers/temp-dir.js';

const now = new Date('2026-02-20T19:30:00Z');

// Two contractors over two ISO weeks (W07: 9–15 Feb, W08: 16–22 Feb). `sloppy` disagrees with half its
// audits; `careful` agrees with all of them. Golden items are never sampled.
function decisionsCsv(): string {
  const rows = ['item_id,contractor,decision,decided_at,golden'];
  const decide = (n: number, contractor: string, decision: string, day: string, golden = ''): void => {
    rows.push(`i${String(n).padStart(3, '0')},${contractor},${decision},2026-02-${day}T18:00:00Z,${golden}`);
  };
  let n = 0;
  for (let i = 0; i < 12; i++) decide(++n, 'careful', i % 3 === 0 ? 'reject' : 'approve', i < 6 ? '10' : '17');
  for (let i = 0; i < 12; i++) decide(++n, 'sloppy', i % 3 === 0 ? 'reject' : 'approve', i < 6 ? '10' : '17');
  for (let i = 0; i < 20; i++) decide(++n, i % 2 ? 'careful' : 'sloppy', 'approve', '18');
  decide(++n, 'careful', 'approve', '18', 'approve');
  decide(++n, 'sloppy', 'approve', '18', 'reject');
  return `${rows.join('\n')}\n`;
}

// Audits of i001–i024: careful's all agree; sloppy's i013–i024 flip every other decision.
function auditsCsv(): string {
  const rows = ['item_id,auditor,decision,audited_at'];
  for (let n = 1; n <= 24; n++) {
    const contractorSaid = (n - 1) % 12 % 3 === 0 ? 'reject' : 'approve';
    const flip = n > 12 && n % 2 === 0;
    const audit = flip ? (contractorSaid === 'approve' ? 'reject' : 'approve') : contractorSaid;
    rows.push(`i${String(n).padStart(3, '0')},coord,${audit},2026-02-19T20:00:00Z`);
  }
  return `${rows.join('\n')}\n`;
}

const SETTINGS = `now: 2026-02-20T19:30:00Z
qa:
  kappa_bar: 0.6
  agreement_bar: 0.8
  min_audits: 10
  sampling: { method: stratified, seed: 99, margin: 0.05, confidence: 0.95 }
`;

const run = (files: Record<string, string>) => reportFromDir(tempDir(files), coreLoaders, { now, clock: () => now, timeZone: 'UTC' }).report;
const qaJson = (report: ReturnType<typeof run>) => JSON.parse(reportToJson(report)).queues.qa;

describe('the qa queue module in creator-desk report', () => {
  it('scores contractors, flags the one below the bar in the headline, and plans the next sample', () => {
    const report = run({ 'creator-desk.yaml': SETTINGS, 'qa-decisions.csv': decisionsCsv(), 'qa-audits.csv': auditsCsv() });
    expect(report.problems).toEqual([]);
    expect(headline(report)).toContain('1 contractor below the QA bar');
    const qa = qaJson(report);
    expect(qa.below_bar).toEqual(['sloppy']);
    const sloppy = qa.scorecard[0];
    expect(sloppy).toMatchObject({ contractor: 'sloppy', audited: 12, agreed: 6, agreement: 0.5, status: 'below_bar' });
    // sloppy: 4 reject + 8 approve; flips: 2 of its rejects audited approve (FP), 4 approves audited reject (FN).
    expect([sloppy.false_positives, sloppy.false_negatives, sloppy.wrong_actions]).toEqual([2, 4, 0]);
    expect(sloppy.golden).toEqual({ items: 1, correct: 0, accuracy: 0 });
    expect(qa.scorecard[1]).toMatchObject({ contractor: 'careful', agreement: 1, kappa: 1, band: 'almost perfect', status: 'ok' });

    // The contract with the HTML report: one entry per contractor and week.
    expect(qa.kappa_by_week).toEqual([
      { contractor: 'sloppy', week: '2026-W07', kappa: expect.any(Number), audited: 6 },
      { contractor: 'sloppy', week: '2026-W08', kappa: expect.any(Number), audited: 6 },
      { contractor: 'careful', week: '2026-W07', kappa: 1, audited: 6 },
      { contractor: 'careful', week: '2026-W08', kappa: 1, audited: 6 },
    ]);

    // 44 non-golden decisions: ±5 % at 95 % needs ⌈384.15 / (1 + 383.15/44)⌉ = 40; 24 audited → 16 more.
    expect(qa.sample).toMatchObject({ method: 'stratified', seed: 99, population: 44, required: 40, already_audited: 24, candidates: 20, size: 16 });
    expect(qa.sample.items).toHaveLength(16);
    const sampled = qa.sample.items.map((i: { item_id: string }) => i.item_id);
    // Only decisions not audited yet and not golden.
    for (const id of sampled) expect(Number(id.slice(1))).toBeGreaterThan(24);
    expect(sampled).not.toContain('i045');
    expect(sampled).not.toContain('i046');
    // Both strata (careful · approve, sloppy · approve) are represented.
    expect(new Set(qa.sample.items.map((i: { stratum: string }) => i.stratum))).toEqual(new Set(['careful · approve', 'sloppy · approve']));

    // A rerun draws the same sample.
    expect(qaJson(run({ 'creator-desk.yaml': SETTINGS, 'qa-decisions.csv': decisionsCsv(), 'qa-audits.csv': auditsCsv() })).sample.items).toEqual(qa.sample.items);

    const md = reportToMarkdown(report, { limit: 50 });
    expect(md).toContain('### Contractor QA scorecard (2)');
    expect(md).toMatch(/\| sloppy \| 23 \| 12 \| \*\*50\.0%\*\* \| \*\*0\.\d\d\*\* \|/);
    expect(md).toContain('**below the bar: κ, agreement**');
    expect(md).toContain('### QA sample to audit — 16 (±5% at 95% over 44 decisions needs 40, 24 audited; stratified, seed 99)');
  });

  it('reports bad rows with file, row and line, suggests the decision meant, and uses every good row', () => {
    const decisions = [
      'item_id,contractor,decision,decided_at,golden',
      'a1,ana,approve,2026-02-18T10:00:00Z,',
      'a2,ana,aprove,2026-02-18T10:00:00Z,',
      'a3,,reject,2026-02-18T10:00:00Z,',
      'a4,ana,reject,yesterday,',
      'a5,ana,Reject ,2026-02-18T10:00:00Z,maybe',
      'a6,ana,reject,2026-03-18T10:00:00Z,',
      'a7,ana,ESCALATE,2026-02-18T11:00:00Z,',
    ].join('\n');
    const audits = 'item_id,auditor,decision,audited_at\na1,coord,approve,2026-02-19T10:00:00Z\nzz9,coord,approve,2026-02-19T10:00:00Z\na7,coord,escalate,2026-02-18T09:00:00Z\n';
    const report = run({ 'qa-decisions.csv': decisions, 'qa-audits.csv': audits });
    const where = report.problems.map((p) => `${p.file.split('/').pop()}:${p.line ?? '-'} row ${p.row ?? '-'} ${p.field ?? ''} ${p.severity}: ${p.message}`);
    expect(where).toEqual([
      'qa-decisions.csv:3 row 2 decision error: expected one of approve | reject | escalate, got "aprove" — did you mean \'approve\'?',
      'qa-decisions.csv:4 row 3 contractor error: required value is missing',
      expect.stringMatching(/^qa-decisions\.csv:5 row 4 decided_at error: expected an ISO-8601 instant with an offset/),
      'qa-decisions.csv:6 row 5 golden error: expected one of approve | reject | escalate, got "maybe"',
      'qa-decisions.csv:7 row 6 decided_at error: 2026-03-18T10:00:00.000Z is after the report\'s now (2026-02-20T19:30:00.000Z) by more than 5 minutes: a clock or export error; this row was not used',
      expect.stringMatching(/^qa-audits\.csv:3 row 2 item_id warning: audit of "zz9", which no contractor decision log names/),
      expect.stringMatching(/^qa-audits\.csv:4 row 3 audited_at warning: "a7" was audited \(2026-02-18T09:00:00\.000Z\) before ana decided it/),
    ]);
    expect(hasErrors(report.problems)).toBe(true);
    const qa = qaJson(report);
    // a1 and a7 are good (case and spaces of a decision do not matter); both are audited.
    expect(qa.decisions).toBe(2);
    expect(qa.scorecard[0]).toMatchObject({ contractor: 'ana', decisions: 2, audited: 2, agreement: 1 });
    expect(report.inputs.map((i) => [i.file.split('/').pop(), i.kind, i.records])).toContainEqual(['qa-decisions.csv', 'qa decisions', 2]);
  });

  it('reports a header without a required column once for the file, and an unknown column as a warning', () => {
    const report = run({
      'qa-decisions.csv': 'item_id,contractor,decision\nx1,ana,approve\nx2,ana,reject\n',
      'qa-audits.csv': 'item_id,decision,audited_at,auditr\nx1,approve,2026-02-19T10:00:00Z,coord\n',
    });
    const where = report.problems.map((p) => `${p.file.split('/').pop()}:${p.line} ${p.severity}: ${p.message}`);
    expect(where).toEqual([
      expect.stringMatching(/^qa-audits\.csv:1 warning: column `auditr` not used \(a typo\?\)/),
      expect.stringMatching(/^qa-decisions\.csv:1 error: the header has no `decided_at` column .*; no row of this file was used$/),
      expect.stringMatching(/^qa-audits\.csv:2 warning: audit of "x1", which no contractor decision log names/),
    ]);
  });

  it('keeps the later of two rows for one item and contractor (or one audit), warning about the other', () => {
    const decisions = 'item_id,contractor,decision,decided_at\nb1,bo,approve,2026-02-18T10:00:00Z\nb1,bo,reject,2026-02-18T12:00:00Z\nb1,cy,approve,2026-02-18T11:00:00Z\n';
    const audits = 'item_id,decision,audited_at\nb1,reject,2026-02-19T10:00:00Z\nb1,approve,2026-02-19T09:00:00Z\n';
    const report = run({ 'qa-decisions.csv': decisions, 'qa-audits.json': JSON.stringify({ audits: audits.trim().split('\n').slice(1).map((l) => { const [item_id, decision, audited_at] = l.split(','); return { item_id, decision, audited_at }; }) }) });
    expect(report.problems.map((p) => `${p.file.split('/').pop()} row ${p.row} ${p.severity}: ${p.message}`)).toEqual([
      expect.stringMatching(/^qa-decisions\.csv row 1 warning: "b1" decided by bo again: .*qa-decisions\.csv row 2 has the later time/),
      expect.stringMatching(/^qa-audits\.json row 2 warning: "b1" audited again: .*qa-audits\.json row 1 has the later time/),
    ]);
    const qa = qaJson(report);
    // bo's later decision (reject) and the later audit (reject) agree; cy (approve) is scored against the same audit.
    expect(qa.scorecard.map((s: { contractor: string; agreed: number; false_negatives: number }) => [s.contractor, s.agreed, s.false_negatives])).toEqual([
      ['bo', 1, 0],
      ['cy', 0, 1],
    ]);
  });

  it('reports settings errors at their line and falls back to the defaults', () => {
    const report = run({
      'creator-desk.yaml': 'qa:\n  decisions: [accept, decline]\n  kappa_bar: 2\n',
      'qa-decisions.csv': 'item_id,contractor,decision,decided_at\nc1,cy,approve,2026-02-18T10:00:00Z\n',
    });
    const settings = report.problems.filter((p) => p.file.endsWith('creator-desk.yaml'));
    // Keys that are absent (the default approve/reject words are not in the new list) point at the block.
    expect(settings.map((p) => [p.line, p.field, p.severity])).toEqual([
      [3, 'qa.kappa_bar', 'error'],
      [2, 'qa.approve_decision', 'error'],
      [2, 'qa.reject_decision', 'error'],
    ]);
    expect(settings[1]?.message).toBe('"approve" is not one of the decisions (accept, decline)');
    expect(report.notes).toContain('qa settings have errors: the QA scorecard and sample use the defaults');
    // The default vocabulary still reads the row.
    expect(qaJson(report).decisions).toBe(1);
  });

  it('names a mistyped settings key or value with the one meant, at its line', () => {
    const report = run({
      'creator-desk.yaml': 'qa:\n  kapa_bar: 0.5\n  sampling:\n    method: stratifed\n',
      'qa-decisions.csv': 'item_id,contractor,decision,decided_at\nc1,cy,approve,2026-02-18T10:00:00Z\n',
    });
    expect(report.problems.map((p) => `${p.line}:${p.column} ${p.field}: ${p.message}`)).toEqual([
      "4:13 qa.sampling.method: expected one of random | stratified | targeted, got \"stratifed\" — did you mean 'stratified'?",
      expect.stringMatching(/^2:3 qa\.kapa_bar: unknown key "kapa_bar" — did you mean 'kappa_bar'\? \(the keys are decisions, /),
    ]);
  });

  it('reads JSON logs (under "decisions" / "audits"), where a non-golden item may say null', () => {
    const report = run({
      'qa-decisions.json': JSON.stringify({ decisions: [
        { item_id: 'j1', contractor: 'jo', decision: 'approve', decided_at: '2026-02-18T10:00:00Z', golden: null },
        { item_id: 'j2', contractor: 'jo', decision: 'reject', decided_at: '2026-02-18T11:00:00Z', golden: 'reject' },
        { item_id: 'j3', contractor: 'jo', decision: 'rejected', decided_at: '2026-02-18T11:00:00Z' },
      ] }),
      'qa-audits.json': JSON.stringify([{ item_id: 'j1', decision: 'reject', audited_at: '2026-02-19T10:00:00Z', auditor: null }]),
    });
    expect(report.problems.map((p) => `${p.file.split('/').pop()} row ${p.row} ${p.field}: ${p.message}`)).toEqual([
      "qa-decisions.json row 3 decision: expected one of approve | reject | escalate, got \"rejected\" — did you mean 'reject'?",
    ]);
    const qa = qaJson(report);
    expect(qa.scorecard[0]).toMatchObject({ contractor: 'jo', decisions: 2, audited: 1, false_negatives: 1, golden: { items: 1, correct: 1, accuracy: 1 } });
  });

  it('renders contractor names as user text: escaped in Markdown, not as links or mentions', () => {
    const report = run({ 'qa-decisions.csv': 'item_id,contractor,decision,decided_at\nm1,[free](https://evil.example) @here,approve,2026-02-18T10:00:00Z\n' });
    const md = reportToMarkdown(report, { limit: 10 });
    expect(md).not.toContain('[free](https://evil.example)');
    expect(md).toContain('evil');
  });

  it('rejects a contractor name longer than the κ chart takes (200 characters) as a row error', () => {
    const long = 'x'.repeat(201);
    const report = run({ 'qa-decisions.csv': `item_id,contractor,decision,decided_at\nl1,${long},approve,2026-02-18T10:00:00Z\nl2,ok,approve,2026-02-18T10:00:00Z\n` });
    expect(report.problems.map((p) => [p.row, p.field, p.severity])).toEqual([[1, 'contractor', 'error']]);
    expect(qaJson(report).scorecard.map((c: { contractor: string }) => c.contractor)).toEqual(['ok']);
  });

  it('uses a configured vocabulary, and says when the sample has nothing left to draw', () => {
    const report = run({
      'creator-desk.yaml': 'qa:\n  decisions: [accept, decline, hold]\n  approve_decision: accept\n  reject_decision: decline\n  min_audits: 1\n',
      'qa-decisions.csv': 'item_id,contractor,decision,decided_at\nd1,di,decline,2026-02-18T10:00:00Z\nd2,di,accept,2026-02-18T10:00:00Z\n',
      'qa-audits.csv': 'item_id,decision,audited_at\nd1,accept,2026-02-19T10:00:00Z\nd2,accept,2026-02-19T10:00:00Z\n',
    });
    expect(report.problems).toEqual([]);
    const qa = qaJson(report);
    expect(qa.scorecard[0]).toMatchObject({ false_positives: 1, audited: 2, status: 'below_bar' });
    expect(qa.sample.items).toEqual([]);
    expect(reportToMarkdown(report, { limit: 10 })).toContain('every decision is audited (or golden): nothing left to sample');
  });

  it('seeds a sample without a configured seed by the date of now in the report\'s zone', () => {
    expect(seedOfDay(new Date('2026-02-21T03:00:00Z'), 'America/Los_Angeles')).toBe(20260220);
    expect(seedOfDay(new Date('2026-02-21T03:00:00Z'), 'UTC')).toBe(20260221);
  });
});
