import { describe, expect, it } from 'vitest';
import { formatRrule, parseRrule, recurrenceFromReadable } from '../../src/events/index.js';

describe('parseRrule', () => {
  it('reads the supported parts', () => {
    const r = parseRrule('RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU,-1FR;COUNT=6');
    expect(r).toEqual({ ok: true, recurrence: { freq: 'monthly', interval: 2, weekdays: [], monthDays: [], nthWeekdays: [{ n: 2, weekday: 2 }, { n: -1, weekday: 5 }], count: 6 } });
    expect(parseRrule('FREQ=WEEKLY;UNTIL=20260630T235959Z')).toMatchObject({ ok: true, recurrence: { until: { kind: 'instant', ms: Date.parse('2026-06-30T23:59:59Z') } } });
    expect(parseRrule('FREQ=WEEKLY;UNTIL=20260630')).toMatchObject({ ok: true, recurrence: { until: { kind: 'date' } } });
    expect(parseRrule('FREQ=WEEKLY;UNTIL=20260630T180000')).toMatchObject({ ok: true, untilLocal: { minute: 1080 } });
  });

  it('rejects what it does not support instead of ignoring it, and bounds COUNT and INTERVAL', () => {
    const bad = (text: string) => (parseRrule(text) as { errors: string[] }).errors;
    expect(bad('FREQ=YEARLY')).toEqual(['FREQ=YEARLY is not supported (DAILY, WEEKLY or MONTHLY)']);
    expect(bad('FREQ=DAILY;BYHOUR=9')[0]).toMatch(/BYHOUR is not supported/);
    expect(bad('FREQ=DAILY;COUNT=1000000')[0]).toMatch(/COUNT=1000000 must be a whole number 1…1000/);
    expect(bad('FREQ=DAILY;INTERVAL=0')[0]).toMatch(/INTERVAL=0/);
    expect(bad('FREQ=DAILY;COUNT=3;UNTIL=20260101')).toContain('give either until or count, not both (RFC 5545)');
    expect(bad('FREQ=WEEKLY;BYDAY=XX')[0]).toMatch(/BYDAY value `XX`/);
    expect(bad('FREQ=DAILY;FREQ=WEEKLY')[0]).toMatch(/given twice/);
    expect(bad('FREQ=WEEKLY;BYMONTHDAY=3')[0]).toMatch(/need a monthly recurrence/);
    expect(bad('x'.repeat(600))[0]).toMatch(/longer than 500/);
  });

  it('round-trips through formatRrule', () => {
    const text = 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10';
    const r = parseRrule(text);
    expect(r.ok && formatRrule(r.recurrence)).toBe(text);
  });
});

describe('recurrenceFromReadable', () => {
  it('reads weekdays and positioned weekdays', () => {
    expect(recurrenceFromReadable({ freq: 'weekly', on: ['tue', 'Thursday'] })).toMatchObject({ ok: true, recurrence: { weekdays: [2, 4] } });
    expect(recurrenceFromReadable({ freq: 'monthly', on: ['last fri', '1st mon'] })).toMatchObject({ ok: true, recurrence: { nthWeekdays: [{ n: -1, weekday: 5 }, { n: 1, weekday: 1 }] } });
  });
  it('names the value it cannot read', () => {
    expect(recurrenceFromReadable({ freq: 'weekly', on: ['funday'] })).toEqual({ ok: false, errors: ['`funday` is not a weekday (mon … sun, or for monthly: 2nd tue, last fri)'] });
    expect(recurrenceFromReadable({ freq: 'monthly', on: ['tue'] })).toMatchObject({ ok: false, errors: [expect.stringMatching(/needs a position/)] });
  });
});
