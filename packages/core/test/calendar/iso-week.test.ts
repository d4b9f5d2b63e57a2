import { describe, expect, it } from 'vitest';
import { isoWeekOfDate, mondayOfDate } from '../../src/calendar/iso-week.js';

describe('isoWeekOfDate / mondayOfDate', () => {
  it('numbers weeks as ISO 8601 does, the week-numbering year at the new year included', () => {
    expect(isoWeekOfDate('2026-02-16')).toBe('2026-W08'); // Presidents' Day, a Monday
    expect(isoWeekOfDate('2026-02-22')).toBe('2026-W08'); // the Sunday ending it
    expect(isoWeekOfDate('2027-01-01')).toBe('2026-W53'); // a Friday: 2026 has 53 weeks
    expect(isoWeekOfDate('2024-12-30')).toBe('2025-W01'); // a Monday of the next ISO year
  });

  it('the Monday of a date\'s week, across a month and a year', () => {
    expect(mondayOfDate('2026-02-22')).toBe('2026-02-16');
    expect(mondayOfDate('2026-03-01')).toBe('2026-02-23');
    expect(mondayOfDate('2027-01-01')).toBe('2026-12-28');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => isoWeekOfDate('2026-02-30')).toThrow(RangeError);
  });
});
