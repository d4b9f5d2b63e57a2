import { describe, expect, it } from 'vitest';
import { dueSteps, nextStepAt, occurrenceAround, occurrenceKey, upcomingOccurrences } from '../../src/events/index.js';
import { eventOf, iso } from './helpers.js';

const drop = eventOf(`id: drop\ntitle: Drop\ntime_zone: America/New_York\nstart: 2026-03-03 18:00\nrrule: FREQ=WEEKLY;BYDAY=TU\nduration: 2h\nannounce: 1d\nreminders: [1h, 3h]`);

describe('event steps', () => {
  it('announces a day before and reminds 3 h and 1 h before each start', () => {
    const t = Date.parse('2026-03-02T00:00:00Z');
    const times: string[] = [];
    for (let now = t, i = 0; i < 6; i++) {
      const next = nextStepAt([drop], now)!;
      times.push(iso(next));
      now = next;
    }
    expect(times).toEqual([
      '2026-03-02T23:00:00.000Z',
      '2026-03-03T20:00:00.000Z',
      '2026-03-03T22:00:00.000Z',
      '2026-03-09T22:00:00.000Z', // after the DST change, 18:00 EDT
      '2026-03-10T19:00:00.000Z',
      '2026-03-10T21:00:00.000Z',
    ]);
  });

  it('a step is due from its time until it is stale (announce: until the end; reminder: until the start)', () => {
    const kinds = (now: string) => dueSteps([drop], Date.parse(now)).map((s) => `${s.kind}:${s.minutesBefore}`);
    expect(kinds('2026-03-02T22:59:00Z')).toEqual([]);
    expect(kinds('2026-03-02T23:00:00Z')).toEqual(['announce:1440']);
    expect(kinds('2026-03-03T22:30:00Z')).toEqual(['announce:1440', 'reminder:180', 'reminder:60']);
    expect(kinds('2026-03-04T00:30:00Z')).toEqual(['announce:1440']);
    expect(kinds('2026-03-04T01:00:00Z')).toEqual([]);
  });

  it('occurrenceAround: live during the event, or within a window before/after', () => {
    const live = (t: string, q = {}) => occurrenceAround(drop, Date.parse(t), q)?.local;
    expect(live('2026-03-03T23:30:00Z')).toBe('2026-03-03T18:00');
    expect(live('2026-03-03T22:30:00Z')).toBeUndefined();
    expect(live('2026-03-03T22:30:00Z', { beforeMinutes: 60 })).toBe('2026-03-03T18:00');
    expect(live('2026-03-04T01:30:00Z')).toBeUndefined();
    expect(live('2026-03-04T01:30:00Z', { afterMinutes: 60 })).toBe('2026-03-03T18:00');
  });

  it('upcoming occurrences of several events in time order, and occurrence keys', () => {
    const daily = eventOf(`id: daily\ntitle: D\ntime_zone: UTC\nstart: 2026-03-03 12:00\nrepeat: daily`);
    const up = upcomingOccurrences([drop, daily], Date.parse('2026-03-03T00:00:00Z'), 3);
    expect(up.map((u) => `${u.event.id} ${u.occurrence.local}`)).toEqual(['daily 2026-03-03T12:00', 'drop 2026-03-03T18:00', 'daily 2026-03-04T12:00']);
    expect(occurrenceKey('drop', up[1]!.occurrence)).toBe('drop@2026-03-03T23:00:00.000Z');
  });
});
