import { businessCalendarSchema, WEEKDAYS, type BusinessCalendar } from './schema.js';
import { CALENDAR_MAX_MS, CALENDAR_MIN_MS, DAY, MINUTE, checkCalendarRange, dayNumberOfIsoDate, offsetMs, weekdayOf, type DayNumber } from './local-day.js';

/*
 * The model. An instant is working time when the wall clock in the calendar's zone shows a time inside an
 * interval of a working day: day D's interval [s, e) covers wall times D+s … D+e, where e may run past
 * midnight (overnight intervals belong to the day they start; a holiday on D cancels all of D's intervals,
 * including the part after midnight, and none of D-1's overnight spill). Reading the wall clock literally
 * means spring-forward drops the skipped hour from an interval that spans it and fall-back repeats the
 * doubled hour — what someone working that shift actually experiences.
 *
 * Speed. The preimage of those wall intervals is materialised once per calendar object as sorted, disjoint
 * UTC instant intervals with a prefix sum of working milliseconds, covering a window of local days that
 * grows geometrically on demand. Every query is then a binary search: O(log n), no stepping, and whole
 * weeks (holidays and DST included) are skipped by the prefix sum rather than by per-week arithmetic that
 * would need DST and holiday corrections. Time-zone offsets are sampled once a day while the window is
 * built, and each change is located to the minute by bisection.
 */

/** Longest a search may extend the window before deciding the calendar has no working time there. */
const MAX_SPAN_DAYS = 400 * 366;
/** Initial half-width of the window around the first instant asked about. */
const INITIAL_HALF_SPAN_DAYS = 200;
/** Largest UTC offset magnitude in the tz database is 14 h; one day is a safe margin either way. */
const MARGIN = DAY;

/** A calendar compiled for fast queries: weekly minutes per weekday, holiday ranges and a lazily built timeline. */
export class CompiledCalendar {
  readonly timeZone: string;
  /** Per weekday (0 = Sunday): merged [startMinute, endMinute) pairs; end may exceed 1440 (overnight). */
  readonly weekly: readonly (readonly [number, number])[][];
  /** Sorted, merged inclusive holiday day ranges. */
  readonly holidays: readonly (readonly [DayNumber, DayNumber])[];
  /** Weekdays with at least one interval: the business days of a week without holidays. */
  readonly businessDaysPerWeek: number;
  /** Working minutes of a full week, ignoring holidays and DST. */
  readonly weeklyMinutes: number;

  private firstDay = 0;
  private lastDay = -1;
  private starts: number[] = [];
  private ends: number[] = [];
  /** cum[i]: working ms from the start of the window to starts[i]; cum[n] = total. */
  private cum: number[] = [0];

  constructor(cal: BusinessCalendar) {
    this.timeZone = cal.timeZone;
    const weekly: [number, number][][] = [[], [], [], [], [], [], []];
    WEEKDAYS.forEach((key, i) => {
      const wd = (i + 1) % 7;
      const list = cal.hours[key].map(([s, e]): [number, number] => {
        const sm = minutesOf(s);
        let em = minutesOf(e);
        if (em <= sm) em += 1440;
        return [sm, em];
      });
      weekly[wd] = mergePairs(list);
    });
    this.weekly = weekly;
    this.businessDaysPerWeek = weekly.filter((l) => l.length > 0).length;
    this.weeklyMinutes = weekly.reduce((sum, l) => sum + l.reduce((a, [s, e]) => a + e - s, 0), 0);
    const ranges = cal.holidays.map((h): [number, number] => {
      if (typeof h === 'string') return [day(h), day(h)];
      if ('date' in h) return [day(h.date), day(h.date)];
      return [day(h.from), day(h.to)];
    });
    this.holidays = mergePairs(ranges.map(([a, b]): [number, number] => [a, b + 1])).map(([a, b]) => [a, b - 1] as const);
  }

  /** True when local day `d` is a holiday. */
  isHoliday(d: DayNumber): boolean {
    const i = this.holidayIndexAtOrBefore(d);
    return i >= 0 && (this.holidays[i] as readonly [number, number])[1] >= d;
  }

  /** True when local day `d` has working hours and is no holiday. */
  isBusinessDay(d: DayNumber): boolean {
    return (this.weekly[weekdayOf(d)] as unknown[]).length > 0 && !this.isHoliday(d);
  }

  /** First holiday day strictly after `d`, or undefined. */
  nextHolidayAfter(d: DayNumber): DayNumber | undefined {
    if (this.isHoliday(d + 1)) return d + 1;
    const i = this.holidayIndexAtOrBefore(d) + 1;
    const h = this.holidays[i];
    return h ? h[0] : undefined;
  }

  /** Last holiday day strictly before `d`, or undefined. */
  prevHolidayBefore(d: DayNumber): DayNumber | undefined {
    if (this.isHoliday(d - 1)) return d - 1;
    const i = this.holidayIndexAtOrBefore(d - 1);
    const h = this.holidays[i];
    return h ? h[1] : undefined;
  }

