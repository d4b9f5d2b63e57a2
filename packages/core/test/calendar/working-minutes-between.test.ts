import { describe, expect, it } from 'vitest';
import { workingMinutesBetween } from '../../src/calendar/index.js';
import { at, berlinNights, newYork } from './fixtures.js';

describe('workingMinutesBetween', () => {
  it('counts only working hours, skipping the weekend and Thanksgiving', () => {
    // Tue 15:00 EST → Mon 30 Nov 10:00 EST: 2 + 8 (Wed) + 0 (Thu) + 8 (Fri) + 1 (Mon) hours
    expect(workingMinutesBetween(newYork, at('2026-11-24T20:00:00Z'), at('2026-11-30T15:00:00Z'))).toBe(19 * 60);
  });

  it('is negative when the end is before the start, and zero for an empty span', () => {
    expect(workingMinutesBetween(newYork, at('2026-11-24T15:00:00Z'), at('2026-11-24T14:00:00Z'))).toBe(-60);
    expect(workingMinutesBetween(newYork, at('2026-11-24T15:00:00Z'), at('2026-11-24T15:00:00Z'))).toBe(0);
  });

  it('is zero across a whole weekend and counts fractions for seconds', () => {
    expect(workingMinutesBetween(newYork, at('2026-11-20T22:00:00Z'), at('2026-11-23T14:00:00Z'))).toBe(0);
    expect(workingMinutesBetween(newYork, at('2026-11-24T15:00:00Z'), at('2026-11-24T15:00:30Z'))).toBe(0.5);
  });

  it('counts an overnight shift as one piece across midnight', () => {
    // Mon 22:00–Tue 06:00 CEST in full, then Tue 22:00 CEST up to Wed 00:00Z (02:00 CEST)
    expect(workingMinutesBetween(berlinNights, at('2026-06-15T00:00:00Z'), at('2026-06-17T00:00:00Z'))).toBe(8 * 60 + 4 * 60);
  });
});
