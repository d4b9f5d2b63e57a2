import { tzOffset } from '@date-fns/tz';

const known = new Map<string, boolean>();

/**
 * True when `timeZone` is an IANA zone name the runtime's time-zone database knows (e.g. `Europe/Berlin`,
 * `UTC`). The database's fixed-offset names (`EST`, `Etc/GMT+5`) are accepted: they are real zones
 * without daylight saving time, and a team that works on a fixed clock may name one. Bare offsets such
 * as `+05:00` are not zone names and are refused.
 */
export function isValidTimeZone(timeZone: string): boolean {
  const cached = known.get(timeZone);
  if (cached !== undefined) return cached;
  let ok = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(timeZone);
  if (ok) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      ok = Number.isFinite(tzOffset(timeZone, new Date(0)));
    } catch {
      ok = false;
    }
  }
  known.set(timeZone, ok);
  return ok;
}
