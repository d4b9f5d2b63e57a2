import { calendarDateOf, parseDateInput } from '@creator-desk/core';
import { z } from 'zod';
import { readInstant } from '../readers/fields.js';

// A review or a change dated before this is a typo'd year far likelier than a real date.
const EARLIEST = '2000-01-01';

/**
 * A calendar day `YYYY-MM-DD`, or an ISO instant with an offset read as its day on `timeZone`'s wall
 * calendar (an inventory says "reviewed on the 12th", not at an instant). Bounded to 2000 onwards.
 */
export function calendarDaySchema(timeZone: string) {
  return z.string().transform((value, ctx) => {
    const text = value.trim();
    const parsed = parseDateInput(text);
    let day: string | undefined;
    if (parsed.ok && parsed.value.kind === 'date') day = parsed.value.date;
    else {
      // The queues' own instant reader: it refuses 30 February rather than rolling it into March.
      const at = readInstant(text);
      if (typeof at !== 'string') day = calendarDateOf(at, timeZone);
    }
    if (day === undefined) {
      ctx.addIssue({ code: 'custom', message: `expected a date YYYY-MM-DD (or an ISO-8601 instant with an offset), got ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    if (day < EARLIEST) {
      ctx.addIssue({ code: 'custom', message: `${day} is before ${EARLIEST}: check the year` });
      return z.NEVER;
    }
    return day;
  });
}

/** Whole days from calendar day `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
