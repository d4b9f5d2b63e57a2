import { compileCalendar, type CompiledCalendar } from './compiled-calendar.js';
import { DAY, checkCalendarRange, instantMs, instantOfWallMs, wallMsOf } from './local-day.js';
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
  checkCalendarRange(t, 'date');
  const c = compileCalendar(cal);
  if (c.businessDaysPerWeek === 0) throw new RangeError('the calendar has no business days');
  const wall = wallMsOf(c.timeZone, t);
  const d0 = Math.floor(wall / DAY);
  const timeOfDay = wall - d0 * DAY;
  const d = n > 0 ? step(c, d0, n, 1) : step(c, d0, -n, -1);
  // The answer must be in range too: near the end of Date's range it would otherwise be an Invalid Date.
  return new Date(checkCalendarRange(instantOfWallMs(c.timeZone, d * DAY + timeOfDay), `the result of ${n} business days from ${date.toISOString()},`));
}

const LIMIT_DAYS = 400 * 366;

/** Day number `n` business days from `d0` in direction `dir` (+1 forwards, -1 backwards). */
function step(c: CompiledCalendar, d0: number, n: number, dir: 1 | -1): number {
  const bd = c.businessDaysPerWeek;
  let d = d0;
  let rem = n;
  while (rem > 0) {
    if (rem > bd) {
      // Jump whole weeks that contain no holiday: each holds exactly `bd` business days.
      const weeks = Math.floor((rem - 1) / bd);
      const h = dir > 0 ? c.nextHolidayAfter(d) : c.prevHolidayBefore(d);
      const clean = h === undefined ? weeks : Math.min(weeks, Math.floor((dir * (h - d) - 1) / 7));
      if (clean > 0) {
        d += dir * 7 * clean;
        rem -= bd * clean;
        continue;
      }
    }
    // A holiday range is crossed in one go, to its far end.
    const range = c.holidayRangeAround(d + dir);
    d = range ? (dir > 0 ? range[1] + 1 : range[0] - 1) : d + dir;
    if (c.isBusinessDay(d)) rem--;
    if (dir * (d - d0) > LIMIT_DAYS) throw new RangeError('no business day within 400 years');
  }
  return d;
}
