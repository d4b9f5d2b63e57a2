import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { generateQaExamples, QA_EXAMPLE_CONFIG } from '../../../../scripts/examples/qa.js';
import { coreLoaders } from '../../src/report/core-loaders.js';
import { reportToJson } from '../../src/report/format-json.js';
import { reportFromDir } from '../../src/report/report-from-dir.js';

const dir = fileURLToPath(new URL('../../../../examples/', import.meta.url));
const examples = (name: string): string => readFileSync(`${dir}${name}`, 'utf8');

describe('the example contractor QA data', () => {
  it('regenerates byte for byte from its seed, and its settings block is in creator-desk.yaml', () => {
    const qa = generateQaExamples({ seed: 20260209, decisions: 300, audits: 60 });
    expect(qa.decisionsCsv).toBe(examples('qa-decisions.csv'));
    expect(qa.auditsCsv).toBe(examples('qa-audits.csv'));
    expect(examples('creator-desk.yaml')).toContain(QA_EXAMPLE_CONFIG);
  });

  it('is 300 decisions by five contractors over two weeks of February 2026, with 60 audits of them, each after its decision', () => {
    const decisions: Record<string, string>[] = parse(examples('qa-decisions.csv'), { columns: true });
    const audits: Record<string, string>[] = parse(examples('qa-audits.csv'), { columns: true });
    expect(decisions).toHaveLength(300);
    expect(new Set(decisions.map((d) => d.contractor)).size).toBe(5);
    const times = decisions.map((d) => Date.parse(d.decided_at as string));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2026-02-09T00:00:00Z'));
    expect(Math.max(...times)).toBeLessThanOrEqual(Date.parse('2026-02-20T19:30:00Z'));
    expect(audits).toHaveLength(60);
    const decidedAt = new Map(decisions.map((d) => [d.item_id, Date.parse(d.decided_at as string)]));
    for (const a of audits) expect(Date.parse(a.audited_at as string)).toBeGreaterThanOrEqual(decidedAt.get(a.item_id) as number);
  });

  it('reports one contractor clearly below the QA bar, with no input problems', () => {
    const now = new Date('2026-02-20T19:30:00Z');
    const { report } = reportFromDir(dir, coreLoaders, { now, clock: () => now });
    expect(report.problems).toEqual([]);
    const qa = JSON.parse(reportToJson(report)).queues.qa;
    expect(qa.below_bar).toEqual(['ct_dmitri']);
    const others = qa.scorecard.filter((s: { contractor: string }) => s.contractor !== 'ct_dmitri');
    for (const s of others) expect(s.kappa).toBeGreaterThan(0.7);
    expect(qa.scorecard[0].kappa).toBeLessThan(0.4);
    // The targeted sample gives ct_dmitri about twice its share.
    const sampled = qa.sample.items.filter((i: { contractor: string }) => i.contractor === 'ct_dmitri').length;
    expect(sampled / qa.sample.items.length).toBeGreaterThan(0.2);
  });
});
