import { addBusinessDays, isBusinessDay, type BusinessCalendar } from '@creator-desk/core';
import { expandHolidays } from '../readers/holiday-list.js';
import type { ActivationSettings } from './settings.js';

const DAY = 86_400_000;
const WEEKDAY_HOURS: [string, string][] = [['09:00', '17:00']];

/** Earliest and latest year a tracker date may have: a far date is a typo, and counting to it would be slow. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

/**
 * The activation calendar: Monday to Friday minus the holidays; `us-federal` expands to the federal
 * holidays of `years` (the years the trackers span, one either side). Tracker dates are already calendar
 * dates of the settings' zone (which only decides what "today" is), so the calendar counts them in UTC.
 */
export function activationCalendar(settings: ActivationSettings, years: readonly [number, number]): BusinessCalendar {
  const holidays = expandHolidays(settings.holidays, years);
  return {
    timeZone: 'UTC',
    hours: { mon: WEEKDAY_HOURS, tue: WEEKDAY_HOURS, wed: WEEKDAY_HOURS, thu: WEEKDAY_HOURS, fri: WEEKDAY_HOURS, sat: [], sun: [] },
    holidays,
  };
}

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` date. */
export function dayOf(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY;
}

/** `YYYY-MM-DD` of a day number. */
export function isoOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The date `n` business days after (n < 0: before) `iso`; the start date itself never counts (core's addBusinessDays). */
export function addBusinessDates(cal: BusinessCalendar, iso: string, n: number): string {
  return addBusinessDays(cal, new Date(`${iso}T12:00:00Z`), n).toISOString().slice(0, 10);
}

/**
 * Business days in (from, to]: how many business days `to` is after `from` (negative when before), so
 * `businessDaysBetween(d, addBusinessDates(d, n)) === n`. Dates are bounded by the schema, so the walk is too.
 */
export function businessDaysBetween(cal: BusinessCalendar, from: string, to: string): number {
  const a = dayOf(from);
  const b = dayOf(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let n = 0;
  for (let d = lo + 1; d <= hi; d++) if (isBusinessDay(cal, isoOf(d))) n++;
  return sign * n;
}
