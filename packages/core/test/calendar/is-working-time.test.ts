import { describe, expect, it } from 'vitest';
import { businessCalendarSchema, isWorkingTime } from '../../src/calendar/index.js';
import { at, berlinNights, newYork } from './fixtures.js';

describe('isWorkingTime', () => {
  it('includes the opening minute and excludes the closing minute', () => {
    expect(isWorkingTime(newYork, at('2026-11-24T14:00:00Z'))).toBe(true); // 09:00 EST
    expect(isWorkingTime(newYork, at('2026-11-24T21:59:59Z'))).toBe(true);
    expect(isWorkingTime(newYork, at('2026-11-24T22:00:00Z'))).toBe(false); // 17:00 EST
  });

  it('is false on holidays and weekends', () => {
    expect(isWorkingTime(newYork, at('2026-11-26T15:00:00Z'))).toBe(false);
    expect(isWorkingTime(newYork, at('2026-11-28T15:00:00Z'))).toBe(false);
  });

  it('is true after midnight within an overnight shift, and false in the lunch gap', () => {
    expect(isWorkingTime(berlinNights, at('2026-06-16T02:00:00Z'))).toBe(true); // Tue 04:00 from Mon's shift
    expect(isWorkingTime(berlinNights, at('2026-06-20T10:30:00Z'))).toBe(false); // Sat 12:30
  });

  it('reads the wall clock: the skipped spring-forward hour never works, the repeated fall-back hour works twice', () => {
    const early = businessCalendarSchema.parse({ timeZone: 'America/New_York', hours: { sun: [['01:00', '03:00']] } });
    expect(isWorkingTime(early, at('2026-03-08T06:30:00Z'))).toBe(true); // 01:30 EST
    expect(isWorkingTime(early, at('2026-03-08T07:30:00Z'))).toBe(false); // 03:30 EDT
    expect(isWorkingTime(early, at('2026-11-01T05:30:00Z'))).toBe(true); // 01:30 EDT
    expect(isWorkingTime(early, at('2026-11-01T06:30:00Z'))).toBe(true); // 01:30 EST
    expect(isWorkingTime(early, at('2026-11-01T08:30:00Z'))).toBe(false); // 03:30 EST
  });
});
