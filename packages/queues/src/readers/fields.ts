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

/**
 * Epoch ms of `YYYY-MM-DDTHH:MM:SSZ`, the shape exports almost always use, read digit by digit (parsing
 * the string as a Date costs several times more); undefined for anything else, including out-of-range
 * fields, which the full path then reads exactly as before.
 */
function utcSecondsMs(v: string): number | undefined {
  if (v.length !== 20 || v.charCodeAt(19) !== 90 || v.charCodeAt(10) !== 84 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58) return undefined;
  const hi = digits2(v, 0);
  const lo = digits2(v, 2);
  const month = digits2(v, 5);
  const day = digits2(v, 8);
  const hour = digits2(v, 11);
  const minute = digits2(v, 14);
  const second = digits2(v, 17);
  // Years below 100 are left to the full path too: Date.UTC would read them as 19xx.
  if (hi < 1 || lo < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  const ms = Date.UTC(hi * 100 + lo, month - 1, day, hour, minute, second);
  // A day past the month's end (Feb 30) is left to the full path, which keeps its old reading of it.
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}

/**
 * Reads an instant: an ISO-8601 string with an offset, epoch milliseconds, or a Date. Returns the Date,
 * or the message saying what was expected.
 */
export function readInstant(value: unknown): Date | string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid date' : value;
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : 'expected epoch milliseconds';
  if (typeof value === 'string') {
    const fast = utcSecondsMs(value);
    if (fast !== undefined) return new Date(fast);
    const text = value.trim();
    if (ISO_INSTANT.test(text)) {
      const date = new Date(text);
      if (!Number.isNaN(date.getTime())) return date;
    }
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
