import { describe, expect, it } from 'vitest';
import { calendarDateOf, parseDateInput, startOfCalendarDate } from '../../src/calendar/index.js';

describe('date-only form inputs are calendar dates', () => {
  it('parses a calendar date or a date-time with its offset, and names what is wrong otherwise', () => {
    expect(parseDateInput(' 2026-07-01 ')).toEqual({ ok: true, value: { kind: 'date', date: '2026-07-01' } });
    expect(parseDateInput('2026-07-01T15:00:00-04:00')).toEqual({ ok: true, value: { kind: 'instant', at: new Date('2026-07-01T19:00:00Z') } });
    expect(parseDateInput('2026-07-01T15:00Z')).toMatchObject({ ok: true, value: { kind: 'instant' } });
    for (const bad of ['2026-02-30', '2026-07-01T15:00', 'July 1', '', '+275760-09-13']) {
      expect(parseDateInput(bad)).toMatchObject({ ok: false, error: expect.stringContaining('is not a') });
    }
  });
  it('the calendar date of an instant and the start of a date follow the zone, across DST', () => {
    expect(calendarDateOf(new Date('2026-07-02T03:00:00Z'), 'America/New_York')).toBe('2026-07-01');
    expect(calendarDateOf(new Date('2026-07-02T03:00:00Z'), 'UTC')).toBe('2026-07-02');
    expect(startOfCalendarDate('2026-07-01', 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(startOfCalendarDate('2026-01-01', 'America/New_York').toISOString()).toBe('2026-01-01T05:00:00.000Z');
    // Santiago skips midnight on 6 Sep 2026 (spring forward): the day begins at 01:00 local.
    expect(startOfCalendarDate('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(() => startOfCalendarDate('2026-07-01', 'Mars/Olympus')).toThrow(/not an IANA time zone/);
  });
});
