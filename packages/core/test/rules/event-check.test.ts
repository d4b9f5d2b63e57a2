import { describe, expect, it } from 'vitest';
import { compileRules, evaluate, explain, parseEventsPage, parseRules } from '../../src/index.js';

const EVENTS = parseEventsPage(`events:
  - id: drop-week
    title: Drop
    time_zone: America/New_York
    start: 2026-03-03 18:00
    duration: 2h
    rrule: FREQ=WEEKLY;BYDAY=TU
`).events;

const rulesOf = (text: string) => {
  const parsed = parseRules(text);
  expect(parsed.diagnostics).toEqual([]);
  return compileRules(parsed.rules);
};
const post = (created: string) => ({ id: 't3_a', type: 'submission' as const, title: 'Drop piece', created_utc: Date.parse(created) / 1000, author: { name: 'ann' } });

describe('event: checks (rules that know the calendar)', () => {
  const live = rulesOf('type: submission\nevent: {id: drop-week, active: true}\naction: approve\n');
  const near = rulesOf('type: submission\nevent: {id: drop-week, before: 1h, after: 30m}\naction: approve\n');
  const closed = rulesOf('type: submission\nflair_text: [Drop]\nevent: {id: drop-week, active: false}\naction: remove\n');

  it('passes while an occurrence is live, in the event zone across DST', () => {
    const at = (t: string) => evaluate(live, post(t), { events: EVENTS }).length;
    expect(at('2026-03-03T23:30:00Z')).toBe(1); // 18:30 EST
    expect(at('2026-03-10T22:30:00Z')).toBe(1); // 18:30 EDT
    expect(at('2026-03-10T21:30:00Z')).toBe(0); // 17:30 EDT
    expect(at('2026-03-11T00:00:00Z')).toBe(0); // 20:00 EDT, ended
  });

  it('a window before the start and after the end', () => {
    const at = (t: string) => evaluate(near, post(t), { events: EVENTS }).length;
    expect(at('2026-03-10T21:00:00Z')).toBe(1);
    expect(at('2026-03-10T20:59:00Z')).toBe(0);
    expect(at('2026-03-11T00:29:00Z')).toBe(1);
    expect(at('2026-03-11T00:30:00Z')).toBe(0);
  });

  it('active: false passes outside the event; an event not in force fails either way', () => {
    const item = { ...post('2026-03-12T12:00:00Z'), flair_text: 'Drop' };
    expect(evaluate(closed, item, { events: EVENTS })).toHaveLength(1);
    expect(evaluate(closed, item, {})).toHaveLength(0);
    const why = explain(closed, item, {}).flatMap((r) => r.checks).find((c) => c.key === 'event');
    expect(why).toMatchObject({ passed: false, detail: 'event drop-week is not on the events page in force' });
  });

  it('reports a malformed event check at its line:col', () => {
    const d = (text: string) => parseRules(text).diagnostics.map((x) => `${x.line}:${x.column}: ${x.message}`);
    expect(d('type: submission\nevent: drop-week\naction: approve\n')).toEqual([
      '2:8: event: expected a mapping such as {id: drop-week, active: true} or {id: drop-week, before: 2h, after: 1d}',
    ]);
    expect(d('type: submission\nevent: {id: drop-week, before: forever, colour: red}\naction: approve\n')).toEqual([
      '2:32: event: before must be a duration up to 31 days (e.g. 2h, 1d)',
      "2:49: event: unknown key 'colour' (id, active, before, after)",
    ]);
    expect(d('type: submission\nevent: {active: true}\naction: approve\n')).toEqual(['2:8: event: needs the id of an event on the events page']);
  });
});
