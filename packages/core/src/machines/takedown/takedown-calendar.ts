import { businessCalendarSchema, usFederalHolidaysBetween, type BusinessCalendar, type Holiday } from '../../calendar/index.js';

/** What the restore window's calendar is built from (the installation's settings). */
export interface TakedownCalendarOptions {
  /** IANA zone of the business days (the installation's time zone). */
  timeZone: string;
  /** Skip US federal holidays (observed dates). */
  usHolidays: boolean;
  /** Further non-business dates: `YYYY-MM-DD`, `{date, name}` or an inclusive `{from, to, name}` range. */
  extraHolidays: readonly Holiday[];
  /** Holidays are listed for the years around this instant. */
  now: Date;
  /** The earliest instant a window is counted from (a log's oldest event): its year's holidays are listed too. */
  since?: Date;
}

/**
 * The business calendar of the §512 restore window: whole days Monday–Friday in the installation's
 * time zone, minus US federal holidays (the calendar Reddit's US legal team works to) for the
 * year before `now` (or from `since`'s year, when earlier) to two years after, plus the extra dates.
 * Throws on an unknown zone or date, or on a `since` centuries back.
 */
export function takedownCalendar(opts: TakedownCalendarOptions): BusinessCalendar {
  const year = opts.now.getUTCFullYear();
  const first = Math.min(year - 1, opts.since?.getUTCFullYear() ?? year);
  const holidays: Holiday[] = [...opts.extraHolidays];
  if (opts.usHolidays) holidays.push(...usFederalHolidaysBetween(first, year + 2));
  const day: [string, string][] = [['00:00', '24:00']];
  return businessCalendarSchema.parse({ timeZone: opts.timeZone, hours: { mon: day, tue: day, wed: day, thu: day, fri: day }, holidays });
}
