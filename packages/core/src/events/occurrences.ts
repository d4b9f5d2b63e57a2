/**
 * Expanding a schedule into occurrence instants in its IANA time zone. The recurrence runs over
 * local calendar dates and the local start time; each local date-time is turned into an instant
 * only at the end, so a weekly 18:00 America/New_York event stays at 18:00 local on both sides of
 * a DST change. Local times the change makes impossible are resolved like Temporal's
 * `disambiguation: 'compatible'` (RFC 5545 §3.3.5's rule for a DATE-TIME), on purpose unlike
 * RFC 5545 §3.3.10, which drops a recurrence instance at a nonexistent local time — an
 * announcement that silently vanishes on DST night is worse than one an hour late:
 *
 * - a time skipped by spring-forward (02:30 on the day clocks jump 02:00 → 03:00) is moved
 *   forward by the gap (03:30 local); the occurrence says `shifted: true`;
 * - a time that happens twice at fall-back (01:30 when clocks go 02:00 → 01:00) is the first
 *   one, in daylight time.
 *
 * Every expansion is bounded: occurrences exist only between 2000-01-01 and 2100-12-31 local,
 * COUNT is at most 1000, and callers ask for at most MAX_OCCURRENCES at a time.
 */
import { DAY, MINUTE, instantOfWallMs, isoDateOfDayNumber, localDayOf, wallMsOf, weekdayOf, type DayNumber } from '../calendar/local-day.js';
import { FIRST_DAY, LAST_DAY, type Recurrence, type Until } from './recurrence.js';

/** Most occurrences one call returns. */
export const MAX_OCCURRENCES = 1000;

/** One event's timing: the first local date and time, the zone, the recurrence and skipped dates. */
export interface Schedule {
  timeZone: string;
  /** Local date of the first occurrence (day number). */
  startDay: DayNumber;
  /** Local time of day, minutes after midnight. */
  startMinute: number;
  recurrence: Recurrence;
  /** Local dates on which no occurrence happens (RFC 5545 EXDATE); they still count toward COUNT. */
  skip: ReadonlySet<DayNumber>;
}

/** One occurrence of a schedule. */
export interface Occurrence {
  /** The instant, ms since the epoch. */
  at: number;
  /** The local date the recurrence produced. */
  day: DayNumber;
  /** Local date and time as scheduled, `YYYY-MM-DDTHH:mm` (before any DST shift). */
  local: string;
  /** True when the scheduled local time did not exist that day and was moved forward by the DST gap. */
  shifted: boolean;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}
const ymdOf = (day: DayNumber): Ymd => {
  const date = new Date(day * DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth(), d: date.getUTCDate() };
};
const dayOfYmd = (y: number, m: number, d: number): DayNumber => Date.UTC(y, m, d) / DAY;
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
/** Days since the Monday of the week (weeks start on Monday, RFC 5545's default WKST). */
const sinceMonday = (day: DayNumber): number => (weekdayOf(day) + 6) % 7;

/** The local dates a recurrence produces, in order, from the period containing `fromDay` (from the start when COUNT applies). */
function* recurrenceDays(s: Schedule, fromDay: DayNumber): Generator<DayNumber> {
  const r = s.recurrence;
  // COUNT counts from the first occurrence, so only an uncounted rule may jump ahead.
  const from = r.count === undefined ? Math.max(fromDay, s.startDay) : s.startDay;
  let emitted = 0;
  const emit = (): boolean => {
    emitted++;
    return r.count === undefined || emitted <= r.count;
  };
  const last = Math.min(LAST_DAY, untilDay(r.until));
  if (r.freq === 'once') {
    yield s.startDay;
    return;
  }
  if (r.freq === 'daily') {
    for (let k = Math.floor((from - s.startDay) / r.interval); ; k++) {
      const day = s.startDay + k * r.interval;
      if (day > last || !emit()) return;
      yield day;
    }
  }
  if (r.freq === 'weekly') {
    const weekdays = r.weekdays.length > 0 ? r.weekdays : [weekdayOf(s.startDay)];
    const offsets = [...new Set(weekdays.map((w) => (w + 6) % 7))].sort((a, b) => a - b);
    const firstMonday = s.startDay - sinceMonday(s.startDay);
    for (let k = Math.floor((from - firstMonday) / (7 * r.interval)); ; k++) {
      const monday = firstMonday + k * 7 * r.interval;
      if (monday > last) return;
      for (const off of offsets) {
        const day = monday + off;
        if (day < s.startDay) continue;
        if (day > last || !emit()) return;
        yield day;
      }
    }
  }
  const start = ymdOf(s.startDay);
  const startMonth = start.y * 12 + start.m;
  const f = ymdOf(from);
  for (let k = Math.floor((f.y * 12 + f.m - startMonth) / r.interval); ; k++) {
    const index = startMonth + k * r.interval;
    const y = Math.floor(index / 12);
    const m = index % 12;
    if (dayOfYmd(y, m, 1) > last) return;
    for (const day of monthDays(r, y, m, start.d)) {
      if (day < s.startDay) continue;
      if (day > last || !emit()) return;
      yield day;
    }
  }
}

