import { describe, expect, it } from 'vitest';
import { addWorkingTime, businessCalendarSchema } from '../../src/calendar/index.js';
import { allDayNewYork, at, berlinNights, newYork } from './fixtures.js';

const add = (cal: typeof newYork, iso: string, minutes: number) => addWorkingTime(cal, at(iso), minutes).toISOString();

describe('addWorkingTime', () => {
  it('counts from a start inside working hours and carries over to the next day', () => {
    // Tue 2026-11-24 15:00 EST + 3 h = Wed 10:00 EST
    expect(add(newYork, '2026-11-24T20:00:00Z', 180)).toBe('2026-11-25T15:00:00.000Z');
  });

  it('starts counting at the next opening when the start is outside hours', () => {
    // Sat 12:00 EST + 30 min = Mon 09:30 EST
    expect(add(newYork, '2026-11-21T17:00:00Z', 30)).toBe('2026-11-23T14:30:00.000Z');
  });

  it('lands on the end of an interval rather than the next opening when time runs out exactly', () => {
    expect(add(newYork, '2026-11-24T14:00:00Z', 480)).toBe('2026-11-24T22:00:00.000Z');
  });

  it('skips a single holiday and a holiday range', () => {
    // Wed 25 Nov 16:00 + 2 h: Thanksgiving Thu is off, so Fri 10:00
    expect(add(newYork, '2026-11-25T21:00:00Z', 120)).toBe('2026-11-27T15:00:00.000Z');
    // Wed 23 Dec 16:00 + 2 h: 24–26 Dec are off, then the weekend, so Mon 28 Dec 10:00
    expect(add(newYork, '2026-12-23T21:00:00Z', 120)).toBe('2026-12-28T15:00:00.000Z');
  });

  it('runs overnight intervals past midnight', () => {
    // Mon 2026-06-15 23:00 CEST + 6 h of the 22:00–06:00 shift = Tue 05:00 CEST
    expect(add(berlinNights, '2026-06-15T21:00:00Z', 360)).toBe('2026-06-16T03:00:00.000Z');
  });

  it('drops the overnight shift of a holiday but keeps the previous night’s spill into it', () => {
    // Thu 1 Oct 23:00 CEST + 7 h 1 min: 7 h run to Fri 06:00, Fri 2 Oct night is a holiday, then Sat 09:01
    expect(add(berlinNights, '2026-10-01T21:00:00Z', 421)).toBe('2026-10-03T07:01:00.000Z');
  });

  it('counts the real length of a night shift across fall-back and spring-forward', () => {
    // Berlin fall-back Sun 25 Oct 03:00 → 02:00; a Sat→Sun shift would be 1 h longer, so test a custom calendar
    const night = businessCalendarSchema.parse({ timeZone: 'Europe/Berlin', hours: { sat: [['22:00', '06:00']] } });
    // 22:00 CEST (20:00Z) to 06:00 CET (05:00Z) is 9 real hours
    expect(add(night, '2026-10-24T20:00:00Z', 9 * 60)).toBe('2026-10-25T05:00:00.000Z');
    // spring-forward Sun 29 Mar 02:00 → 03:00: 22:00 CET (21:00Z) to 06:00 CEST (04:00Z) is 7 real hours
    expect(add(night, '2026-03-28T21:00:00Z', 7 * 60)).toBe('2026-03-29T04:00:00.000Z');
    // one minute more goes to next Saturday's 22:00, by then CEST (20:00Z)
    expect(add(night, '2026-03-28T21:00:00Z', 7 * 60 + 1)).toBe('2026-04-04T20:01:00.000Z');
  });

  it('keeps 09:00–17:00 at eight hours on DST days, whatever the UTC offset', () => {
    const sundayToo = businessCalendarSchema.parse({ timeZone: 'America/New_York', hours: { sun: [['09:00', '17:00']] } });
    expect(add(sundayToo, '2026-03-08T13:00:00Z', 480)).toBe('2026-03-08T21:00:00.000Z'); // EDT
    expect(add(sundayToo, '2026-11-01T14:00:00Z', 480)).toBe('2026-11-01T22:00:00.000Z'); // EST
  });

  it('equals elapsed time on a round-the-clock calendar, even across DST', () => {
    expect(add(allDayNewYork, '2026-03-07T12:00:00Z', 48 * 60)).toBe('2026-03-09T12:00:00.000Z');
  });

  it('returns the start for zero minutes and counts backwards for negative minutes', () => {
    expect(add(newYork, '2026-11-21T17:00:00Z', 0)).toBe('2026-11-21T17:00:00.000Z');
    // Mon 09:30 EST − 60 min = Fri 16:30 EST
    expect(add(newYork, '2026-11-23T14:30:00Z', -60)).toBe('2026-11-20T21:30:00.000Z');
    // backwards to exactly the opening stops at the opening, not at the previous close
    expect(add(newYork, '2026-11-23T14:30:00Z', -30)).toBe('2026-11-23T14:00:00.000Z');
  });

  it('adds years of working time without stepping (week skipping through the prefix sum)', () => {
    // 10 years × 52 weeks × 40 h, minus holidays, lands about 10.2 years on; exactness is proved by the round trip
    const end = addWorkingTime(newYork, at('2026-11-24T20:00:00Z'), 10 * 52 * 40 * 60);
    expect(end.getUTCFullYear()).toBe(2036);
  });

  it('rejects calendars without hours, invalid dates and non-finite minutes', () => {
    const closed = businessCalendarSchema.parse({ timeZone: 'UTC', hours: {} });
    expect(() => addWorkingTime(closed, at('2026-01-01T00:00:00Z'), 5)).toThrow(/no working hours/);
    expect(() => addWorkingTime(newYork, new Date(Number.NaN), 5)).toThrow(/valid Date/);
    expect(() => addWorkingTime(newYork, at('2026-01-01T00:00:00Z'), Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });

  it('gives up with a clear error when holidays cover every working day for centuries', () => {
    const sealed = businessCalendarSchema.parse({
      timeZone: 'UTC',
      hours: { mon: [['09:00', '17:00']] },
      holidays: [{ from: '2026-01-01', to: '2999-12-31' }],
    });
    expect(() => addWorkingTime(sealed, at('2026-06-01T00:00:00Z'), 60)).toThrow(/no working time between/);
  });
});
