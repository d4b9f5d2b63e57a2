import { describe, expect, it } from 'vitest';
import { nextWorkingInstant } from '../../src/calendar/index.js';
import { at, berlinNights, newYork } from './fixtures.js';

describe('nextWorkingInstant', () => {
  it('returns the instant itself inside working hours', () => {
    expect(nextWorkingInstant(newYork, at('2026-11-24T15:12:34Z')).toISOString()).toBe('2026-11-24T15:12:34.000Z');
  });

  it('jumps over the weekend and holidays to the next opening', () => {
    expect(nextWorkingInstant(newYork, at('2026-11-25T22:00:00Z')).toISOString()).toBe('2026-11-27T14:00:00.000Z');
    expect(nextWorkingInstant(newYork, at('2026-12-23T23:00:00Z')).toISOString()).toBe('2026-12-28T14:00:00.000Z');
  });

  it('finds the afternoon half of a split day and the start of a night shift', () => {
    expect(nextWorkingInstant(berlinNights, at('2026-06-20T10:30:00Z')).toISOString()).toBe('2026-06-20T11:00:00.000Z');
    expect(nextWorkingInstant(berlinNights, at('2026-06-15T12:00:00Z')).toISOString()).toBe('2026-06-15T20:00:00.000Z');
  });
});
