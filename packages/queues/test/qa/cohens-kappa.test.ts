import { describe, expect, it } from 'vitest';
import { cohensKappa } from '../../src/qa/cohens-kappa.js';
import { confusionMatrix } from '../../src/qa/confusion-matrix.js';
import { gwetAc1 } from '../../src/qa/gwet-ac1.js';

describe('cohensKappa', () => {
  it('gives 0.4 for the classic 2×2 example (po = 0.7, pe = 0.5)', () => {
    // Rows: contractor yes/no, columns: auditor yes/no, 50 items.
    //            aud yes  aud no | row
    //   con yes     20       5   |  25
    //   con no      10      15   |  25
    //   col         30      20   |  50
    // po = (20 + 15) / 50 = 0.7
    // pe = (25·30 + 25·20) / 50² = (750 + 500) / 2500 = 0.5
    // κ  = (0.7 − 0.5) / (1 − 0.5) = 0.4
    const r = cohensKappa([
      [20, 5],
      [10, 15],
    ]);
    expect(r.n).toBe(50);
    expect(r.po).toBeCloseTo(0.7, 12);
    expect(r.pe).toBeCloseTo(0.5, 12);
    expect(r.kappa).toBeCloseTo(0.4, 12);
  });

  it('computes κ over three categories (approve / reject / escalate)', () => {
    //              approve reject escalate | row
    //   approve       10      2      1     |  13
    //   reject         3      8      2     |  13
    //   escalate       1      1      5     |   7
    //   col           14     11      8     |  33
    // po = (10 + 8 + 5) / 33 = 23/33 ≈ 0.696970
    // pe = (13·14 + 13·11 + 7·8) / 33² = (182 + 143 + 56) / 1089 = 381/1089 ≈ 0.349862
    // κ  = (33·23 − 381) / (1089 − 381) = 378/708 ≈ 0.533898
    const r = cohensKappa([
      [10, 2, 1],
      [3, 8, 2],
      [1, 1, 5],
    ]);
    expect(r.po).toBeCloseTo(23 / 33, 12);
    expect(r.pe).toBeCloseTo(381 / 1089, 12);
    expect(r.kappa).toBeCloseTo(378 / 708, 12);
    expect(r.kappa).toBeCloseTo(0.533898, 6);
  });

  it('is 1 for perfect agreement, 0 at chance, and negative below chance', () => {
    expect(cohensKappa([[5, 0], [0, 5]]).kappa).toBe(1);
    // Both raters 50/50 and independent: po = pe = 0.5.
    expect(cohensKappa([[5, 5], [5, 5]]).kappa).toBe(0);
    expect(cohensKappa([[0, 5], [5, 0]]).kappa).toBe(-1);
  });

  it('is undefined (null) when pe = 1: both raters put every item in one category', () => {
    // po = 1, pe = (10·10)/10² = 1: (1 − 1)/(1 − 1) is 0/0, so there is no κ, only agreement.
    const r = cohensKappa([
      [0, 0, 0],
      [0, 10, 0],
      [0, 0, 0],
    ]);
    expect(r.po).toBe(1);
    expect(r.pe).toBe(1);
    expect(r.kappa).toBeNull();
  });

  it('is null with no items, and refuses a matrix that is not square or not counts', () => {
    expect(cohensKappa([[0, 0], [0, 0]])).toEqual({ n: 0, po: null, pe: null, kappa: null });
    expect(() => cohensKappa([[1, 2], [3]])).toThrow(/square/);
    expect(() => cohensKappa([[1, -1], [0, 2]])).toThrow(/whole numbers/);
  });

  it('builds its matrix from decision pairs, and rejects a decision outside the categories', () => {
    const pairs: [string, string][] = [
      ['approve', 'approve'],
      ['approve', 'reject'],
      ['reject', 'reject'],
      ['escalate', 'approve'],
    ];
    expect(confusionMatrix(pairs, ['approve', 'reject', 'escalate'])).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 0],
    ]);
    expect(() => confusionMatrix([['approve', 'maybe']], ['approve', 'reject'])).toThrow(/"maybe" is not one of approve \| reject/);
  });
});

describe('gwetAc1', () => {
  it('matches the hand-computed 2×2 value', () => {
    // Same table as above: pa = 0.7; π_yes = (25 + 30)/100 = 0.55, π_no = 0.45;
    // pe = (0.55·0.45 + 0.45·0.55)/(2 − 1) = 0.495; AC1 = (0.7 − 0.495)/(1 − 0.495) = 0.205/0.505 ≈ 0.405941.
    expect(gwetAc1([[20, 5], [10, 15]])).toBeCloseTo(0.205 / 0.505, 12);
  });

  it('stays high where κ collapses because one decision dominates (the κ paradox)', () => {
    //               aud approve  aud reject
    //   approve          90           5
    //   reject            5           0
    // κ: pe = (95·95 + 5·5)/100² = 0.905, κ = (0.9 − 0.905)/0.095 ≈ −0.0526 (poor, despite 90 % agreement);
    // AC1: π = 0.95, 0.05; pe = 2·0.95·0.05 = 0.095; AC1 = (0.9 − 0.095)/0.905 ≈ 0.889503.
    const m = [[90, 5], [5, 0]];
    expect(cohensKappa(m).kappa).toBeCloseTo(-0.005 / 0.095, 12);
    expect(gwetAc1(m)).toBeCloseTo(0.805 / 0.905, 12);
  });

  it('is defined where κ is not (every item in one category), and null with no items or one category', () => {
    // pa = 1, π = 1, 0, 0: pe = (0 + 0 + 0)/2 = 0 → AC1 = 1.
    expect(gwetAc1([[0, 0, 0], [0, 10, 0], [0, 0, 0]])).toBe(1);
    expect(gwetAc1([[0, 0], [0, 0]])).toBeNull();
    expect(gwetAc1([[4]])).toBeNull();
    expect(() => gwetAc1([[1, 2], [3]])).toThrow(/square/);
  });
});
