/**
 * Calendar dates as moderators type them: a date-only input names a day on the subreddit's wall
 * calendar, not midnight UTC (which is the previous evening in the Americas).
 */
import { dayNumberOfIsoDate, DAY, instantOfWallMs, isoDateOfDayNumber, localDayOf } from './local-day.js';
import { isValidTimeZone } from './time-zone.js';

/** What a date-or-date-time form field held. */
export type DateInput = { kind: 'date'; date: string } | { kind: 'instant'; at: Date };

/** A parse result: the value, or what is wrong with the text. */
export type DateInputParse = { ok: true; value: DateInput } | { ok: false; error: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// A date-time must say its offset: "2026-07-01T15:00" alone would be read in the server's zone.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Parses a form input that is either a calendar date `YYYY-MM-DD` or an ISO date-time with an
 * offset (`2026-07-01T15:00:00Z`, `…-04:00`). Years are bounded to 1970–9999.
 */
export function parseDateInput(text: string): DateInputParse {
  const t = text.trim();
  if (DATE_ONLY.test(t)) {
    if (dayNumberOfIsoDate(t) === undefined || t < '1970') return { ok: false, error: `"${t}" is not a calendar date` };
    return { ok: true, value: { kind: 'date', date: t } };
  }
  if (DATE_TIME.test(t)) {
    const at = new Date(t);
    if (!Number.isNaN(at.getTime()) && at.getUTCFullYear() >= 1970) return { ok: true, value: { kind: 'instant', at } };
  }
  return { ok: false, error: `"${t}" is not a date (YYYY-MM-DD) or a date-time with its offset (e.g. 2026-07-01T15:00:00Z)` };
}

function zone(timeZone: string): string {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`"${timeZone}" is not an IANA time zone`);
  return timeZone;
}

/** The calendar date (`YYYY-MM-DD`) of an instant on the wall calendar of `timeZone`. */
export function calendarDateOf(at: Date, timeZone: string): string {
  return isoDateOfDayNumber(localDayOf(zone(timeZone), at.getTime()));
}

/** The instant a calendar date begins in `timeZone` (the first instant that exists, across DST gaps). */
export function startOfCalendarDate(date: string, timeZone: string): Date {
  const day = dayNumberOfIsoDate(date);
  if (day === undefined) throw new RangeError(`"${date}" is not a calendar date YYYY-MM-DD`);
  return new Date(instantOfWallMs(zone(timeZone), day * DAY));
}
