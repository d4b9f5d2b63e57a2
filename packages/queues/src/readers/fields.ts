import { z } from 'zod';
import { parseDurationMinutes } from './duration.js';

// Exports carry instants with an explicit offset; a naive local time would be read in whatever zone the
// coordinator's laptop is in, so it is rejected rather than guessed.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

const digits2 = (s: string, i: number): number => {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

const DAY_MS = 86_400_000;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil), for years ≥ 100. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/**
 * Epoch ms of the 20 characters `YYYY-MM-DDTHH:MM:SSZ` at `at` in `v` — the shape exports almost always
 * use — read digit by digit with integer arithmetic (parsing the string as a Date costs several times
 * more); undefined for anything else, including out-of-range fields and years below 100, which the full
 * path then reads exactly as before.
 */
export function utcSecondsMs(v: string, at = 0): number | undefined {
  if (v.charCodeAt(at + 19) !== 90 || v.charCodeAt(at + 10) !== 84 || v.charCodeAt(at + 4) !== 45 || v.charCodeAt(at + 7) !== 45 || v.charCodeAt(at + 13) !== 58 || v.charCodeAt(at + 16) !== 58) {
    return undefined;
  }
  const hi = digits2(v, at);
  const lo = digits2(v, at + 2);
  const month = digits2(v, at + 5);
  const day = digits2(v, at + 8);
  const hour = digits2(v, at + 11);
  const minute = digits2(v, at + 14);
  const second = digits2(v, at + 17);
  if (hi < 1 || lo < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  const year = hi * 100 + lo;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number))) return undefined;
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}

/**
 * True when the date and time written in an ISO-8601 instant exist as written: `Date` would read
 * `2026-02-30` as 2 March and `24:30` as the next day, silently.
 */
export function fieldsExist(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = digits2(text, 5);
  const day = digits2(text, 8);
  const hour = digits2(text, 11);
  const minute = digits2(text, 14);
  const second = text.charCodeAt(16) === 58 ? digits2(text, 17) : 0;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  return day <= (month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number));
}

/** An ISO-8601 instant with an offset whose date and time exist, as a Date; undefined otherwise. */
export function parseIsoInstant(text: string): Date | undefined {
  if (!ISO_INSTANT.test(text) || !fieldsExist(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Reads an instant: an ISO-8601 string with an offset, epoch milliseconds, or a Date. Returns the Date,
 * or the message saying what was expected.
 */
export function readInstant(value: unknown): Date | string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid date' : value;
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : 'expected epoch milliseconds';
  if (typeof value === 'string') {
    const fast = value.length === 20 ? utcSecondsMs(value) : undefined;
    if (fast !== undefined) return new Date(fast);
    const text = value.trim();
    const date = parseIsoInstant(text);
    if (date) return date;
    if (ISO_INSTANT.test(text)) return `${JSON.stringify(value)} is not a real date and time (no such day, hour or minute)`;
  }
  return `expected an ISO-8601 instant with an offset, e.g. 2026-03-09T17:05:00Z, got ${JSON.stringify(value)}`;
}

/** An ISO-8601 instant with a `Z` or `±hh:mm` offset (or epoch milliseconds in JSON), as a Date. */
export const instantSchema = z.union([z.string(), z.number(), z.date()]).transform((value, ctx) => {
  const r = readInstant(value);
  if (typeof r === 'string') {
    ctx.addIssue({ code: 'custom', message: r });
    return z.NEVER;
  }
  return r;
});

/** A duration (`30m`, `2h`, `1h30m`, or minutes as a number) as minutes. */
export const durationSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const minutes = parseDurationMinutes(value);
  if (minutes === undefined) {
    ctx.addIssue({ code: 'custom', message: `expected a duration like 30m, 2h or 1d, got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return minutes;
});

// Most rows have no flags; sharing one frozen empty list keeps 100,000 rows from holding 100,000 arrays.
const NO_STRINGS: string[] = Object.freeze([]) as unknown as string[];

/** A list given as a JSON array or as a `;`/`,`-separated CSV cell; blanks are dropped. */
export const stringListSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => {
    if (value === undefined) return NO_STRINGS;
    const parts = typeof value === 'string' ? value.split(/[;,]/) : value;
    return parts.map((s) => s.trim()).filter((s) => s !== '');
  });

/** A non-negative integer given as a number (JSON) or digits (CSV). */
export const countSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 0) {
    ctx.addIssue({ code: 'custom', message: `expected a whole number ≥ 0, got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return n;
});

/** Optional free text: blank becomes undefined. */
export const optionalTextSchema = z
  .string()
  .optional()
  .nullable()
  .transform((v) => (v === undefined || v === null || v.trim() === '' ? undefined : v.trim()));

/**
 * Returns one shared copy of each distinct string. Exports repeat a handful of values (statuses,
 * stages, reviewer names) across 100,000 rows; sharing them keeps the heap, and GC time, down.
 */
export function createInterner(): (value: string) => string {
  const seen = new Map<string, string>();
  return (value) => {
    const hit = seen.get(value);
    if (hit !== undefined) return hit;
    seen.set(value, value);
    return value;
  };
}

/** Shared copies of enum values, for schemas whose output is one of a few words. */
export function canonical<const T extends readonly string[]>(values: T): (value: T[number]) => T[number] {
  const map = new Map<string, T[number]>(values.map((v) => [v, v]));
  return (value) => map.get(value) ?? value;
}
