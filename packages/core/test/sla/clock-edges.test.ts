import { describe, expect, it } from 'vitest';
import { addBusinessDays, addWorkingTime, businessCalendarSchema, CALENDAR_MAX_MS, compileCalendar, isValidTimeZone, workingMinutesBetween } from '../../src/calendar/index.js';
import { computeSla, parseDurationMinutes, parseSlaPolicies } from '../../src/sla/index.js';

const at = (iso: string) => new Date(iso);
const UTC_WEEK = `calendars:
  office:
    timeZone: UTC
    hours: { mon: [['00:00', '24:00']], tue: [['00:00', '24:00']], wed: [['00:00', '24:00']], thu: [['00:00', '24:00']], fri: [['00:00', '24:00']] }
`;
const onePolicy = (target: string, hours: 'business' | 'calendar') =>
  parseSlaPolicies(`${UTC_WEEK}policies:
  - name: p
    calendar: office
    hours: ${hours}
    metrics:
      review: { stop_when: { status: approved }, targets: { default: ${JSON.stringify(target)} } }
`);

describe('SLA durations are exact (item 10)', () => {
  it.each(['4.1h', '8.2h', '8.7m', '0.7d'])('%s met exactly at its deadline is achieved, not breached', (target) => {
    const minutes = parseDurationMinutes(target)!;
    expect(Math.round(minutes * 60_000) % 1).toBe(0);
    for (const mode of ['calendar', 'business'] as const) {
      if (mode === 'business' && target.endsWith('d')) continue; // business targets are written in h/m
      const { policies, diagnostics } = onePolicy(target, mode);
      expect(diagnostics).toEqual([]);
      const start = at('2026-03-02T00:00:00Z'); // a Monday
      const deadline = new Date(start.getTime() + Math.round(minutes * 60_000));
      const history = [
        { status: 'pending', at: start },
        { status: 'approved', at: deadline },
      ];
      const r = computeSla(policies, { id: 'x' }, history, new Date(deadline.getTime() + 3_600_000))!;
      expect(r.state).toBe('achieved');
      expect(r.remainingMinutes).toBe(0);
    }
  });

  it('rounds durations to whole milliseconds', () => {
    expect(parseDurationMinutes('4.1h')).toBe(246);
    expect(parseDurationMinutes('0.7d')).toBe(1008);
  });
});

describe('far instants and huge targets are bounded (item 11)', () => {
  const cal = businessCalendarSchema.parse({ timeZone: 'America/New_York', hours: { mon: [['09:00', '17:00']] } });

  it('rejects instants outside 1900–2199 instead of growing the calendar without bound', () => {
    const started = performance.now();
    expect(() => workingMinutesBetween(cal, at('2026-01-01T00:00:00Z'), at('9999-01-01T00:00:00Z'))).toThrow(/outside the years 1900–2199/);
    expect(() => addWorkingTime(cal, new Date(Date.UTC(-20000, 0, 1)), 60)).toThrow(/outside the years 1900–2199/);
    expect(performance.now() - started).toBeLessThan(5_000);
    // What was built stays a few hundred years at most, however many far instants are asked about.
    const c = compileCalendar(cal);
    expect(() => c.isWorking(Date.UTC(5000, 0, 1))).toThrow(RangeError);
  });

  it('addBusinessDays near the end of the range throws instead of returning an Invalid Date', () => {
    expect(() => addBusinessDays(cal, at('2199-12-20T12:00:00Z'), 10)).toThrow(/outside the years 1900–2199/);
    expect(() => addBusinessDays(cal, new Date(8.64e15 - 1000), 1)).toThrow(RangeError);
    // 10:00 New York wall time a week later, across the DST change.
    expect(addBusinessDays(cal, at('2026-03-02T15:00:00Z'), 1).toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(CALENDAR_MAX_MS).toBe(Date.UTC(2200, 0, 1));
  });

  it('rejects a target of 1e300 (or anything over 366 days) when the policies are parsed', () => {
    for (const t of ['1e300', '400d']) {
      const { policies, diagnostics } = parseSlaPolicies(`policies:
  - name: p
    metrics:
      review: { stop_when: { status: approved }, targets: { default: ${t} } }
`);
      expect(policies.policies).toHaveLength(0);
      expect(diagnostics.some((d) => d.severity === 'error' && /at most 366 days|positive duration/.test(d.message))).toBe(true);
    }
  });
});

describe('the clock validates its inputs at the boundary (item 12)', () => {
  const { policies } = onePolicy('4h', 'calendar');

  it('refuses history times without an offset instead of reading them in the host zone', () => {
    expect(() => computeSla(policies, { id: 'x' }, [{ status: 'pending', at: '2026-03-02T09:00:00' }], at('2026-03-03T00:00:00Z'))).toThrow(/with an offset/);
    const ok = computeSla(policies, { id: 'x' }, [{ status: 'pending', at: '2026-03-02T09:00:00Z' }], at('2026-03-02T10:00:00Z'));
    expect(ok?.remainingMinutes).toBe(180);
  });

  it('a calendar with no working hours is a parse error naming the calendar, not a throw per item', () => {
    const { policies: set, diagnostics } = parseSlaPolicies(`calendars:
  closed: { timeZone: UTC, hours: {} }
policies:
  - name: p
    calendar: closed
    metrics:
      review: { stop_when: { status: approved }, targets: { default: 4h } }
`);
    expect(set.policies).toHaveLength(0);
    expect(diagnostics[0]).toMatchObject({ line: 2, severity: 'error' });
    expect(diagnostics[0]?.message).toMatch(/calendars\.closed\.hours: the calendar has no working hours/);
    expect(diagnostics.some((d) => /calendar "closed" has errors/.test(d.message))).toBe(true);
  });

  it('says how to write an interval that is not nested, and names a typo in a holiday', () => {
    const nested = businessCalendarSchema.safeParse({ timeZone: 'UTC', hours: { mon: ['09:00', '17:00'] } });
    expect(nested.success || nested.error.issues[0]?.message).toBe("a day is a list of intervals: write [['09:00', '17:00']], not ['09:00', '17:00']");
    const typo = businessCalendarSchema.safeParse({ timeZone: 'UTC', hours: {}, holidays: [{ dat: '2026-12-25' }] });
    expect(typo.success || typo.error.issues[0]?.message).toMatch(/^unknown key 'dat' in a holiday: write a date "YYYY-MM-DD"/);
  });

  it('accepts the tz database\'s fixed-offset zones (documented) and refuses bare offsets', () => {
    expect(isValidTimeZone('Etc/GMT+5')).toBe(true);
    expect(isValidTimeZone('EST')).toBe(true);
    expect(isValidTimeZone('+05:00')).toBe(false);
    expect(isValidTimeZone('UTC+5')).toBe(false);
  });
});
