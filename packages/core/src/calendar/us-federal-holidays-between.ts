import type { Holiday } from './schema.js';
import { usFederalHolidays } from './us-federal-holidays.js';

/** At most this many years are listed: a range wider than that is a typo'd year, not a calendar. */
export const MAX_HOLIDAY_YEARS = 300;

/** The US federal holidays (observed dates) of every year from `fromYear` to `toYear`, both included. */
export function usFederalHolidaysBetween(fromYear: number, toYear: number): Holiday[] {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear)) throw new RangeError(`years must be whole numbers, got ${fromYear}–${toYear}`);
  if (toYear - fromYear + 1 > MAX_HOLIDAY_YEARS) throw new RangeError(`at most ${MAX_HOLIDAY_YEARS} years of holidays, asked for ${fromYear}–${toYear}`);
  const out: Holiday[] = [];
  for (let y = fromYear; y <= toYear; y++) out.push(...usFederalHolidays(y));
  return out;
}
