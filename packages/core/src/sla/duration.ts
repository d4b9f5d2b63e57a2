/** Units a target duration may use; business-time targets may not use d/w (a business day's length depends on the calendar). */
const UNIT_MINUTES: Record<string, number> = { m: 1, min: 1, h: 60, d: 1440, w: 10080 };

/**
 * Minutes in a duration such as `45m`, `4h`, `1h30m`, `2d` or a bare number of minutes; `undefined` when
 * the text is not a duration.
 */
export function parseDurationMinutes(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? wholeMs(text) : undefined;
  const s = text.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(s)) return wholeMs(Number(s));
  const re = /(\d+(?:\.\d+)?)\s*(min|m|h|d|w)/gy;
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    total += Number(m[1]) * (UNIT_MINUTES[m[2] as string] as number);
    pos = re.lastIndex;
    while (s[pos] === ' ') pos++;
    re.lastIndex = pos;
  }
  return pos === s.length && pos > 0 ? wholeMs(total) : undefined;
}

// Durations are rounded to whole milliseconds: `4.1h` must be exactly 246 minutes, not the binary float
// 245.99999999999997, or a target met at its deadline would count as breached.
const wholeMs = (minutes: number): number => Math.round(minutes * 60_000) / 60_000;

/** Longest target or warning lead accepted, in minutes (366 days): longer is a typo, and 1e300 has no deadline. */
export const MAX_DURATION_MINUTES = 366 * 1440;

/** True when the duration text uses day or week units. */
export function usesCalendarUnits(text: string | number): boolean {
  return typeof text === 'string' && /\d\s*[dw]/i.test(text);
}
