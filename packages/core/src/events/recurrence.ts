/**
 * Recurrence of a scheduled event: the subset of RFC 5545 RRULE a community calendar needs (once,
 * daily, weekly on weekdays, monthly by day of month or nth weekday, INTERVAL, UNTIL or COUNT),
 * written either as an RRULE string or as readable YAML keys. Both parse to one `Recurrence`.
 */
import { dayNumberOfIsoDate, type DayNumber } from '../calendar/local-day.js';

/** 0 = Sunday … 6 = Saturday. */
export type WeekdayNumber = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The nth weekday of a month: `n` 1…5 from the start, -1…-5 from the end (-1 = last). */
export interface NthWeekday {
  n: number;
  weekday: WeekdayNumber;
}

/** When a recurrence stops: after a local calendar date (inclusive), or at an instant (inclusive). */
export type Until = { kind: 'date'; day: DayNumber } | { kind: 'instant'; ms: number };

/** A parsed recurrence. Days of the month or weekdays left empty default to the start's. */
export interface Recurrence {
  freq: 'once' | 'daily' | 'weekly' | 'monthly';
  /** Every `interval` days, weeks or months (1 = every). */
  interval: number;
  /** Weekly: the weekdays. */
  weekdays: WeekdayNumber[];
  /** Monthly: days of the month, 1…31 or -1…-31 from the end; a day a month lacks is skipped (RFC 5545). */
  monthDays: number[];
  /** Monthly: nth weekdays. */
  nthWeekdays: NthWeekday[];
  until?: Until;
  /** Total occurrences, skipped dates included (as RFC 5545 counts EXDATEs). */
  count?: number;
}

/** Limits that keep every expansion cheap whatever the page says. */
export const RECURRENCE_LIMITS = {
  maxCount: 1000,
  maxInterval: 366,
  /** Occurrences are computed between these local dates only. */
  firstDate: '2000-01-01',
  lastDate: '2100-12-31',
} as const;

export const FIRST_DAY: DayNumber = dayNumberOfIsoDate(RECURRENCE_LIMITS.firstDate) as DayNumber;
export const LAST_DAY: DayNumber = dayNumberOfIsoDate(RECURRENCE_LIMITS.lastDate) as DayNumber;

const RRULE_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const NAMED_DAYS: Record<string, WeekdayNumber> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};

/** A recurrence, or the problems found in its text (messages name the offending part). */
export type RecurrenceResult = { ok: true; recurrence: Recurrence } | { ok: false; errors: string[] };

/** A recurrence that happens once, at the start. */
export const ONCE: Recurrence = { freq: 'once', interval: 1, weekdays: [], monthDays: [], nthWeekdays: [] };

/**
 * Parses an RFC 5545 RRULE value (`FREQ=WEEKLY;BYDAY=TU,TH`, an optional `RRULE:` prefix allowed).
 * Supported parts: FREQ (DAILY, WEEKLY, MONTHLY), INTERVAL, BYDAY, BYMONTHDAY, UNTIL, COUNT, WKST=MO;
 * anything else is an error rather than silently ignored. A date-only UNTIL is a local date; a
 * date-time UNTIL ending in Z is an instant, one without Z a local time (resolved by the caller's zone).
 */