  /** End (inclusive) of the holiday range containing `d`, or undefined. */
  holidayRangeAround(d: DayNumber): readonly [DayNumber, DayNumber] | undefined {
    const h = this.holidays[this.holidayIndexAtOrBefore(d)];
    return h && h[1] >= d ? h : undefined;
  }

  private holidayIndexAtOrBefore(d: DayNumber): number {
    let lo = 0;
    let hi = this.holidays.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.holidays[mid] as readonly [number, number])[0] <= d) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  }

  // ---- timeline -------------------------------------------------------------------------------------

  /** Lowest instant the window answers exactly for. */
  private get lo(): number {
    return this.firstDay * DAY + MARGIN;
  }
  /** Highest instant the window answers exactly for. */
  private get hi(): number {
    return (this.lastDay + 1) * DAY - MARGIN;
  }

  /**
   * Grow the window so that instant `t` is answered exactly. Instants outside 1900–2199 throw a RangeError,
   * which bounds the window (and its memory) whatever the input.
   */
  cover(t: number): void {
    if (this.lastDay >= this.firstDay && t >= this.lo && t <= this.hi) return;
    checkCalendarRange(t);
    const d = Math.floor(t / DAY);
    if (this.lastDay < this.firstDay) {
      this.build(d - INITIAL_HALF_SPAN_DAYS, d + INITIAL_HALF_SPAN_DAYS);
      return;
    }
    while (t < this.lo) this.growBackward();
    while (t > this.hi) this.growForward();
  }

  private span(): number {
    return this.lastDay - this.firstDay + 1;
  }

  private growForward(): void {
    const add = Math.max(366, this.span());
    const from = this.lastDay + 1;
    const to = this.lastDay + add;
    const [s, e] = this.buildDays(from, to);
    this.absorb(s, e);
    this.lastDay = to;
    this.recomputeCum();
  }

  private growBackward(): void {
    const add = Math.max(366, this.span());
    const from = this.firstDay - add;
    const to = this.firstDay - 1;
    const [s, e] = this.buildDays(from, to);
    this.absorb(s, e);
    this.firstDay = from;
    this.recomputeCum();
  }

  private build(from: DayNumber, to: DayNumber): void {
    const [s, e] = this.buildDays(from, to);
    this.starts = s;
    this.ends = e;
    this.firstDay = from;
    this.lastDay = to;
    this.recomputeCum();
  }

  /** Merge freshly built intervals with the existing ones (they meet, and may overlap, at the seam). */
  private absorb(s: number[], e: number[]): void {
    const pairs: [number, number][] = [];
    for (let i = 0; i < this.starts.length; i++) pairs.push([this.starts[i] as number, this.ends[i] as number]);
    for (let i = 0; i < s.length; i++) pairs.push([s[i] as number, e[i] as number]);
    const merged = mergePairs(pairs);
    this.starts = merged.map((p) => p[0]);
    this.ends = merged.map((p) => p[1]);
  }

  private recomputeCum(): void {
    const n = this.starts.length;
    const cum = new Array<number>(n + 1);
    cum[0] = 0;
    for (let i = 0; i < n; i++) cum[i + 1] = (cum[i] as number) + (this.ends[i] as number) - (this.starts[i] as number);
    this.cum = cum;
  }

  /** Working instant intervals contributed by local days from-1 … to (day from-1 for its overnight spill). */
  private buildDays(from: DayNumber, to: DayNumber): [number[], number[]] {
    const segs = offsetSegments(this.timeZone, (from - 1) * DAY - 2 * DAY, (to + 2) * DAY + 2 * DAY);
    const pairs: [number, number][] = [];
    let k = 0;
    for (let d = from - 1; d <= to; d++) {
      const list = this.weekly[weekdayOf(d)] as [number, number][];
      if (list.length === 0 || this.isHoliday(d)) continue;
      for (const [sm, em] of list) {
        const w1 = d * DAY + sm * MINUTE;
        const w2 = d * DAY + em * MINUTE;
        while (k < segs.length - 1 && (segs[k] as Segment).to <= w1 - 2 * DAY) k++;
        for (let j = k; j < segs.length; j++) {
          const seg = segs[j] as Segment;
          if (seg.from >= w2 + 2 * DAY) break;
          const a = Math.max(seg.from, w1 - seg.offset);
          const b = Math.min(seg.to, w2 - seg.offset);
          if (a < b) pairs.push([a, b]);
        }
      }
    }
    const merged = mergePairs(pairs);
    return [merged.map((p) => p[0]), merged.map((p) => p[1])];
  }

  /** Index of the last interval starting at or before `t`, or -1. Assumes `t` is covered. */
  private indexAtOrBefore(t: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) <= t) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  }

  /** Working ms from the window start to `t` (t covered). */
  private cumAt(t: number): number {
    const i = this.indexAtOrBefore(t);
    if (i < 0) return 0;
    const s = this.starts[i] as number;
    const e = this.ends[i] as number;
    return (this.cum[i] as number) + (t < e ? t - s : e - s);
  }

  /** True when instant `t` is working time. */
  isWorking(t: number): boolean {
    this.cover(t);
    const i = this.indexAtOrBefore(t);
    return i >= 0 && t < (this.ends[i] as number);
  }

  /** `t` when it is working time, else the start of the next working interval. */
  nextWorking(t: number): number {
    this.cover(t);
    for (;;) {
      const i = this.indexAtOrBefore(t);
      if (i >= 0 && t < (this.ends[i] as number)) return t;
      const next = this.starts[i + 1];
      if (next !== undefined && next <= this.hi) return next;
      this.growChecked(t, 1);
    }
  }

  /** Working ms between instants a and b (negative when b < a). */
  workingMsBetween(a: number, b: number): number {
    this.cover(a);
    this.cover(b);
    return this.cumAt(b) - this.cumAt(a);
  }

  /**
   * The earliest instant T ≥ t with `ms` working ms in [t, T) (ms > 0), or the latest T ≤ t with
   * -ms working ms in [T, t) (ms < 0). ms = 0 returns t.
   */
  addWorkingMs(t: number, ms: number): number {
    if (ms === 0) return t;
    if (this.weeklyMinutes === 0) throw new RangeError('the calendar has no working hours, so working time cannot be added');
    this.cover(t);
    for (;;) {
      const c = this.cumAt(t) + ms;
      const cum = this.cum;
      const n = this.starts.length;
      if (ms > 0) {
        if (c <= (cum[n] as number)) {
          // smallest j with cum[j+1] >= c
          let lo = 0;
          let hi = n - 1;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if ((cum[mid + 1] as number) >= c) hi = mid;
            else lo = mid + 1;
          }
          const r = (this.starts[lo] as number) + (c - (cum[lo] as number));
          if (r <= this.hi) return r;
        }
        this.growChecked(t, 1);
      } else {
        if (c >= 0 && n > 0) {
          // largest j with cum[j] <= c
          let lo = 0;
          let hi = n - 1;
          while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if ((cum[mid] as number) <= c) lo = mid;
            else hi = mid - 1;
          }
          const r = (this.starts[lo] as number) + (c - (cum[lo] as number));
          if (r >= this.lo) return r;
        }
        this.growChecked(t, -1);
      }
    }
  }

  private growChecked(t: number, direction: 1 | -1): void {
    const d = Math.floor(t / DAY);
    if (direction > 0) {
      if (this.lastDay - d > MAX_SPAN_DAYS || this.hi >= CALENDAR_MAX_MS) throw new RangeError('no working time between that instant and the end of 2199 (holidays cover every working day?)');
      this.growForward();
    } else {
      if (d - this.firstDay > MAX_SPAN_DAYS || this.lo <= CALENDAR_MIN_MS) throw new RangeError('no working time between 1900 and that instant (holidays cover every working day?)');
      this.growBackward();
    }
  }
}

