import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/random/seeded-random.js';

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = seededRandom(20260220);
    const b = seededRandom(20260220);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(1)()).not.toBe(seededRandom(2)());
  });
});