export function parseRrule(text: string): RecurrenceResult & { untilLocal?: { day: DayNumber; minute: number } } {
  const errors: string[] = [];
  const body = text.trim().replace(/^RRULE:/i, '');
  if (body.length > 500) return { ok: false, errors: ['RRULE is longer than 500 characters'] };
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toUpperCase();
    if (eq < 0) errors.push(`RRULE part \`${part}\` is not NAME=VALUE`);
    else if (parts.has(name)) errors.push(`RRULE part ${name} is given twice`);
    else parts.set(name, part.slice(eq + 1).trim().toUpperCase());
  }
  const freqText = parts.get('FREQ');
  const rec: Recurrence = { ...ONCE, weekdays: [], monthDays: [], nthWeekdays: [] };
  if (freqText === undefined) errors.push('RRULE needs FREQ (DAILY, WEEKLY or MONTHLY)');
  else if (freqText === 'DAILY' || freqText === 'WEEKLY' || freqText === 'MONTHLY') rec.freq = freqText.toLowerCase() as Recurrence['freq'];
  else errors.push(`FREQ=${freqText} is not supported (DAILY, WEEKLY or MONTHLY)`);
  let untilLocal: { day: DayNumber; minute: number } | undefined;
  for (const [name, value] of parts) {
    switch (name) {
      case 'FREQ':
        break;
      case 'INTERVAL': {
        const n = positiveInt(value);
        if (n === undefined || n > RECURRENCE_LIMITS.maxInterval) errors.push(`INTERVAL=${value} must be a whole number 1…${RECURRENCE_LIMITS.maxInterval}`);
        else rec.interval = n;
        break;
      }
      case 'COUNT': {
        const n = positiveInt(value);
        if (n === undefined || n > RECURRENCE_LIMITS.maxCount) errors.push(`COUNT=${value} must be a whole number 1…${RECURRENCE_LIMITS.maxCount}`);
        else rec.count = n;
        break;
      }
      case 'UNTIL': {
        const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
        const day = m ? dayNumberOfIsoDate(`${m[1]}-${m[2]}-${m[3]}`) : undefined;
        if (!m || day === undefined) {
          errors.push(`UNTIL=${value} must be a date (20260630) or date-time (20260630T235959Z)`);
        } else if (m[4] === undefined) {
          rec.until = { kind: 'date', day };
        } else {
          const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6])];
          if (h > 23 || mi > 59 || s > 59) errors.push(`UNTIL=${value} has an impossible time`);
          else if (m[7] === 'Z') rec.until = { kind: 'instant', ms: day * 86_400_000 + ((h * 60 + mi) * 60 + s) * 1000 };
          else untilLocal = { day, minute: h * 60 + mi };
        }
        break;
      }
      case 'BYDAY':
        for (const item of value.split(',')) {
          const m = /^([+-]?[1-5])?(SU|MO|TU|WE|TH|FR|SA)$/.exec(item.trim());
          if (!m) {
            errors.push(`BYDAY value \`${item}\` must be a weekday (MO…SU), optionally with a position such as 2TU or -1FR`);
            continue;
          }
          const weekday = RRULE_DAYS.indexOf(m[2] as (typeof RRULE_DAYS)[number]) as WeekdayNumber;
          if (m[1] !== undefined) rec.nthWeekdays.push({ n: Number(m[1]), weekday });
          else rec.weekdays.push(weekday);
        }
        break;
      case 'BYMONTHDAY':
        for (const item of value.split(',')) {
          const n = /^[+-]?\d{1,2}$/.test(item.trim()) ? Number(item) : Number.NaN;
          if (!Number.isInteger(n) || n === 0 || n < -31 || n > 31) errors.push(`BYMONTHDAY value \`${item}\` must be 1…31 or -1…-31`);
          else rec.monthDays.push(n);
        }
        break;
      case 'WKST':
        if (value !== 'MO') errors.push('only WKST=MO (weeks start on Monday) is supported');
        break;
      default:
        errors.push(`RRULE part ${name} is not supported (FREQ, INTERVAL, BYDAY, BYMONTHDAY, UNTIL, COUNT)`);
    }
  }
  errors.push(...shapeErrors(rec));
  if (errors.length > 0) return { ok: false, errors };
  return untilLocal ? { ok: true, recurrence: rec, untilLocal } : { ok: true, recurrence: rec };
}

/** The readable YAML form: `repeat: weekly` or `repeat: {freq: monthly, on: [2nd tue], days: [1, -1], interval: 2}`. */
export interface ReadableRepeat {
  freq: 'once' | 'daily' | 'weekly' | 'monthly';
  interval?: number | undefined;
  /** Weekly: `tue`, `thursday`; monthly: `2nd tue`, `last fri`, `-2 mon`. */
  on?: readonly string[] | undefined;
  /** Monthly: days of the month, negative from the end. */
  days?: readonly number[] | undefined;
  count?: number | undefined;
}

