import { describe, expect, it } from 'vitest';
import { nextOccurrence, occurrencesAfter } from '../../src/events/index.js';
import { eventOf, iso } from './helpers.js';

const after = (yaml: string, from: string, n: number) => occurrencesAfter(eventOf(yaml).schedule, Date.parse(from), n);

describe('occurrencesAfter', () => {
  it('keeps a weekly 18:00 America/New_York event at 18:00 local across the March and November DST changes', () => {
    const event = `id: drop\ntitle: Drop\ntime_zone: America/New_York\nstart: 2026-03-03 18:00\nrrule: FREQ=WEEKLY;BYDAY=TU`;
    expect(after(event, '2026-03-01T00:00:00Z', 2).map((o) => iso(o.at))).toEqual(['2026-03-03T23:00:00.000Z', '2026-03-10T22:00:00.000Z']);
    expect(after(event, '2026-10-26T00:00:00Z', 2).map((o) => iso(o.at))).toEqual(['2026-10-27T22:00:00.000Z', '2026-11-03T23:00:00.000Z']);
    expect(after(event, '2026-03-01T00:00:00Z', 40).every((o) => o.local.endsWith('T18:00') && !o.shifted)).toBe(true);
  });

  it('moves a 02:30 that spring-forward skips to 03:30 local and says so; other days stay at 02:30', () => {
    const occ = after(`id: night\ntitle: Night\ntime_zone: America/New_York\nstart: 2026-03-07 02:30\nrepeat: daily`, '2026-03-07T00:00:00Z', 3);
    expect(occ.map((o) => [o.local, iso(o.at), o.shifted])).toEqual([
      ['2026-03-07T02:30', '2026-03-07T07:30:00.000Z', false],
      ['2026-03-08T02:30', '2026-03-08T07:30:00.000Z', true], // 03:30 EDT
      ['2026-03-09T02:30', '2026-03-09T06:30:00.000Z', false],
    ]);
  });

  it('takes the first of a fall-back time that happens twice (01:30 EDT, not EST)', () => {
    const [o] = after(`id: late\ntitle: Late\ntime_zone: America/New_York\nstart: 2026-11-01 01:30`, '2026-10-31T00:00:00Z', 5);
    expect(iso(o!.at)).toBe('2026-11-01T05:30:00.000Z');
  });

  it('monthly on the 2nd Tuesday and on the last Friday', () => {
    const second = after(`id: a\ntitle: A\ntime_zone: Europe/Berlin\nstart: 2026-01-01 12:00\nrepeat: {freq: monthly, on: [2nd tue]}`, '2026-01-01T00:00:00Z', 3);
    expect(second.map((o) => o.local)).toEqual(['2026-01-13T12:00', '2026-02-10T12:00', '2026-03-10T12:00']);
    const last = after(`id: b\ntitle: B\ntime_zone: Europe/Berlin\nstart: 2026-01-01 12:00\nrrule: FREQ=MONTHLY;BYDAY=-1FR,-2MO`, '2026-01-01T00:00:00Z', 4);
    expect(last.map((o) => o.local)).toEqual(['2026-01-19T12:00', '2026-01-30T12:00', '2026-02-16T12:00', '2026-02-27T12:00']);
  });

  it('monthly on the 31st skips months without one; -1 is the last day', () => {
    const occ = after(`id: a\ntitle: A\ntime_zone: UTC\nstart: 2026-01-31 09:00\nrrule: FREQ=MONTHLY;BYMONTHDAY=31`, '2026-01-01T00:00:00Z', 3);
    expect(occ.map((o) => o.local)).toEqual(['2026-01-31T09:00', '2026-03-31T09:00', '2026-05-31T09:00']);
    const lastDay = after(`id: a\ntitle: A\ntime_zone: UTC\nstart: 2026-01-31 09:00\nrepeat: {freq: monthly, days: [-1]}`, '2026-01-01T00:00:00Z', 2);
    expect(lastDay.map((o) => o.local)).toEqual(['2026-01-31T09:00', '2026-02-28T09:00']);
  });

  it('count includes skipped dates (as RFC 5545 counts EXDATE) and until is inclusive', () => {
    const counted = after(`id: a\ntitle: A\ntime_zone: UTC\nstart: 2026-01-05 10:00\nrepeat: weekly\ncount: 3\nskip: [2026-01-12]`, '2026-01-01T00:00:00Z', 10);
    expect(counted.map((o) => o.local)).toEqual(['2026-01-05T10:00', '2026-01-19T10:00']);
    const until = after(`id: a\ntitle: A\ntime_zone: UTC\nstart: 2026-01-05 10:00\nrrule: FREQ=DAILY;INTERVAL=2\nuntil: 2026-01-09`, '2026-01-01T00:00:00Z', 10);
    expect(until.map((o) => o.local)).toEqual(['2026-01-05T10:00', '2026-01-07T10:00', '2026-01-09T10:00']);
  });

  it('weekly with an interval counts weeks from the start week (Monday-based)', () => {
    const occ = after(`id: a\ntitle: A\ntime_zone: UTC\nstart: 2026-01-07 10:00\nrrule: FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE`, '2026-01-01T00:00:00Z', 4);
    expect(occ.map((o) => o.local)).toEqual(['2026-01-07T10:00', '2026-01-19T10:00', '2026-01-21T10:00', '2026-02-02T10:00']);
  });

  it('is bounded: nothing after 2100, a far query returns nothing, a huge limit is capped', () => {
    const daily = eventOf(`id: a\ntitle: A\ntime_zone: UTC\nstart: 2026-01-01 10:00\nrepeat: daily`).schedule;
    expect(nextOccurrence(daily, Date.parse('2100-12-31T10:00:00Z'))).toBeUndefined();
    expect(occurrencesAfter(daily, Date.parse('9999-01-01T00:00:00Z'), 10)).toEqual([]);
    expect(occurrencesAfter(daily, 0, 1e9)).toHaveLength(1000);
    const once = eventOf(`id: a\ntitle: A\ntime_zone: UTC\nstart: 2026-01-01 10:00`).schedule;
    expect(occurrencesAfter(once, 0, 5).map((o) => o.local)).toEqual(['2026-01-01T10:00']);
    expect(occurrencesAfter(once, Date.parse('2026-01-01T10:00:00Z'), 5)).toEqual([]);
  });
});
