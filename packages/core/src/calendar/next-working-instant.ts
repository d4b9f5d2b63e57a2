import { compileCalendar } from './compiled-calendar.js';
import { instantMs } from './local-day.js';
import type { BusinessCalendar } from './schema.js';

/** `date` itself when it is working time, otherwise the start of the next working interval. */
export function nextWorkingInstant(cal: BusinessCalendar, date: Date): Date {
  const t = instantMs(date);
  const c = compileCalendar(cal);
  if (c.weeklyMinutes === 0) throw new RangeError('the calendar has no working hours');
  return new Date(c.nextWorking(t));
}