interface Segment {
  from: number;
  to: number;
  offset: number;
}

/** Constant-offset stretches of `timeZone` over [t0, t1): offsets sampled daily, changes bisected to the minute. */
function offsetSegments(timeZone: string, t0: number, t1: number): Segment[] {
  const segs: Segment[] = [];
  let from = t0;
  let cur = offsetMs(timeZone, t0);
  for (let p = t0; p < t1; p += DAY) {
    const q = Math.min(p + DAY, t1);
    const o = offsetMs(timeZone, q);
    if (o === cur) continue;
    // first minute in (p, q] whose offset differs from cur
    let lo = Math.floor(p / MINUTE);
    let hi = Math.ceil(q / MINUTE);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetMs(timeZone, mid * MINUTE) === cur) lo = mid;
      else hi = mid;
    }
    const at = hi * MINUTE;
    segs.push({ from, to: at, offset: cur });
    from = at;
    cur = offsetMs(timeZone, at);
  }
  segs.push({ from, to: Number.POSITIVE_INFINITY, offset: cur });
  if (segs[0]) segs[0].from = Number.NEGATIVE_INFINITY;
  return segs;
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function day(iso: string): DayNumber {
  const d = dayNumberOfIsoDate(iso);
  if (d === undefined) throw new RangeError(`not a calendar date: ${iso}`);
  return d;
}

/** Sort half-open pairs and merge the ones that overlap or touch. */
function mergePairs(pairs: [number, number][]): [number, number][] {
  const sorted = [...pairs].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

const cache = new WeakMap<object, CompiledCalendar>();

/**
 * The compiled form of a calendar, cached per calendar object. The calendar is validated on first use, so
 * a hand-built object with a bad zone or time fails here with the schema's message.
 */
export function compileCalendar(cal: BusinessCalendar): CompiledCalendar {
  let c = cache.get(cal);
  if (!c) {
    c = new CompiledCalendar(businessCalendarSchema.parse(cal));
    cache.set(cal, c);
  }
  return c;
}
