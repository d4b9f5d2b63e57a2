import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/qa/allocate.js';
import { planSample, type SampleCandidate } from '../../src/qa/sampling-plan.js';

// 200 decisions: ana 100 (80 approve, 15 reject, 5 escalate), bo 60 (40 / 20 / 0), cy 40 (30 / 9 / 1).
function candidates(): SampleCandidate[] {
  const out: SampleCandidate[] = [];
  const add = (contractor: string, decision: string, n: number): void => {
    for (let i = 0; i < n; i++) out.push({ itemId: `${contractor}-${decision}-${String(i).padStart(3, '0')}`, contractor, decision });
  };
  add('ana', 'approve', 80);
  add('ana', 'reject', 15);
  add('ana', 'escalate', 5);
  add('bo', 'approve', 40);
  add('bo', 'reject', 20);
  add('cy', 'approve', 30);
  add('cy', 'reject', 9);
  add('cy', 'escalate', 1);
  return out;
}

const ids = (items: readonly { itemId: string }[]): string[] => items.map((i) => i.itemId);
const countBy = <T>(items: readonly T[], key: (t: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
};

describe('planSample', () => {
  it('is reproducible: the same seed gives the same items, whatever order the files listed them in', () => {
    const c = candidates();
    for (const method of ['random', 'stratified', 'targeted'] as const) {
      const a = planSample(c, { method, size: 30, seed: 42, targeted: new Set(['bo']) });
      const b = planSample([...c].reverse(), { method, size: 30, seed: 42, targeted: new Set(['bo']) });
      expect(ids(b.items), method).toEqual(ids(a.items));
      expect(a.items).toHaveLength(30);
      expect(new Set(ids(a.items)).size).toBe(30); // without replacement
      const other = planSample(c, { method, size: 30, seed: 43, targeted: new Set(['bo']) });
      expect(ids(other.items), method).not.toEqual(ids(a.items));
    }
  });

  it('random: a uniform draw — over many seeds every contractor gets about its share', () => {
    const c = candidates();
    const totals: Record<string, number> = {};
    for (let seed = 1; seed <= 200; seed++) {
      for (const [k, v] of Object.entries(countBy(planSample(c, { method: 'random', size: 20, seed }).items, (i) => i.contractor))) totals[k] = (totals[k] ?? 0) + v;
    }
    // Expected 2000, 1200, 800 of 4000 draws.
    expect(totals.ana).toBeGreaterThan(1850);
    expect(totals.ana).toBeLessThan(2150);
    expect(totals.bo).toBeGreaterThan(1080);
    expect(totals.bo).toBeLessThan(1320);
    expect(totals.cy).toBeGreaterThan(700);
    expect(totals.cy).toBeLessThan(900);
  });

  it('stratified: proportional by contractor × decision, with every stratum represented, even a single escalation', () => {
    const plan = planSample(candidates(), { method: 'stratified', size: 20, seed: 7 });
    const by = countBy(plan.items, (i) => `${i.contractor} · ${i.decision}`);
    expect(Object.keys(by).sort()).toEqual(['ana · approve', 'ana · escalate', 'ana · reject', 'bo · approve', 'bo · reject', 'cy · approve', 'cy · escalate', 'cy · reject']);
    expect(plan.items).toHaveLength(20);
    // Quotas 8, 1.5, 0.5, 4, 2, 3, 0.9, 0.1 → at least one each, the rest by largest remainder, 20 in all.
    expect(by['ana · approve']).toBe(7);
    expect(by['bo · approve']).toBe(4);
    expect(by['cy · escalate']).toBe(1);
    expect(plan.strata.find((s) => s.stratum === 'cy · escalate')).toEqual({ stratum: 'cy · escalate', population: 1, drawn: 1 });
    for (const item of plan.items) expect(item.stratum).toBe(`${item.contractor} · ${item.decision}`);
  });

  it('stratified: when the size is below the number of strata, every stratum still gets one', () => {
    const plan = planSample(candidates(), { method: 'stratified', size: 3, seed: 7 });
    expect(plan.items).toHaveLength(8);
  });

  it('targeted: a contractor below the bar gets its share times the oversample, every other contractor at least one', () => {
    const plan = planSample(candidates(), { method: 'targeted', size: 40, seed: 3, targeted: new Set(['cy']), oversample: 3 });
    const by = countBy(plan.items, (i) => i.contractor);
    // Weights 100, 60, 40·3 = 120 of 280: 14.3, 8.6, 17.1 → 14, 9, 17.
    expect(by).toEqual({ ana: 14, bo: 9, cy: 17 });
    expect(plan.items.filter((i) => i.targeted).every((i) => i.contractor === 'cy')).toBe(true);
    expect(plan.items.filter((i) => i.targeted)).toHaveLength(17);
    // Listed first, so a report showing only the first rows shows them.
    expect(plan.items.slice(0, 17).every((i) => i.targeted)).toBe(true);
  });

  it('draws no more than there are candidates, and nothing for size 0', () => {
    expect(planSample(candidates(), { method: 'random', size: 500, seed: 1 }).items).toHaveLength(200);
    expect(planSample(candidates(), { method: 'stratified', size: 0, seed: 1 }).items).toEqual([]);
    expect(planSample([], { method: 'stratified', size: 10, seed: 1 }).items).toEqual([]);
    expect(() => planSample(candidates(), { method: 'random', size: -1, seed: 1 })).toThrow(RangeError);
  });
});

describe('allocate', () => {
  it('splits by largest remainder, caps at each group, and hands what a capped group cannot take on', () => {
    expect(Object.fromEntries(allocate([{ key: 'a', size: 50 }, { key: 'b', size: 30 }, { key: 'c', size: 20 }], 10))).toEqual({ a: 5, b: 3, c: 2 });
    expect(Object.fromEntries(allocate([{ key: 'a', size: 2, weight: 10 }, { key: 'b', size: 50 }], 10))).toEqual({ a: 2, b: 8 });
    expect(Object.fromEntries(allocate([{ key: 'a', size: 1 }, { key: 'b', size: 0 }], 5, 1))).toEqual({ a: 1, b: 0 });
  });
});
