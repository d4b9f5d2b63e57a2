/** Calendars the calendar and SLA tests share. */
import { businessCalendarSchema, type BusinessCalendar } from '../../src/calendar/index.js';

const nineToFive: [string, string][] = [['09:00', '17:00']];

/** New York office hours Mon–Fri 09:00–17:00 with Thanksgiving 2026 and a Christmas range. */
export const newYork: BusinessCalendar = businessCalendarSchema.parse({
  timeZone: 'America/New_York',
  hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: ['2026-11-26', { from: '2026-12-24', to: '2026-12-26', name: 'Christmas' }],
});

/** Berlin night desk: Mon–Fri 22:00–06:00 (overnight), plus a lunch-split day shift on Saturday. */
export const berlinNights: BusinessCalendar = businessCalendarSchema.parse({
  timeZone: 'Europe/Berlin',
  hours: {
    mon: [['22:00', '06:00']],
    tue: [['22:00', '06:00']],
    wed: [['22:00', '06:00']],
    thu: [['22:00', '06:00']],
    fri: [['22:00', '06:00']],
    sat: [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
  },
  holidays: [{ date: '2026-10-02', name: 'day before German Unity Day' }],
});

/** Round the clock, every day, in New York: working time equals elapsed wall-clock-free time. */
export const allDayNewYork: BusinessCalendar = businessCalendarSchema.parse({
  timeZone: 'America/New_York',
  hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
});

/** Shorthand for an instant. */
export const at = (iso: string): Date => new Date(iso);
