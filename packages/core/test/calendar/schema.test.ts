import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from '../../src/calendar/index.js';

const issues = (input: unknown): string[] => {
  const r = businessCalendarSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('businessCalendarSchema', () => {
  it('accepts a calendar and fills omitted weekdays and holidays with nothing', () => {
    const cal = businessCalendarSchema.parse({ timeZone: 'Europe/Berlin', hours: { mon: [['09:00', '17:00']] } });
    expect(cal.hours.sun).toEqual([]);
    expect(cal.holidays).toEqual([]);
  });

  it('rejects unknown time zones and fixed offsets, naming the field', () => {
    expect(issues({ timeZone: 'Mars/Olympus_Mons', hours: {} })).toEqual([
      'timeZone: expected an IANA time zone such as "Europe/Berlin"',
    ]);
    expect(issues({ timeZone: '+05:00', hours: {} })).toHaveLength(1);
  });

  it('rejects malformed times, empty intervals and intervals starting at 24:00', () => {
    expect(issues({ timeZone: 'UTC', hours: { mon: [['9:00', '17:00']] } })[0]).toMatch(/^hours\.mon\.0\.0: expected a time/);
    expect(issues({ timeZone: 'UTC', hours: { tue: [['10:00', '10:00']] } })[0]).toMatch(/is empty/);
    expect(issues({ timeZone: 'UTC', hours: { wed: [['24:00', '02:00']] } })[0]).toMatch(/cannot start at 24:00/);
  });

  it('rejects impossible dates, reversed ranges and unknown weekdays', () => {
    expect(issues({ timeZone: 'UTC', hours: {}, holidays: ['2026-02-30'] })).toHaveLength(1);
    expect(issues({ timeZone: 'UTC', hours: {}, holidays: [{ from: '2026-12-26', to: '2026-12-24' }] })).toHaveLength(1);
    expect(issues({ timeZone: 'UTC', hours: { monday: [] } })).toHaveLength(1);
  });
});
