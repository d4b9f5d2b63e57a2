import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { occurrencesAfter, type Recurrence, type Schedule, type WeekdayNumber } from '../../src/events/index.js';
import { refOccurrences } from './reference.js';

const DAY = 86_400_000;
const MIN = 60_000;
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 60) };
// The reference is slow by design; a loaded machine must not turn it into a timeout failure.
const SLOW = 120_000;

// Zones with 1 h DST, a 30 min DST (Lord Howe), DST at midnight (Santiago, Havana), none (Kolkata), southern hemisphere.
const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'America/Havana', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'];
const weekday = fc.integer({ min: 0, max: 6 }) as fc.Arbitrary<WeekdayNumber>;

const recurrenceArb: fc.Arbitrary<Recurrence> = fc.oneof(
  fc.constant<Recurrence>({ freq: 'once', interval: 1, weekdays: [], monthDays: [], nthWeekdays: [] }),
  fc.record({ freq: fc.constant('daily' as const), interval: fc.integer({ min: 1, max: 3 }), weekdays: fc.constant<never[]>([]), monthDays: fc.constant<never[]>([]), nthWeekdays: fc.constant<never[]>([]) }),
  fc.record({ freq: fc.constant('weekly' as const), interval: fc.integer({ min: 1, max: 3 }), weekdays: fc.uniqueArray(weekday, { maxLength: 4 }), monthDays: fc.constant<never[]>([]), nthWeekdays: fc.constant<never[]>([]) }),
  fc.record({
    freq: fc.constant('monthly' as const),
    interval: fc.integer({ min: 1, max: 2 }),
    weekdays: fc.constant<never[]>([]),
    monthDays: fc.uniqueArray(fc.constantFrom(1, 8, 15, 29, 30, 31, -1, -7), { maxLength: 3 }),
    nthWeekdays: fc.uniqueArray(fc.record({ n: fc.constantFrom(1, 2, 4, 5, -1, -2), weekday }), { maxLength: 2, selector: (w) => `${w.n}:${w.weekday}` }),
  }),
);

const scheduleArb: fc.Arbitrary<Schedule> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    // 2025-01-01 … 2026-12-31
    startDay: fc.integer({ min: 20089, max: 20818 }),
    // biased to the hours DST changes happen in
    startMinute: fc.oneof(fc.integer({ min: 0, max: 180 }), fc.integer({ min: 0, max: 1439 })),
    recurrence: recurrenceArb,
    count: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
    untilDays: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
    skipOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { maxLength: 5 }),
  })
  .map(({ timeZone, startDay, startMinute, recurrence, count, untilDays, skipOffsets }) => ({
    timeZone,
    startDay,
    startMinute,
    recurrence: {
      ...recurrence,
      ...(recurrence.freq !== 'once' && count !== undefined ? { count } : {}),
      ...(recurrence.freq !== 'once' && count === undefined && untilDays !== undefined ? { until: { kind: 'date' as const, day: startDay + untilDays } } : {}),
    },
    skip: new Set(skipOffsets.map((o) => startDay + o)),
  }));

/** Windows start near the schedule's start, at whole minutes; DST changes fall inside many of them. */
const caseArb = scheduleArb.chain((s) =>
  fc.record({ s: fc.constant(s), fromOffsetMin: fc.integer({ min: -3 * 1440, max: 80 * 1440 }), spanDays: fc.integer({ min: 1, max: 12 }) }),
);

describe('occurrence expansion agrees with the minute-stepping reference', () => {
  it(
    'every occurrence in a window, across DST changes, skipped local times, counts, until and skips',
    () => {
      fc.assert(
        fc.property(caseArb, ({ s, fromOffsetMin, spanDays }) => {
          const from = s.startDay * DAY + fromOffsetMin * MIN;
          const to = from + spanDays * DAY;
          const fast = occurrencesAfter(s, from, 1000, to + 1).map((o) => o.at);
          expect(fast.map((t) => new Date(t).toISOString())).toEqual(refOccurrences(s, from, to).map((t) => new Date(t).toISOString()));
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'around every 2026 DST change of New York, Lord Howe and Santiago, daily at each half hour of the night',
    () => {
      const changes: [string, string][] = [
        ['America/New_York', '2026-03-08'],
        ['America/New_York', '2026-11-01'],
        ['Australia/Lord_Howe', '2026-04-05'],
        ['Australia/Lord_Howe', '2026-10-04'],
        ['America/Santiago', '2026-04-05'],
        ['America/Santiago', '2026-09-06'],
      ];
      for (const [timeZone, date] of changes) {
        const day = Date.parse(`${date}T00:00:00Z`) / DAY;
        for (let startMinute = 0; startMinute < 240; startMinute += 30) {
          const s: Schedule = { timeZone, startDay: day - 2, startMinute, recurrence: { freq: 'daily', interval: 1, weekdays: [], monthDays: [], nthWeekdays: [] }, skip: new Set() };
          const from = (day - 2) * DAY - DAY;
          const to = (day + 2) * DAY;
          expect(occurrencesAfter(s, from, 10, to + 1).map((o) => o.at), `${timeZone} ${date} minute ${startMinute}`).toEqual(refOccurrences(s, from, to));
        }
      }
    },
    SLOW,
  );
});
