import { describe, expect, it } from 'vitest';
import { isBusinessDay } from '../../src/calendar/index.js';
import { at, berlinNights, newYork } from './fixtures.js';

describe('isBusinessDay', () => {
  it('is true on weekdays with hours and false on weekends, single holidays and holiday ranges', () => {
    expect(isBusinessDay(newYork, '2026-11-25')).toBe(true);
    expect(isBusinessDay(newYork, '2026-11-28')).toBe(false);
    expect(isBusinessDay(newYork, '2026-11-26')).toBe(false);
    expect(isBusinessDay(newYork, '2026-12-25')).toBe(false);
  });

  it('reads a Date as the local date in the calendar’s zone', () => {
    // 2026-11-27T03:00Z is still Thanksgiving evening in New York
    expect(isBusinessDay(newYork, at('2026-11-27T03:00:00Z'))).toBe(false);
    expect(isBusinessDay(newYork, at('2026-11-27T06:00:00Z'))).toBe(true);
  });

  it('counts a day whose only interval is an overnight shift', () => {
    expect(isBusinessDay(berlinNights, '2026-06-15')).toBe(true);
    expect(isBusinessDay(berlinNights, '2026-06-21')).toBe(false); // Sunday
  });

  it('rejects malformed date strings', () => {
    expect(() => isBusinessDay(newYork, '25/11/2026')).toThrow(/YYYY-MM-DD/);
  });
});