const ORDINALS: Record<string, number> = { '1st': 1, first: 1, '2nd': 2, second: 2, '3rd': 3, third: 3, '4th': 4, fourth: 4, '5th': 5, fifth: 5, last: -1 };

/** Builds a recurrence from the readable YAML keys; errors name the offending value. */
export function recurrenceFromReadable(r: ReadableRepeat): RecurrenceResult {
  const errors: string[] = [];
  const rec: Recurrence = { freq: r.freq, interval: r.interval ?? 1, weekdays: [], monthDays: [...(r.days ?? [])], nthWeekdays: [] };
  if (r.count !== undefined) rec.count = r.count;
  for (const item of r.on ?? []) {
    const words = item.trim().toLowerCase().split(/\s+/);
    const day = NAMED_DAYS[words[words.length - 1] ?? ''];
    if (day === undefined || words.length > 2) {
      errors.push(`\`${item}\` is not a weekday (mon … sun, or for monthly: 2nd tue, last fri)`);
      continue;
    }
    if (words.length === 1) {
      rec.weekdays.push(day);
      continue;
    }
    const pos = words[0] ?? '';
    const n = ORDINALS[pos] ?? (/^-?[1-5]$/.test(pos) ? Number(pos) : undefined);
    if (n === undefined || n === 0) errors.push(`\`${item}\`: the position must be 1st…5th, last or -1…-5`);
    else rec.nthWeekdays.push({ n, weekday: day });
  }
  errors.push(...shapeErrors(rec));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, recurrence: rec };
}

function shapeErrors(rec: Recurrence): string[] {
  const errors: string[] = [];
  if (!Number.isInteger(rec.interval) || rec.interval < 1 || rec.interval > RECURRENCE_LIMITS.maxInterval) {
    errors.push(`interval must be a whole number 1…${RECURRENCE_LIMITS.maxInterval}`);
  }
  if (rec.count !== undefined && (!Number.isInteger(rec.count) || rec.count < 1 || rec.count > RECURRENCE_LIMITS.maxCount)) {
    errors.push(`count must be a whole number 1…${RECURRENCE_LIMITS.maxCount}`);
  }
  if (rec.monthDays.some((d) => !Number.isInteger(d) || d === 0 || d < -31 || d > 31)) errors.push('days of the month must be 1…31 or -1…-31');
  if (rec.freq !== 'monthly' && (rec.monthDays.length > 0 || rec.nthWeekdays.length > 0)) {
    errors.push('days of the month and positioned weekdays (2nd tue, 2TU) need a monthly recurrence');
  }
  if (rec.freq !== 'weekly' && rec.weekdays.length > 0) {
    errors.push(rec.freq === 'monthly' ? 'a monthly weekday needs a position (2nd tue, last fri / 2TU, -1FR)' : 'weekdays need a weekly recurrence');
  }
  if (rec.count !== undefined && rec.until !== undefined) errors.push('give either until or count, not both (RFC 5545)');
  return errors;
}

function positiveInt(text: string): number | undefined {
  return /^\d{1,6}$/.test(text) && Number(text) >= 1 ? Number(text) : undefined;
}

/** Writes a recurrence back as an RRULE value (for iCalendar export and messages). */
export function formatRrule(rec: Recurrence, untilUtc?: number): string | undefined {
  if (rec.freq === 'once') return undefined;
  const parts = [`FREQ=${rec.freq.toUpperCase()}`];
  if (rec.interval !== 1) parts.push(`INTERVAL=${rec.interval}`);
  const byDay = [...rec.weekdays.map((d) => RRULE_DAYS[d]), ...rec.nthWeekdays.map((w) => `${w.n}${RRULE_DAYS[w.weekday]}`)];
  if (byDay.length > 0) parts.push(`BYDAY=${byDay.join(',')}`);
  if (rec.monthDays.length > 0) parts.push(`BYMONTHDAY=${rec.monthDays.join(',')}`);
  if (rec.count !== undefined) parts.push(`COUNT=${rec.count}`);
  if (untilUtc !== undefined) parts.push(`UNTIL=${new Date(untilUtc).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
  return parts.join(';');
}
