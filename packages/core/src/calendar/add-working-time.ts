import { compileCalendar } from './compiled-calendar.js';
import { MINUTE, instantMs } from './local-day.js';
import type { BusinessCalendar } from './schema.js';

/**
 * The instant after `minutes` of working time from `start` (earliest such instant; negative minutes count
 * backwards to the latest such instant; 0 returns `start` even outside working hours).
 */
export function addWorkingTime(cal: BusinessCalendar, start: Date, minutes: number): Date {
  const t = instantMs(start, 'start');
  if (!Number.isFinite(minutes)) throw new RangeError('minutes must be a finite number');
  return new Date(compileCalendar(cal).addWorkingMs(t, Math.round(minutes * MINUTE)));
}
