import type { Holiday } from './schema.js';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const weekday = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();

/** Day of month of the n-th (1-based; -1 = last) `dow` (0 = Sunday) of a month. */
function nthWeekday(y: number, m: number, dow: number, n: number): number {
  if (n > 0) return 1 + ((dow - weekday(y, m, 1) + 7) % 7) + 7 * (n - 1);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return last - ((weekday(y, m, last) - dow + 7) % 7);
}

/** A fixed-date holiday moved to its observed weekday (5 U.S.C. §6103(b): Saturday → Friday, Sunday → Monday). */
function observed(y: number, m: number, d: number): string {
  const t = Date.UTC(y, m - 1, d);
  const dow = weekday(y, m, d);
  const shift = dow === 6 ? -1 : dow === 0 ? 1 : 0;
  return new Date(t + shift * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The eleven US federal holidays of `year` (5 U.S.C. §6103) on the days federal offices close.
 * New Year's Day of the next year observed on 31 December is returned with that next year.
 */
export function usFederalHolidays(year: number): Holiday[] {
  return [
    { date: observed(year, 1, 1), name: "New Year's Day" },
    { date: iso(year, 1, nthWeekday(year, 1, 1, 3)), name: 'Birthday of Martin Luther King, Jr.' },
    { date: iso(year, 2, nthWeekday(year, 2, 1, 3)), name: "Washington's Birthday" },
    { date: iso(year, 5, nthWeekday(year, 5, 1, -1)), name: 'Memorial Day' },
    { date: observed(year, 6, 19), name: 'Juneteenth National Independence Day' },
    { date: observed(year, 7, 4), name: 'Independence Day' },
    { date: iso(year, 9, nthWeekday(year, 9, 1, 1)), name: 'Labor Day' },
    { date: iso(year, 10, nthWeekday(year, 10, 1, 2)), name: 'Columbus Day' },
    { date: observed(year, 11, 11), name: 'Veterans Day' },
    { date: iso(year, 11, nthWeekday(year, 11, 4, 4)), name: 'Thanksgiving Day' },
    { date: observed(year, 12, 25), name: 'Christmas Day' },
  ];
}
