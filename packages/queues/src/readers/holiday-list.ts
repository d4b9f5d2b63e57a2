import { didYouMean, holidaySchema, usFederalHolidaysBetween, type Holiday } from '@creator-desk/core';
import { z } from 'zod';

/** `us-federal` or one holiday of core's shape; a word that is not a date is told about `us-federal`. */
export function holidayListEntry<H extends z.ZodType>(holiday: H) {
  return z.preprocess((v, ctx) => {
    if (typeof v === 'string' && v !== 'us-federal' && !/^\d/.test(v)) {
      ctx.addIssue({ code: 'custom', message: `'${v}' is neither 'us-federal' nor a date YYYY-MM-DD${didYouMean(v, ['us-federal'])}` });
      return z.NEVER;
    }
    return v;
  }, z.union([z.literal('us-federal'), holiday]));
}

/** A settings list of holidays: `us-federal` and/or holidays in core's shape. */
export const holidayListSchema = z.array(holidayListEntry(holidaySchema));

/** The holidays of a settings list, `us-federal` expanded over the years `years` spans and one either side. */
export function expandHolidays(entries: readonly ('us-federal' | Holiday)[], years: readonly [number, number]): Holiday[] {
  const out: Holiday[] = [];
  for (const h of entries) {
    if (h === 'us-federal') out.push(...usFederalHolidaysBetween(years[0] - 1, years[1] + 1));
    else out.push(h);
  }
  return out;
}
