import { describe, expect, it } from 'vitest';
import { inverseNormal } from '../../src/qa/inverse-normal.js';
import { sampleSize } from '../../src/qa/sample-size.js';

describe('inverseNormal (Acklam)', () => {
  it('gives the z values of the usual confidence levels', () => {
    expect(inverseNormal(0.95)).toBeCloseTo(1.644854, 6); // 90 % two-sided
    expect(inverseNormal(0.975)).toBeCloseTo(1.959964, 6); // 95 %
    expect(inverseNormal(0.995)).toBeCloseTo(2.575829, 6); // 99 %
    expect(inverseNormal(0.5)).toBe(0);
  });

  it('is symmetric and accurate in the tails', () => {
    expect(inverseNormal(0.025)).toBeCloseTo(-1.959964, 6);
    expect(inverseNormal(0.001)).toBeCloseTo(-3.090232, 6);
    expect(inverseNormal(0.9999)).toBeCloseTo(3.719016, 5);
  });

  it('refuses probabilities outside (0, 1)', () => {
    for (const p of [0, 1, -0.1, 1.5, Number.NaN]) expect(() => inverseNormal(p)).toThrow(RangeError);
  });
});

describe('sampleSize (Cochran with the finite-population correction)', () => {
  it('needs 385 for ±5 % at 95 % of an unbounded population', () => {
    const s = sampleSize({ margin: 0.05, confidence: 0.95 });
    expect(s.n0).toBeCloseTo(384.146, 3);
    expect(s.n).toBe(385);
  });

  it('needs 278 of a population of 1,000', () => {
    expect(sampleSize({ margin: 0.05, confidence: 0.95, population: 1000 }).n).toBe(278);
  });

  it('grows with confidence and shrinks with the margin', () => {
    expect(sampleSize({ margin: 0.05, confidence: 0.99 }).n).toBe(664);
    expect(sampleSize({ margin: 0.03, confidence: 0.95 }).n).toBe(1068);
    expect(sampleSize({ margin: 0.05, confidence: 0.9 }).n).toBe(271);
  });

  it('never asks for more than the population, and nothing of an empty one', () => {
    expect(sampleSize({ margin: 0.05, confidence: 0.95, population: 20 }).n).toBe(20);
    expect(sampleSize({ margin: 0.05, confidence: 0.95, population: 0 }).n).toBe(0);
  });

  it('refuses a margin or confidence given as a percentage', () => {
    expect(() => sampleSize({ margin: 5, confidence: 0.95 })).toThrow(/0\.05 = ±5 %/);
    expect(() => sampleSize({ margin: 0.05, confidence: 95 })).toThrow(/0\.95 = 95 %/);
    expect(() => sampleSize({ margin: 0.05, confidence: 0.95, population: 10.5 })).toThrow(/whole number/);
  });
});
