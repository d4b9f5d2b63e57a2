/**
 * Minute-stepping reference for the business calendar — deliberately naive and independent of the fast
 * clock: it reads the wall clock with Intl for every single minute and checks the raw calendar text.
 * Inputs must be whole minutes.
 */
import { TZDate } from '@date-fns/tz';
import type { BusinessCalendar } from '../../src/calendar/index.js';

const MIN = 60_000;
const DAY = 86_400_000;
const KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const formats = new Map<string, Intl.DateTimeFormat>();

/** Local date (as day number) and minute of day shown on the wall at instant t. */
export function wallOf(timeZone: string, t: number): { day: number; minute: number } {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { day: Date.UTC(p.year!, p.month! - 1, p.day!) / DAY, minute: p.hour! * 60 + p.minute! };
}

function toDay(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY;
}

/** Reference: is local day `d` a holiday? */
export function refIsHoliday(cal: BusinessCalendar, d: number): boolean {
  return cal.holidays.some((h) => {
    if (typeof h === 'string') return toDay(h) === d;
    if ('date' in h) return toDay(h.date) === d;
    return toDay(h.from) <= d && d <= toDay(h.to);
  });
}

function intervalsOf(cal: BusinessCalendar, d: number): [number, number][] {
  const key = KEYS[(((d + 4) % 7) + 7) % 7]!;
  return cal.hours[key].map(([s, e]) => {
    const sm = Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
    let em = Number(e.slice(0, 2)) * 60 + Number(e.slice(3));
    if (em <= sm) em += 1440;
    return [sm, em];
  });
}

/** Reference: is the minute starting at t working time? */
export function refIsWorking(cal: BusinessCalendar, t: number): boolean {
  const { day, minute } = wallOf(cal.timeZone, t);
  if (!refIsHoliday(cal, day) && intervalsOf(cal, day).some(([s, e]) => s <= minute && minute < e)) return true;
  const prev = day - 1;
  return !refIsHoliday(cal, prev) && intervalsOf(cal, prev).some(([s, e]) => s <= minute + 1440 && minute + 1440 < e);
}

/** Reference addWorkingTime, one minute at a time (gives up after `limit` minutes). */
export function refAddWorkingTime(cal: BusinessCalendar, start: number, minutes: number, limit = 400_000): number {
  let t = start;
  let left = Math.abs(minutes);
  for (let steps = 0; left > 0; steps++) {
    if (steps > limit) throw new Error('reference gave up');
    if (minutes > 0) {
      if (refIsWorking(cal, t)) left--;
      t += MIN;
    } else {
      t -= MIN;
      if (refIsWorking(cal, t)) left--;
    }
  }
  return t;
}

/** Reference workingMinutesBetween, one minute at a time. */
export function refWorkingMinutesBetween(cal: BusinessCalendar, a: number, b: number): number {
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let n = 0;
  for (let t = lo; t < hi; t += MIN) if (refIsWorking(cal, t)) n++;
  return n === 0 ? 0 : sign * n;
}

/** Reference: local day is a business day. */
export function refIsBusinessDay(cal: BusinessCalendar, d: number): boolean {
  return intervalsOf(cal, d).length > 0 && !refIsHoliday(cal, d);
}

/** Reference addBusinessDays, one day at a time, rebuilding the wall time with TZDate. */
export function refAddBusinessDays(cal: BusinessCalendar, start: number, n: number): number {
  if (n === 0) return start;
  const { day } = wallOf(cal.timeZone, start);
  const local = new TZDate(start, cal.timeZone);
  let d = day;
  for (let left = Math.abs(n); left > 0; ) {
    d += Math.sign(n);
    if (refIsBusinessDay(cal, d)) left--;
  }
  const date = new Date(d * DAY);
  const resolved = +new TZDate(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    local.getHours(),
    local.getMinutes(),
    local.getSeconds(),
    local.getMilliseconds(),
    cal.timeZone,
  );
  // A wall time that occurs twice (fall-back) means its earlier instant, as documented; TZDate may pick
  // the later one, so look for the same wall clock up to two hours before (DST shifts are 30 or 60 min).
  const wall = wallOf(cal.timeZone, resolved);
  let earliest = resolved;
  for (let back = 30; back <= 120; back += 30) {
    const u = resolved - back * MIN;
    const w = wallOf(cal.timeZone, u);
    if (w.day === wall.day && w.minute === wall.minute) earliest = u;
  }
  return earliest;
}

/** Reference nextWorkingInstant. */
export function refNextWorkingInstant(cal: BusinessCalendar, t: number, limit = 400_000): number {
  let u = t;
  for (let i = 0; !refIsWorking(cal, u); i++) {
    if (i > limit) throw new Error('reference gave up');
    u += MIN;
  }
  return u;
}
