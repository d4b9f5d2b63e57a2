import { tzOffset } from '@date-fns/tz';

const known = new Map<string, boolean>();

/** True when `timeZone` is an IANA zone name the runtime's time-zone database knows (e.g. `Europe/Berlin`, `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  const cached = known.get(timeZone);
  if (cached !== undefined) return cached;
  // Fixed offsets such as "+05:00" are rejected on purpose: business hours need the zone's DST rules.
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
