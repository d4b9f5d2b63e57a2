import { compileCalendar } from './compiled-calendar.js';
import { instantMs } from './local-day.js';
import type { BusinessCalendar } from './schema.js';

/** True when `date` falls inside the calendar's working hours (holidays excluded; interval ends are exclusive). */
export function isWorkingTime(cal: BusinessCalendar, date: Date): boolean {
  return compileCalendar(cal).isWorking(instantMs(date));
}
