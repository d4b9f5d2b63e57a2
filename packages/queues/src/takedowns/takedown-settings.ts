import { holidaySchema, isValidTimeZone, MAX_SILENCE_BUSINESS_DAYS, RESTORE_AFTER_BUSINESS_DAYS } from '@creator-desk/core';
import { z } from 'zod';
import { hintedObject } from '../readers/hinted-object.js';

const { earliest: MIN_RESTORE, latest: MAX_RESTORE } = RESTORE_AFTER_BUSINESS_DAYS;
const restoreDays = z
  .int('expected a whole number of business days')
  .min(MIN_RESTORE, `§512(g)(2)(C): no sooner than ${MIN_RESTORE} business days`)
  .max(MAX_RESTORE, `§512(g)(2)(C): no later than ${MAX_RESTORE} business days`);

const calendarSchema = hintedObject({
  /** IANA zone the business days are counted in; default: the report's zone. */
  time_zone: z.string().refine(isValidTimeZone, { message: 'expected an IANA time zone such as "America/Los_Angeles"' }).optional(),
  us_federal_holidays: z.boolean().default(true),
  holidays: z.array(holidaySchema).max(1000, 'at most 1000 holidays').default([]),
});

/** `takedowns:` in creator-desk.yaml. */
export const takedownSettingsSchema = hintedObject({
  calendar: calendarSchema.default({ us_federal_holidays: true, holidays: [] }),
  restore_window: hintedObject({ earliest: restoreDays.default(MIN_RESTORE), latest: restoreDays.default(MAX_RESTORE) })
    .refine((w) => w.earliest <= w.latest, { message: 'the restore window ends (latest) before it opens (earliest)', path: ['latest'] })
    .default({ earliest: MIN_RESTORE, latest: MAX_RESTORE }),
  /** "Expeditiously": business days to validate a notice and disable the content, and to notify the uploader. */
  act_within_business_days: z.int('expected a whole number of business days').min(1, 'at least 1 business day').max(10, 'at most 10 business days').default(1),
  /** Business days of complainant silence after being asked to complete a notice before it counts as retracted. */
  implied_retraction_after_business_days: z
    .int('expected a whole number of business days')
    .min(1, 'at least 1 business day')
    .max(MAX_SILENCE_BUSINESS_DAYS, `at most ${MAX_SILENCE_BUSINESS_DAYS} business days`)
    .default(10),
  repeat_infringer: hintedObject({
    threshold: z.int('expected a whole number').min(1, 'at least 1 strike').max(100, 'at most 100 strikes').default(3),
    window_days: z.int('expected a whole number of days').min(1, 'at least 1 day').max(3650, 'at most 3650 days (10 years)').default(365),
  }).default({ threshold: 3, window_days: 365 }),
}).default({
  calendar: { us_federal_holidays: true, holidays: [] },
  restore_window: { earliest: MIN_RESTORE, latest: MAX_RESTORE },
  act_within_business_days: 1,
  implied_retraction_after_business_days: 10,
  repeat_infringer: { threshold: 3, window_days: 365 },
});

/** Validated takedown settings. */
export type TakedownSettings = z.output<typeof takedownSettingsSchema>;