/** The days of month (y, m) a monthly rule picks, sorted; a day the month lacks (31 in April, a 5th Monday) is skipped. */
function monthDays(r: Recurrence, y: number, m: number, startDate: number): DayNumber[] {
  const len = daysInMonth(y, m);
  const first = dayOfYmd(y, m, 1);
  const picked = new Set<DayNumber>();
  const dates = r.monthDays.length === 0 && r.nthWeekdays.length === 0 ? [startDate] : r.monthDays;
  for (const d of dates) {
    const date = d > 0 ? d : len + 1 + d;
    if (date >= 1 && date <= len) picked.add(first + date - 1);
  }
  for (const { n, weekday } of r.nthWeekdays) {
    if (n > 0) {
      const day = first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
      if (day < first + len) picked.add(day);
    } else {
      const lastDay = first + len - 1;
      const day = lastDay - ((weekdayOf(lastDay) - weekday + 7) % 7) + (n + 1) * 7;
      if (day >= first) picked.add(day);
    }
  }
  return [...picked].sort((a, b) => a - b);
}

function untilDay(until: Until | undefined): DayNumber {
  if (until === undefined) return LAST_DAY;
  // An instant bound is checked exactly per occurrence; a day later covers any zone's offset.
  return until.kind === 'date' ? until.day : Math.floor(until.ms / DAY) + 1;
}

/** The occurrence on a local date, or undefined when it is skipped or past an instant UNTIL. */
function occurrenceOn(s: Schedule, day: DayNumber): Occurrence | undefined {
  if (s.skip.has(day) || day < FIRST_DAY) return undefined;
  const wall = day * DAY + s.startMinute * MINUTE;
  const at = instantOfWallMs(s.timeZone, wall);
  const until = s.recurrence.until;
  if (until?.kind === 'instant' && at > until.ms) return undefined;
  const local = `${isoDateOfDayNumber(day)}T${String(Math.floor(s.startMinute / 60)).padStart(2, '0')}:${String(s.startMinute % 60).padStart(2, '0')}`;
  return { at, day, local, shifted: wallMsOf(s.timeZone, at) !== wall };
}

/**
 * The next `limit` occurrences strictly after instant `afterMs`, in order (at most MAX_OCCURRENCES).
 * `beforeMs` (exclusive) stops early.
 */
export function occurrencesAfter(s: Schedule, afterMs: number, limit: number, beforeMs = Number.POSITIVE_INFINITY): Occurrence[] {
  const out: Occurrence[] = [];
  const max = Math.min(Math.max(0, Math.floor(limit)), MAX_OCCURRENCES);
  if (max === 0 || !Number.isFinite(afterMs)) return out;
  // A local date can start up to ~26 h before or after the UTC date; one day of slack covers it.
  const fromDay = localDayOf(s.timeZone, afterMs) - 1;
  for (const day of recurrenceDays(s, fromDay)) {
    const o = occurrenceOn(s, day);
    if (o === undefined || o.at <= afterMs) continue;
    if (o.at >= beforeMs) break;
    out.push(o);
    if (out.length >= max) break;
  }
  return out;
}

/** The first occurrence strictly after `afterMs`, if any. */
export function nextOccurrence(s: Schedule, afterMs: number): Occurrence | undefined {
  return occurrencesAfter(s, afterMs, 1)[0];
}
