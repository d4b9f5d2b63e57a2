import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessCalendarSchema } from '../../src/calendar/index.js';
import { at, newYork } from './fixtures.js';

const add = (iso: string, n: number) => addBusinessDays(newYork, at(iso), n).toISOString();

describe('addBusinessDays', () => {
  it('gives the §512 restore window for a counter-notice received before Thanksgiving', () => {
    // Received Mon 23 Nov 2026 10:00 EST. Thanksgiving (26) is no business day.
    expect(add('2026-11-23T15:00:00Z', 10)).toBe('2026-12-08T15:00:00.000Z'); // no sooner than
    expect(add('2026-11-23T15:00:00Z', 14)).toBe('2026-12-14T15:00:00.000Z'); // no later than
  });

  it('skips a holiday range and the weekend next to it', () => {
    // Wed 23 Dec + 1 → 24–26 Dec off, Sun off → Mon 28 Dec
    expect(add('2026-12-23T15:00:00Z', 1)).toBe('2026-12-28T15:00:00.000Z');
  });

  it('never counts the start day: Saturday + 1 is Monday, and 0 returns the date unchanged', () => {
    expect(add('2026-11-21T15:00:00Z', 1)).toBe('2026-11-23T15:00:00.000Z');
    expect(add('2026-11-21T15:00:00Z', 0)).toBe('2026-11-21T15:00:00.000Z');
  });

  it('counts backwards for negative n', () => {
    expect(add('2026-11-30T15:00:00Z', -2)).toBe('2026-11-25T15:00:00.000Z');
  });

  it('keeps the wall-clock time across a DST change', () => {
    // Fri 30 Oct 10:00 EDT + 1 = Mon 2 Nov 10:00 EST (an hour later in UTC)
    expect(add('2026-10-30T14:00:00Z', 1)).toBe('2026-11-02T15:00:00.000Z');
  });

  it('lands on the earlier instant when the wall-clock time occurs twice (fall-back night)', () => {
    // Berlin, every day a business day. Sat 24 Oct 2026 02:59 CEST + 1 = Sun 25 Oct 02:59, which happens
    // at 00:59Z (CEST) and again at 01:59Z (CET): the first one is meant.
    const berlin = businessCalendarSchema.parse({
      timeZone: 'Europe/Berlin',
      hours: { mon: [['00:00', '00:30']], tue: [['00:00', '00:30']], wed: [['00:00', '00:30']], thu: [['00:00', '00:30']], fri: [['00:00', '00:30']], sat: [['00:00', '00:30']], sun: [['00:00', '00:30']] },
      holidays: [],
    });
    expect(addBusinessDays(berlin, at('2026-10-24T00:59:00Z'), 1).toISOString()).toBe('2026-10-25T00:59:00.000Z');
  });

  it('jumps whole weeks for large n and stays exact (holidays in between counted)', () => {
    // 260 business days from Mon 5 Jan 2026 10:00 EST: 52 weeks reach Mon 4 Jan 2027, and three weekday
    // holidays (26 Nov, 24 and 25 Dec; 26 Dec is a Saturday) push it three days on
    expect(add('2026-01-05T15:00:00Z', 260)).toBe('2027-01-07T15:00:00.000Z');
  });

  it('rejects fractional n', () => {
    expect(() => addBusinessDays(newYork, at('2026-11-23T15:00:00Z'), 1.5)).toThrow(/integer/);
  });
});
