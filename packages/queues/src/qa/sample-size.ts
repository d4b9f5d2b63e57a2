import { inverseNormal } from './inverse-normal.js';

export interface SampleSizeInput {
  /** The margin of error e, as a fraction (0.05 = ±5 percentage points). */
  margin: number;
  /** The confidence level, as a fraction (0.95). */
  confidence: number;
  /** The population N (decisions to judge); omitted or Infinity for an unbounded one. */
  population?: number;
  /** The proportion expected; 0.5 (the default) is the most conservative. */
  proportion?: number;
}

export interface SampleSize {
  /** Items to audit: ⌈n⌉, never more than the population. */
  n: number;
  /** Cochran's n₀ before the finite-population correction (not rounded). */
  n0: number;
  /** The two-sided z of the confidence level. */
  z: number;
}

/**
 * Cochran's sample size for a proportion: n₀ = z²·p(1−p)/e², then the finite-population correction
 * n = n₀ / (1 + (n₀ − 1)/N), rounded up (±5 % at 95 %: 385 for an unbounded population, 278 of 1,000).
 */
export function sampleSize(input: SampleSizeInput): SampleSize {
  const { margin, confidence } = input;
  const p = input.proportion ?? 0.5;
  const population = input.population ?? Number.POSITIVE_INFINITY;
  if (!(margin > 0 && margin < 1)) throw new RangeError(`the margin must be between 0 and 1 (0.05 = ±5 %), got ${margin}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`the confidence must be between 0 and 1 (0.95 = 95 %), got ${confidence}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`the expected proportion must be between 0 and 1, got ${p}`);
  if (!(population === Number.POSITIVE_INFINITY || (Number.isInteger(population) && population >= 0))) {
    throw new RangeError(`the population must be a whole number ≥ 0, got ${population}`);
  }
  const z = inverseNormal(1 - (1 - confidence) / 2);
  const n0 = (z * z * p * (1 - p)) / (margin * margin);
  if (population === 0) return { n: 0, n0, z };
  const corrected = Number.isFinite(population) ? n0 / (1 + (n0 - 1) / population) : n0;
  // A hair of tolerance so a float such as 278.0000000001 does not become 279.
  return { n: Math.min(Math.ceil(corrected - 1e-9), population), n0, z };
}
