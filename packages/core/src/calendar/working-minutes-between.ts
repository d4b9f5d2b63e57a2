import { compileCalendar } from './compiled-calendar.js';
import { MINUTE, instantMs } from './local-day.js';
import type { BusinessCalendar } from './schema.js';

/** Working minutes in [a, b) (negative when b is before a); fractional when the instants carry seconds. */
export function workingMinutesBetween(cal: BusinessCalendar, a: Date, b: Date): number {
  const ms = compileCalendar(cal).workingMsBetween(instantMs(a, 'a'), instantMs(b, 'b'));
  return ms / MINUTE;
}
