import { isValidTimeZone, timeOfDaySchema } from '@creator-desk/core';
import { z } from 'zod';
import { holidayListSchema } from '../readers/holiday-list.js';
import { namedRecord } from '../readers/named-record.js';
import { DEFAULT_MIN_BUSINESS_DAYS, MILESTONES, type Milestone } from './milestones.js';

const minDays = z.number().int().min(0).max(250);

/** The `activations:` key of creator-desk.yaml. */
export const activationSettingsSchema = z
  .strictObject({
    /** The zone the tracker's dates are calendar dates of. */
    time_zone: z.string().refine(isValidTimeZone, { message: 'expected an IANA time zone such as "America/Los_Angeles"' }).default('America/Los_Angeles'),
    /** Days that are not business days besides Saturday and Sunday. */
    holidays: holidayListSchema.max(500).default(['us-federal']),
    /** Business days each step needs after its predecessors are done. */
    min_business_days: namedRecord(MILESTONES, minDays, 'milestone').default({}),
    /** A milestone due within this many business days is "due soon" in the report. */
    due_soon_business_days: z.number().int().min(0).max(60).default(2),
    /** Local time of day the exported announcement event starts, unless the activation says. */
    announce_time: timeOfDaySchema.default('10:00'),
  })
  .prefault({});

export type ActivationSettings = z.output<typeof activationSettingsSchema>;

/** The business days each milestone needs, defaults filled in. */
export function minBusinessDays(settings: ActivationSettings): Record<Milestone, number> {
  return { ...DEFAULT_MIN_BUSINESS_DAYS, ...settings.min_business_days };
}
