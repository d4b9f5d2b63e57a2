/**
 * The §512(g)(2)(C) restore window: content taken down on a notice is put back no sooner than 10 and no
 * later than 14 business days after the counter-notice was received, unless the complainant reports a lawsuit.
 */
import { addBusinessDays, type BusinessCalendar } from '../../calendar/index.js';

/** Adds `n` business days to an instant (holidays honoured). */
export type BusinessDayAdder = (date: Date, n: number) => Date;

/** Either a business calendar or a function adding business days on one. */
export type BusinessDays = BusinessCalendar | BusinessDayAdder;

/** Earliest and latest restore, counted in business days from receipt of the counter-notice. */
export const RESTORE_AFTER_BUSINESS_DAYS = { earliest: 10, latest: 14 } as const;

/** A restore window's bounds in business days; both must lie within the statute's 10–14. */
export interface RestoreWindowBounds {
  earliest: number;
  latest: number;
}

/** When restoring becomes lawful and when it is due. */
export interface RestoreWindow {
  opensAt: Date;
  closesAt: Date;
}

function adderOf(businessDays: BusinessDays): BusinessDayAdder {
  return typeof businessDays === 'function' ? businessDays : (date, n) => addBusinessDays(businessDays, date, n);
}

/**
 * The restore window for a counter-notice received at `receivedAt`. Both ends keep the time of day of the
 * receipt (10 business days means 10 whole business days have passed), the conservative reading: restoring
 * earlier in that day would be "sooner than 10 business days".
 */
export function computeRestoreWindow(
  receivedAt: Date,
  businessDays: BusinessDays,
  bounds: RestoreWindowBounds = RESTORE_AFTER_BUSINESS_DAYS,
): RestoreWindow {
  checkRestoreWindowBounds(bounds);
  const add = adderOf(businessDays);
  return { opensAt: add(receivedAt, bounds.earliest), closesAt: add(receivedAt, bounds.latest) };
}

/**
 * Throws unless `earliest ≤ latest` are whole business days within §512(g)(2)(C)'s 10–14: a policy may
 * narrow the window (Reddit restores within 10) but a window outside it loses the safe harbour.
 */
export function checkRestoreWindowBounds(bounds: RestoreWindowBounds): void {
  const { earliest, latest } = bounds;
  const { earliest: min, latest: max } = RESTORE_AFTER_BUSINESS_DAYS;
  if (!Number.isInteger(earliest) || !Number.isInteger(latest) || earliest < min || latest > max || earliest > latest) {
    throw new RangeError(`the restore window must be whole business days with ${min} ≤ earliest ≤ latest ≤ ${max}, got ${earliest}–${latest}`);
  }
}
