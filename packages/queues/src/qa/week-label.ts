export const weekStarts = ['monday', 'sunday'] as const;
export type WeekStart = (typeof weekStarts)[number];

const DAY_MS = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function localDay(at: Date, timeZone: string): number {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, f);
  }
  const part: Record<string, string> = {};
  for (const p of f.formatToParts(at)) part[p.type] = p.value;
  return Date.UTC(Number(part.year), Number(part.month) - 1, Number(part.day)) / DAY_MS;
}

/**
 * The week of an instant as `YYYY-Www`, taking its calendar day in `timeZone` (a decision at 23:30 on a
 * Sunday in Los Angeles belongs to that Sunday, not to Monday in UTC). Monday weeks are ISO-8601 weeks;
 * Sunday weeks (Sunday to Saturday) carry the ISO number of the Monday inside them, so both kinds sort and
 * read the same way.
 */
export function weekLabel(at: Date, timeZone = 'UTC', weekStart: WeekStart = 'monday'): string {
  let day = localDay(at, timeZone);
  const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  if (weekStart === 'sunday' && weekday === 6) day += 1;
  const isoWeekday = ((weekday + (weekStart === 'sunday' && weekday === 6 ? 1 : 0)) % 7) + 1;
  const thursday = day - isoWeekday + 4;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
