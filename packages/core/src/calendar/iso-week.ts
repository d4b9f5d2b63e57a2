import { format, getISOWeek, getISOWeekYear, startOfISOWeek } from 'date-fns';
import { dayNumberOfIsoDate } from './local-day.js';

/** A `YYYY-MM-DD` calendar date as local midnight, the day date-fns' week functions then reason about. */
function localDate(date: string): Date {
  if (dayNumberOfIsoDate(date) === undefined) throw new RangeError(`"${date}" is not a calendar date YYYY-MM-DD`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** The ISO-8601 week of a calendar date, `YYYY-Www` (the week-numbering year: 2027-01-01 is in 2026-W53). */
export function isoWeekOfDate(date: string): string {
  const d = localDate(date);
  return `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`;
}

/** The Monday that starts the ISO week of a calendar date, `YYYY-MM-DD`. */
export function mondayOfDate(date: string): string {
  return format(startOfISOWeek(localDate(date)), 'yyyy-MM-dd');
}

