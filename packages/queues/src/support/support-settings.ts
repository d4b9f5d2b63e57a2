import { businessCalendarSchema, didYouMean, durationSchema, targetSchema } from '@creator-desk/core';
import { z } from 'zod';

/** The metrics the support queue clocks, in Zendesk's terms (reply_time instance 1, 2+, requester_wait_time). */
export const SUPPORT_METRICS = ['first_reply', 'next_reply', 'requester_wait'] as const;
export type SupportMetric = (typeof SUPPORT_METRICS)[number];

/** Target keys: Zendesk's priorities, and `default` for tickets without one (or a priority not listed). */
const PRIORITY_KEYS = ['urgent', 'high', 'normal', 'low', 'default'] as const;

const CALENDAR_UNITS = /\d\s*[dw]/i;

const targetsSchema = z.record(z.string(), targetSchema).superRefine((targets, ctx) => {
  for (const key of Object.keys(targets)) {
    if (!(PRIORITY_KEYS as readonly string[]).includes(key)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not a Zendesk priority (expected ${PRIORITY_KEYS.join(', ')})${didYouMean(key, PRIORITY_KEYS)}` });
    }
  }
});

/** The default targets (minutes of the calendar's working time, or calendar time without a calendar). */
export const DEFAULT_SUPPORT_TARGETS: Record<SupportMetric, Record<string, string>> = {
  first_reply: { urgent: '1h', high: '4h', normal: '8h', low: '24h', default: '8h' },
  next_reply: { urgent: '2h', high: '4h', normal: '8h', low: '24h', default: '8h' },
  requester_wait: { urgent: '8h', high: '16h', normal: '24h', low: '40h', default: '24h' },
};

/**
 * `support:` of `creator-desk.yaml`: targets per metric and priority, the business calendar they count
 * (the review SLA's calendar schema), and how long before a breach a ticket is "due soon".
 */
const SETTINGS_KEYS = ['calendar', 'hours', 'due_soon', 'targets'] as const;

/** An issue for each key of `value` not in `known`, with the nearest known key (a typo is the usual cause). */
function unknownKeys(value: object, known: readonly string[], ctx: z.RefinementCtx, at: readonly (string | number)[] = []): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) ctx.addIssue({ code: 'custom', path: [...at, key], message: `unknown key '${key}' (expected ${known.join(', ')})${didYouMean(key, known)}` });
  }
}

export const supportSettingsSchema = z
  .looseObject({
    calendar: businessCalendarSchema.optional(),
    /** How targets count; `business` needs `calendar` (and is the default when there is one). */
    hours: z.enum(['business', 'calendar']).optional(),
    due_soon: durationSchema.default('30m'),
    targets: z
      .looseObject({ first_reply: targetsSchema.optional(), next_reply: targetsSchema.optional(), requester_wait: targetsSchema.optional() })
      .optional(),
  })
  .default({ due_soon: '30m' })
  .superRefine((s, ctx) => {
    unknownKeys(s, SETTINGS_KEYS, ctx);
    if (s.targets) unknownKeys(s.targets, SUPPORT_METRICS, ctx, ['targets']);
    const business = (s.hours ?? (s.calendar ? 'business' : 'calendar')) === 'business';
    if (business && !s.calendar) ctx.addIssue({ code: 'custom', path: ['hours'], message: 'business hours need a `calendar` (timeZone, hours, holidays — as in sla-policies.yaml)' });
    for (const metric of SUPPORT_METRICS) {
      for (const [priority, t] of Object.entries(s.targets?.[metric] ?? {})) {
        const spec = typeof t === 'object' ? t : { target: t };
        if ((spec.hours ?? (business ? 'business' : 'calendar')) === 'business' && CALENDAR_UNITS.test(String(spec.target))) {
          ctx.addIssue({ code: 'custom', path: ['targets', metric, priority], message: `business-hours targets are written in hours and minutes ("${String(spec.target)}" uses days or weeks, whose length depends on the calendar)` });
        }
      }
    }
  });
export type SupportSettings = z.output<typeof supportSettingsSchema>;
