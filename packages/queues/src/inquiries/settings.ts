import { businessCalendarSchema, isValidTimeZone, type BusinessCalendar } from '@creator-desk/core';
import { z } from 'zod';
import { durationSchema } from '../readers/fields.js';
import { expandHolidays, holidayListSchema } from '../readers/holiday-list.js';
import { namedRecord } from '../readers/named-record.js';
import { INQUIRY_CATEGORIES, type InquiryCategory } from './categories.js';

const WEEKDAY: [string, string][] = [['09:00', '17:00']];
/** Longest first-response target: two weeks of business time is already a policy, not an SLA. */
const MAX_TARGET_MINUTES = 14 * 24 * 60;

const target = durationSchema.refine((m) => m > 0 && m <= MAX_TARGET_MINUTES, { message: 'expected a target between 1m and 14d of business time' });

/** The `inquiries:` key of creator-desk.yaml. */
export const inquirySettingsSchema = z
  .strictObject({
    time_zone: z.string().refine(isValidTimeZone, { message: 'expected an IANA time zone such as "America/Los_Angeles"' }).default('America/Los_Angeles'),
    /** Working hours per weekday, core's calendar shape (`mon: [['09:00', '17:00']]`); default Monday–Friday 09:00–17:00. */
    hours: businessCalendarSchema.shape.hours.refine((h) => Object.values(h).some((d) => d.length > 0), { message: 'no working hours on any day: first responses could never be due' }).optional(),
    /** `us-federal` (the US federal holidays of the years read) or holidays in core's shape. */
    holidays: holidayListSchema.max(500).default(['us-federal']),
    /** First-response targets in business time: `default` and any category. */
    first_response: namedRecord([...INQUIRY_CATEGORIES, 'default'] as const, target, 'category').default({}),
    /** How long before the target an inquiry is "due soon". */
    warn_before: durationSchema.default(120),
    /** Category → the answer template suggested for it (placeholders {{contractor}}, {{subject}}, {{category}}). */
    templates: namedRecord(INQUIRY_CATEGORIES, z.string().min(1).max(4000), 'category').default({}),
    /** Subjects whose token sets overlap at least this much (Jaccard) are one question. */
    duplicate_threshold: z.number().min(0.3).max(1).default(0.6),
  })
  .prefault({});

export type InquirySettings = z.output<typeof inquirySettingsSchema>;

/** First-response targets in minutes per category, defaults filled in (8 business hours; escalation questions 4). */
export function firstResponseMinutes(s: InquirySettings): Record<InquiryCategory | 'default', number> {
  const base = s.first_response.default ?? 480;
  const out = { default: base } as Record<InquiryCategory | 'default', number>;
  for (const c of INQUIRY_CATEGORIES) out[c] = s.first_response[c] ?? (c === 'escalation_question' ? Math.min(base, 240) : base);
  return out;
}

/** The inquiries' business calendar, `us-federal` expanded over `years` (one either side). */
export function inquiryCalendar(s: InquirySettings, years: readonly [number, number]): BusinessCalendar {
  const holidays = expandHolidays(s.holidays, years);
  const hours = s.hours ?? { mon: WEEKDAY, tue: WEEKDAY, wed: WEEKDAY, thu: WEEKDAY, fri: WEEKDAY, sat: [], sun: [] };
  return businessCalendarSchema.parse({ timeZone: s.time_zone, hours, holidays });
}
