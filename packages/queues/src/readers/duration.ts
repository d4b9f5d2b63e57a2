const UNIT_MINUTES: Record<string, number> = { s: 1 / 60, m: 1, h: 60, d: 24 * 60, w: 7 * 24 * 60 };
const PART = /(\d+(?:\.\d+)?)\s*(s|m|h|d|w)/gy;

/**
 * Parses a duration such as `90m`, `2h`, `1h30m`, `3d` (or a bare number of minutes) into minutes;
 * returns undefined when the text is not a duration.
 */
export function parseDurationMinutes(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? input : undefined;
  const text = input.trim().toLowerCase();
  if (text === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  let total = 0;
  PART.lastIndex = 0;
  let consumed = 0;
  for (;;) {
    while (text[consumed] === ' ') consumed++;
    if (consumed >= text.length) break;
    PART.lastIndex = consumed;
    const m = PART.exec(text);
    if (!m) return undefined;
    total += Number(m[1]) * (UNIT_MINUTES[m[2] as string] ?? 0);
    consumed = PART.lastIndex;
  }
  return total;
}

/** Formats minutes compactly for humans: `45m`, `3h 05m`, `2d 4h`, with a leading `-` when negative. */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const m = Math.round(Math.abs(minutes));
  if (m < 60) return `${sign}${m}m`;
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const mins = m % 60;
  if (days > 0) return `${sign}${days}d ${hours}h`;
  return `${sign}${hours}h ${String(mins).padStart(2, '0')}m`;
}
