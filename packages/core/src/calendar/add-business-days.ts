import { compileCalendar, type CompiledCalendar } from './compiled-calendar.js';
import { DAY, instantMs, instantOfWallMs, wallMsOf } from './local-day.js';
import type { BusinessCalendar } from './schema.js';

/**
 * The same wall-clock time `n` business days after (n < 0: before) the local date of `date`; the start date
 * itself never counts, so Saturday + 1 is Monday and n = 0 returns `date`. Holidays are skipped (used for
 * §512's "10 to 14 business days"). A wall time that does not exist on the target day (spring-forward)
 * moves forward by the gap; one that occurs twice takes the earlier instant.
 */
export function addBusinessDays(cal: BusinessCalendar, date: Date, n: number): Date {
  const t = instantMs(date);
  if (!Number.isInteger(n)) throw new RangeError('n must be an integer number of business days');
  if (n === 0) return new Date(t);
  const c = compileCalendar(cal);
  if (c.businessDaysPerWeek === 0) throw new RangeError('the calendar has no business days');
  const wall = wallMsOf(c.timeZone, t);
  const d0 = Math.floor(wall / DAY);
  const timeOfDay = wall - d0 * DAY;
  const d = n > 0 ? stepForward(c, d0, n) : stepBackward(c, d0, -n);
  return new Date(instantOfWallMs(c.timeZone, d * DAY + timeOfDay));
}

const LIMIT_DAYS = 400 * 366;

function stepForward(c: CompiledCalendar, d0: number, n: number): number {
  const bd = c.businessDaysPerWeek;
  let d = d0;
  let rem = n;
  while (rem > 0) {
    if (rem > bd) {
      // Jump whole weeks that contain no holiday: each holds exactly `bd` business days.
      const weeks = Math.floor((rem - 1) / bd);
      const h = c.nextHolidayAfter(d);
      const clean = h === undefined ? weeks : Math.min(weeks, Math.floor((h - d - 1) / 7));
      if (clean > 0) {
        d += 7 * clean;
        rem -= bd * clean;
        continue;
      }
    }
    const range = c.holidayRangeAround(d + 1);
    d = range ? range[1] + 1 : d + 1;
    if (c.isBusinessDay(d)) rem--;
    if (d - d0 > LIMIT_DAYS) throw new RangeError('no business day within 400 years');
  }
  return d;
}

function stepBackward(c: CompiledCalendar, d0: number, n: number): number {
  const bd = c.businessDaysPerWeek;
  let d = d0;
  let rem = n;
  while (rem > 0) {
    if (rem > bd) {
      const weeks = Math.floor((rem - 1) / bd);
      const h = c.prevHolidayBefore(d);
      const clean = h === undefined ? weeks : Math.min(weeks, Math.floor((d - h - 1) / 7));
      if (clean > 0) {
        d -= 7 * clean;
        rem -= bd * clean;
        continue;
      }
    }
    const range = c.holidayRangeAround(d - 1);
    d = range ? range[0] - 1 : d - 1;
    if (c.isBusinessDay(d)) rem--;
    if (d0 - d > LIMIT_DAYS) throw new RangeError('no business day within 400 years');
  }
  return d;
}
