/**
 * Implied retraction: when the complainant was asked for something (the missing elements of an incomplete
 * notice) and stays silent for a configured number of business days, the notice is treated as withdrawn —
 * GitHub's practice is two weeks (10 business days) of complainant silence.
 */
import { addBusinessDays } from '../../calendar/index.js';
import type { BusinessDays } from './restore-window.js';

/** The longest silence a policy may wait for, in business days (about a year). */
export const MAX_SILENCE_BUSINESS_DAYS = 260;

/** When silence since `askedAt` becomes an implied retraction (same time of day, holidays skipped). */
export function impliedRetractionAt(askedAt: Date, silenceBusinessDays: number, businessDays: BusinessDays): Date {
  if (!Number.isInteger(silenceBusinessDays) || silenceBusinessDays < 1 || silenceBusinessDays > MAX_SILENCE_BUSINESS_DAYS) {
    throw new RangeError(`the silence before an implied retraction must be 1–${MAX_SILENCE_BUSINESS_DAYS} whole business days, got ${silenceBusinessDays}`);
  }
  return typeof businessDays === 'function' ? businessDays(askedAt, silenceBusinessDays) : addBusinessDays(businessDays, askedAt, silenceBusinessDays);
}

/** Whether the complainant's silence since `askedAt` amounts to a retraction at `now`, and from when. */
export interface ImpliedRetraction {
  retracted: boolean;
  /** The instant the silence became (or will become) a retraction. */
  at: Date;
}

/** The implied-retraction standing at `now` of a complainant asked at `askedAt` and not heard from since. */
export function impliedRetraction(askedAt: Date, now: Date, silenceBusinessDays: number, businessDays: BusinessDays): ImpliedRetraction {
  const at = impliedRetractionAt(askedAt, silenceBusinessDays, businessDays);
  return { retracted: now.getTime() >= at.getTime(), at };
}
