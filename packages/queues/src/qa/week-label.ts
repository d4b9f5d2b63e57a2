import { calendarDateOf, isoWeekOfDate } from '@creator-desk/core';

export const weekStarts = ['monday', 'sunday'] as const;
export type WeekStart = (typeof weekStarts)[number];

/**
 * The week of an instant as `YYYY-Www`, taking its calendar day in `timeZone` (a decision at 23:30 on a
 * Sunday in Los Angeles belongs to that Sunday, not to Monday in UTC). Monday weeks are ISO-8601 weeks;
 * Sunday weeks (Sunday to Saturday) carry the ISO number of the Monday inside them, so both kinds sort and
 * read the same way.
 */
export function weekLabel(at: Date, timeZone = 'UTC', weekStart: WeekStart = 'monday'): string {
  const day = calendarDateOf(at, timeZone);
  // A Sunday starts the Sunday week that holds the next day's Monday.
  const sunday = new Date(`${day}T00:00:00Z`).getUTCDay() === 0;
  return isoWeekOfDate(weekStart === 'sunday' && sunday ? calendarDateOf(new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000), 'UTC') : day);
}
