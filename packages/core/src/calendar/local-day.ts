import { tzOffset } from '@date-fns/tz';

/** Milliseconds in one minute. */
export const MINUTE = 60_000;
/** Milliseconds in one wall-clock day. */
export const DAY = 86_400_000;

/**
 * A local calendar date is handled as a day number: days since 1970-01-01 of the date as written on the
 * wall, so `dayNumber * DAY + minuteOfDay * MINUTE` is the "wall milliseconds" of a local time.
 */
export type DayNumber = number;

/** Weekday of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Day number of an ISO `YYYY-MM-DD` date, or `undefined` when it is not a real calendar date. */
export function dayNumberOfIsoDate(iso: string): DayNumber | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / DAY;
}

/** ISO `YYYY-MM-DD` of a day number. */
export function isoDateOfDayNumber(day: DayNumber): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** UTC offset of `timeZone` at instant `ms`, in milliseconds (positive east of Greenwich). */
export function offsetMs(timeZone: string, ms: number): number {
  return Math.round(tzOffset(timeZone, new Date(ms)) * MINUTE);
}

/** Wall-clock milliseconds (local date and time as if it were UTC) of instant `ms` in `timeZone`. */
export function wallMsOf(timeZone: string, ms: number): number {
  return ms + offsetMs(timeZone, ms);
}

/** Local day number of instant `ms` in `timeZone`. */
export function localDayOf(timeZone: string, ms: number): DayNumber {
  return Math.floor(wallMsOf(timeZone, ms) / DAY);
}

/**
 * Instant of a wall-clock time, resolved like Temporal's `disambiguation: 'compatible'`: a time that occurs
 * twice (fall-back) takes the earlier instant, a time skipped by spring-forward moves forward by the gap.
 */
export function instantOfWallMs(timeZone: string, wallMs: number): number {
  const before = offsetMs(timeZone, wallMs - DAY);
  const after = offsetMs(timeZone, wallMs + DAY);
  const t1 = wallMs - before;
  const t2 = wallMs - after;
  const ok1 = offsetMs(timeZone, t1) === before;
  const ok2 = offsetMs(timeZone, t2) === after;
  if (ok1 && ok2) return Math.min(t1, t2);
  if (ok1) return t1;
  if (ok2) return t2;
  return t1;
}

/** First instant the calendar functions answer for (1900-01-01T00:00Z). */
export const CALENDAR_MIN_MS = Date.UTC(1900, 0, 1);
/** Instant after the last one the calendar functions answer for (2200-01-01T00:00Z). */
export const CALENDAR_MAX_MS = Date.UTC(2200, 0, 1);

/**
 * Throws when instant `ms` is outside 1900–2199: a far date is an input error, and answering for it
 * would mean building the calendar's timeline out to it (year 9999 took 13 s and 700 MB).
 */
export function checkCalendarRange(ms: number, what = 'instant'): number {
  if (!(ms >= CALENDAR_MIN_MS && ms < CALENDAR_MAX_MS)) {
    const shown = Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);
    throw new RangeError(`${what} ${shown} is outside the years 1900–2199 that business calendars cover`);
  }
  return ms;
}

/** Milliseconds of an instant, rejecting invalid dates with a clear error. */
export function instantMs(date: Date, what = 'date'): number {
  const ms = date instanceof Date ? date.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${what} must be a valid Date`);
  return ms;
}
