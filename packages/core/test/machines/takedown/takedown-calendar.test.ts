import { describe, expect, it } from 'vitest';
import { addBusinessDays } from '../../../src/calendar/index.js';
import { takedownCalendar } from '../../../src/machines/index.js';

describe('the restore-window business calendar', () => {
  const now = new Date('2026-06-30T00:00:00Z');
  it('weekdays in the zone, US federal holidays and extra dates skipped', () => {
    const cal = takedownCalendar({ timeZone: 'America/New_York', usHolidays: true, extraHolidays: ['2026-07-06'], now });
    // Tue 30 June + 3 business days: Wed 1, Thu 2, (Fri 3 observed Independence Day, weekend, Mon 6 extra) Tue 7.
    expect(addBusinessDays(cal, new Date('2026-06-30T14:00:00Z'), 3).toISOString()).toBe('2026-07-07T14:00:00.000Z');
    const plain = takedownCalendar({ timeZone: 'America/New_York', usHolidays: false, extraHolidays: [], now });
    expect(addBusinessDays(plain, new Date('2026-06-30T14:00:00Z'), 3).toISOString()).toBe('2026-07-03T14:00:00.000Z');
  });
  it('lists the holidays of the year before to two years after now', () => {
    const cal = takedownCalendar({ timeZone: 'UTC', usHolidays: true, extraHolidays: [], now });
    const years = new Set(cal.holidays.map((h) => (typeof h === 'string' ? h : 'date' in h ? h.date : h.from).slice(0, 4)));
    expect([...years].sort()).toEqual(['2025', '2026', '2027', '2028']);
  });
  it("with `since` (a log's oldest event), the holidays reach back to its year: a window counted then skips them", () => {
    const cal = takedownCalendar({ timeZone: 'UTC', usHolidays: true, extraHolidays: [], now, since: new Date('2023-12-20T00:00:00Z') });
    const years = new Set(cal.holidays.map((h) => (typeof h === 'string' ? h : 'date' in h ? h.date : h.from).slice(0, 4)));
    expect([...years].sort()).toEqual(['2023', '2024', '2025', '2026', '2027', '2028']);
    // Fri 22 Dec 2023 + 2 business days: Tue 26 (Mon 25 is Christmas), Wed 27.
    expect(addBusinessDays(cal, new Date('2023-12-22T10:00:00Z'), 2).toISOString()).toBe('2023-12-27T10:00:00.000Z');
  });
  it('rejects an unknown zone or a bad extra date', () => {
    expect(() => takedownCalendar({ timeZone: 'Mars/Olympus', usHolidays: false, extraHolidays: [], now })).toThrow();
    expect(() => takedownCalendar({ timeZone: 'UTC', usHolidays: false, extraHolidays: ['2026-13-01'], now })).toThrow();
  });
});
