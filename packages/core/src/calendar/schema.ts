import { z } from 'zod';
import { dayNumberOfIsoDate } from './local-day.js';
import { isValidTimeZone } from './time-zone.js';

/** Weekday keys of `hours`, in the order the week is written. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** A weekday key such as `mon`. */
export type Weekday = (typeof WEEKDAYS)[number];

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** Local time of day `HH:MM` (24-hour); `24:00` is accepted only as an interval's end. */
export const timeOfDaySchema = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'expected a time of day "HH:MM" (00:00–24:00)' });

/**
 * One working interval `[start, end]` of a weekday. An end at or before the start is an overnight interval
 * (`['22:00', '02:00']`): it belongs to the day it starts on, so that day's holiday cancels it whole.
 */
export const workingIntervalSchema = z
  .tuple([timeOfDaySchema, timeOfDaySchema])
  .superRefine(([start, end], ctx) => {
    if (!TIME.test(start)) ctx.addIssue({ code: 'custom', message: `an interval cannot start at ${start}`, path: [0] });
    else if (start === end) {
      ctx.addIssue({
        code: 'custom',
        message: `interval ${start}–${end} is empty; write ['00:00', '24:00'] for a whole day`,
        path: [1],
      });
    }
  });

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDateSchema = z
  .string()
  .refine((s) => dayNumberOfIsoDate(s) !== undefined, { message: 'expected a calendar date "YYYY-MM-DD"' });

const HOLIDAY_SHAPES = 'a date "YYYY-MM-DD", {date: "YYYY-MM-DD", name: …} or {from: "YYYY-MM-DD", to: "YYYY-MM-DD", name: …}';
const HOLIDAY_KEYS: ReadonlySet<string> = new Set(['date', 'from', 'to', 'name']);

/** A holiday: one date, or an inclusive range of dates. */
export const holidaySchema = z.preprocess(
  (value, ctx) => {
    // A typo'd key would otherwise fail every branch of the union with zod's bare "Invalid input".
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const unknown = Object.keys(value).filter((k) => !HOLIDAY_KEYS.has(k));
      if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `unknown key ${unknown.map((k) => `'${k}'`).join(', ')} in a holiday: write ${HOLIDAY_SHAPES}` });
    }
    return value;
  },
  z.union(
    [
      isoDateSchema,
      z.strictObject({ date: isoDateSchema, name: z.string().optional() }),
      z
        .strictObject({ from: isoDateSchema, to: isoDateSchema, name: z.string().optional() })
        .refine((h) => h.from <= h.to, { message: 'holiday range ends before it starts', path: ['to'] }),
    ],
    { error: `expected ${HOLIDAY_SHAPES}` },
  ),
);

const day = z.preprocess((value, ctx) => {
  // `mon: ['09:00', '17:00']` (one interval, not nested in the day's list) is the usual slip.
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) {
    ctx.addIssue({ code: 'custom', message: `a day is a list of intervals: write [[${value.map((v) => `'${String(v)}'`).join(', ')}]], not [${value.map((v) => `'${String(v)}'`).join(', ')}]` });
  }
  return value;
}, z.array(workingIntervalSchema).default([]));

/** A business calendar: an IANA time zone, weekly working hours (several intervals a day) and holidays. */
export const businessCalendarSchema = z.strictObject({
  timeZone: z.string().refine(isValidTimeZone, { message: 'expected an IANA time zone such as "Europe/Berlin"' }),
  hours: z.strictObject({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }),
  holidays: z.array(holidaySchema).default([]),
});

/** A validated business calendar (treat as immutable: compiled forms are cached per object). */
export type BusinessCalendar = z.output<typeof businessCalendarSchema>;
/** A business calendar as written (weekdays and holidays may be omitted). */
export type BusinessCalendarInput = z.input<typeof businessCalendarSchema>;
/** One holiday entry. */
export type Holiday = z.output<typeof holidaySchema>;
