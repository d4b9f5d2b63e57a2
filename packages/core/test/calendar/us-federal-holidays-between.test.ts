import { describe, expect, it } from 'vitest';
import { usFederalHolidaysBetween } from '../../src/calendar/us-federal-holidays-between.js';
import { usFederalHolidays } from '../../src/calendar/us-federal-holidays.js';

describe('usFederalHolidaysBetween', () => {
  it('lists every year of the range, both ends included, in order', () => {
    const list = usFederalHolidaysBetween(2024, 2026);
    expect(list).toEqual([...usFederalHolidays(2024), ...usFederalHolidays(2025), ...usFederalHolidays(2026)]);
    expect(list.map((h) => (typeof h === 'string' ? h : 'date' in h ? h.date : h.from))).toContain('2026-02-16');
  });

  it('an empty range lists nothing; a range of centuries or a fractional year is refused', () => {
    expect(usFederalHolidaysBetween(2027, 2026)).toEqual([]);
    expect(() => usFederalHolidaysBetween(1, 9999)).toThrow(RangeError);
    expect(() => usFederalHolidaysBetween(2026.5, 2027)).toThrow(RangeError);
  });
});
