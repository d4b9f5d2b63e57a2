import { compileCalendar } from './compiled-calendar.js';
import { dayNumberOfIsoDate, instantMs, localDayOf } from './local-day.js';
import type { BusinessCalendar } from './schema.js';

/**
 * True when the local date has working hours and is no holiday. A `Date` is read as the date on the wall
 * in the calendar's zone at that instant; a string must be `YYYY-MM-DD`.
 */
export function isBusinessDay(cal: BusinessCalendar, date: Date | string): boolean {
  const c = compileCalendar(cal);
  return c.isBusinessDay(localDayNumber(c.timeZone, date));
}

/** Local day number of a `Date` (in `timeZone`) or of a `YYYY-MM-DD` string. */
export function localDayNumber(timeZone: string, date: Date | string): number {
  if (typeof date === 'string') {
    const d = dayNumberOfIsoDate(date);
    if (d === undefined) throw new RangeError(`expected a date "YYYY-MM-DD", got "${date}"`);
    return d;
  }
  return localDayOf(timeZone, instantMs(date));
}
