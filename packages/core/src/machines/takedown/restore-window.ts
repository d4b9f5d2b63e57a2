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
export function computeRestoreWindow(receivedAt: Date, businessDays: BusinessDays): RestoreWindow {
  const add = adderOf(businessDays);
  return {
    opensAt: add(receivedAt, RESTORE_AFTER_BUSINESS_DAYS.earliest),
    closesAt: add(receivedAt, RESTORE_AFTER_BUSINESS_DAYS.latest),
  };
}
