/** fast-check generators for random business calendars and instants around DST changes. */
import fc from 'fast-check';
import { businessCalendarSchema, type BusinessCalendar } from '../../src/calendar/index.js';

const ZONES = ['America/New_York', 'Europe/Berlin', 'UTC', 'Australia/Lord_Howe', 'Asia/Kolkata'] as const;

/** Instants (whole minutes) near 2026's DST changes in New York, Berlin and Lord Howe. */
const PIVOTS = [
  '2026-03-08T07:00:00Z',
  '2026-11-01T06:00:00Z',
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2026-04-04T15:00:00Z',
  '2026-10-03T15:30:00Z',
  '2026-06-15T12:00:00Z',
].map((s) => Date.parse(s));

const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const interval = fc
  .record({ start: fc.integer({ min: 0, max: 1439 }), length: fc.integer({ min: 1, max: 16 * 60 }) })
  .map(({ start, length }): [string, string] => {
    const end = start + length;
    return [hhmm(start), end === 1440 ? '24:00' : hhmm(end % 1440)];
  });

// Bias towards the whole-hour and half-hour boundaries where DST changes happen.
const roundedInterval = fc
  .record({ start: fc.integer({ min: 0, max: 47 }), length: fc.integer({ min: 1, max: 32 }) })
  .map(({ start, length }): [string, string] => {
    const s = start * 30;
    const e = s + length * 30;
    return [hhmm(s), e === 1440 ? '24:00' : hhmm(e % 1440)];
  })
  .filter(([s, e]) => s !== e);

const dayHours = fc.array(fc.oneof(interval, roundedInterval), { minLength: 0, maxLength: 3 });

/** A random valid calendar with at least one working interval; holidays fall near the pivots. */
export const calendarArb: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    mon: dayHours,
    tue: dayHours,
    wed: dayHours,
    thu: dayHours,
    fri: dayHours,
    sat: dayHours,
    sun: dayHours,
    pivot: fc.constantFrom(...PIVOTS),
    singles: fc.array(fc.integer({ min: -10, max: 10 }), { maxLength: 4 }),
    ranges: fc.array(fc.record({ at: fc.integer({ min: -10, max: 10 }), len: fc.integer({ min: 0, max: 4 }) }), { maxLength: 2 }),
  })
  .filter((r) => [r.mon, r.tue, r.wed, r.thu, r.fri, r.sat, r.sun].some((d) => d.length > 0))
  .map((r) => {
    const iso = (d: number) => new Date(r.pivot + d * 86_400_000).toISOString().slice(0, 10);
    return businessCalendarSchema.parse({
      timeZone: r.timeZone,
      hours: { mon: r.mon, tue: r.tue, wed: r.wed, thu: r.thu, fri: r.fri, sat: r.sat, sun: r.sun },
      holidays: [
        ...r.singles.map(iso),
        ...r.ranges.map(({ at, len }) => ({ from: iso(at), to: iso(at + len) })),
      ],
    });
  });

/** A whole-minute instant within ten days of a DST change. */
export const instantArb: fc.Arbitrary<number> = fc
  .record({ pivot: fc.constantFrom(...PIVOTS), delta: fc.integer({ min: -10 * 1440, max: 10 * 1440 }) })
  .map(({ pivot, delta }) => pivot + delta * 60_000);
