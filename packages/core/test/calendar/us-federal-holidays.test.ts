import { describe, expect, it } from 'vitest';
import { usFederalHolidays } from '../../src/calendar/index.js';

const dates = (y: number) => usFederalHolidays(y).map((h) => (typeof h === 'string' ? h : 'date' in h ? h.date : h.from));

describe('usFederalHolidays', () => {
  it('matches the OPM calendar for 2026 (Independence Day observed Friday 3 July)', () => {
    expect(dates(2026)).toEqual([
      '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03',
      '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25',
    ]);
  });

  it('moves Sunday holidays to Monday and Saturday ones to Friday (2027, 2028)', () => {
    // 2027: Juneteenth and Christmas fall on Saturday, Independence Day on Sunday.
    expect(dates(2027)).toContain('2027-06-18');
    expect(dates(2027)).toContain('2027-07-05');
    expect(dates(2027)).toContain('2027-12-24');
    // 2028: New Year's Day is a Saturday: observed Friday 31 Dec 2027 (listed with 2028).
    expect(dates(2028)[0]).toBe('2027-12-31');
  });
});
