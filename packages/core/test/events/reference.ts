/**
 * Minute-stepping reference for event recurrence — deliberately naive and independent of the fast
 * expansion: it decides which local dates match from the raw rule with plain date arithmetic, then
 * walks the window one minute at a time reading the wall clock with Intl, and takes the first
 * minute showing the scheduled local time. A local time the clock jumps over is resolved with the
 * offset in force just before the jump (Temporal's 'compatible'); one shown twice takes the first.
 */
import type { Schedule } from '../../src/events/index.js';
import { wallOf } from '../calendar/reference.js';

const MIN = 60_000;
const DAY = 86_400_000;

const ymd = (day: number) => {
  const d = new Date(day * DAY);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate(), wd: d.getUTCDay() };
};
const monthLength = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
const mondayOf = (day: number) => day - ((ymd(day).wd + 6) % 7);

/** Does the rule's pattern (ignoring COUNT, UNTIL and skips) produce local date `day`? */
function patternHas(s: Schedule, day: number): boolean {
  const r = s.recurrence;
  if (day < s.startDay) return false;
  const a = ymd(day);
  const st = ymd(s.startDay);
  switch (r.freq) {
    case 'once':
      return day === s.startDay;
    case 'daily':
      return (day - s.startDay) % r.interval === 0;
    case 'weekly': {
      const days = r.weekdays.length > 0 ? r.weekdays : [st.wd];
      return days.includes(a.wd as never) && ((mondayOf(day) - mondayOf(s.startDay)) / 7) % r.interval === 0;
    }
    case 'monthly': {
      if ((a.y * 12 + a.m - (st.y * 12 + st.m)) % r.interval !== 0) return false;
      const len = monthLength(a.y, a.m);
      if (r.monthDays.length === 0 && r.nthWeekdays.length === 0) return a.d === st.d;
      if (r.monthDays.some((n) => (n > 0 ? n : len + 1 + n) === a.d)) return true;
      const fromStart = Math.ceil(a.d / 7);
      const fromEnd = -Math.ceil((len - a.d + 1) / 7);
      return r.nthWeekdays.some((w) => w.weekday === a.wd && (w.n === fromStart || w.n === fromEnd));
    }
  }
}

/** Local dates of the schedule's occurrences (COUNT, UNTIL-date and skips applied), up to `lastDay`. */
function occurrenceDays(s: Schedule, lastDay: number): Set<number> {
  const out = new Set<number>();
  let counted = 0;
  const until = s.recurrence.until?.kind === 'date' ? s.recurrence.until.day : Number.POSITIVE_INFINITY;
  for (let day = s.startDay; day <= lastDay && day <= until; day++) {
    if (!patternHas(s, day)) continue;
    counted++;
    if (s.recurrence.count !== undefined && counted > s.recurrence.count) break;
    if (!s.skip.has(day)) out.add(day);
  }
  return out;
}

/** Reference occurrence instants in (fromMs, toMs], by minute stepping. Whole-minute inputs only. */
export function refOccurrences(s: Schedule, fromMs: number, toMs: number): number[] {
  const days = occurrenceDays(s, ymdDay(toMs) + 2);
  const found = new Map<number, number>();
  let prevT = fromMs;
  let prev = wallOf(s.timeZone, fromMs);
  for (let t = fromMs + MIN; t <= toMs + 2 * 3_600_000; t += MIN) {
    const w = wallOf(s.timeZone, t);
    const prevWall = prev.day * 1440 + prev.minute;
    const wall = w.day * 1440 + w.minute;
    for (let day = prev.day; day <= w.day; day++) {
      if (!days.has(day) || found.has(day)) continue;
      const target = day * 1440 + s.startMinute;
      if (wall === target) found.set(day, t);
      else if (prevWall < target && target < wall) found.set(day, prevT + (target - prevWall) * MIN);
    }
    prevT = t;
    prev = w;
  }
  const until = s.recurrence.until?.kind === 'instant' ? s.recurrence.until.ms : Number.POSITIVE_INFINITY;
  return [...found.values()].filter((t) => t > fromMs && t <= toMs && t <= until).sort((a, b) => a - b);
}

const ymdDay = (ms: number) => Math.floor(ms / DAY);
