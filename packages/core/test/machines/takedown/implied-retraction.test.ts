import { describe, expect, it } from 'vitest';
import { impliedRetraction, impliedRetractionAt, takedownCalendar } from '../../../src/machines/index.js';

const cal = takedownCalendar({ timeZone: 'America/Los_Angeles', usHolidays: true, extraHolidays: [], now: new Date('2026-02-01T00:00:00Z') });

describe('implied retraction after complainant silence', () => {
  it('counts business days, skipping weekends and Presidents’ Day', () => {
    // Asked Thu 12 Feb 10:00 PST; 10 business days: Fri 13, (weekend, Mon 16 holiday) Tue 17 … Thu 26 Feb.
    const at = impliedRetractionAt(new Date('2026-02-12T18:00:00Z'), 10, cal);
    expect(at.toISOString()).toBe('2026-02-27T18:00:00.000Z');
  });
  it('is not a retraction a minute before the silence runs out, and is one at the instant', () => {
    const asked = new Date('2026-02-12T18:00:00Z');
    expect(impliedRetraction(asked, new Date('2026-02-27T17:59:00Z'), 10, cal).retracted).toBe(false);
    expect(impliedRetraction(asked, new Date('2026-02-27T18:00:00Z'), 10, cal)).toEqual({ retracted: true, at: new Date('2026-02-27T18:00:00Z') });
  });
  it('rejects a silence that is not 1–260 whole business days', () => {
    const asked = new Date('2026-02-12T18:00:00Z');
    expect(() => impliedRetractionAt(asked, 0, cal)).toThrow(/1–260/);
    expect(() => impliedRetractionAt(asked, 2.5, cal)).toThrow(RangeError);
    expect(() => impliedRetractionAt(asked, 10_000, cal)).toThrow(RangeError);
  });
});
