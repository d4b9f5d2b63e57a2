import { z } from 'zod';
import { MAX_DURATION_MINUTES, parseDurationMinutes } from './duration.js';

/** A positive duration of at most 366 days: `30m`, `4h`, `1h30m`, `2d`, or a number of minutes. */
export const durationSchema = z
  .union([z.string(), z.number()])
  .refine((v) => {
    const m = parseDurationMinutes(v);
    return m !== undefined && m > 0;
  }, { message: 'expected a positive duration such as "30m", "4h" or "1h30m"' })
  .refine((v) => (parseDurationMinutes(v) ?? 0) <= MAX_DURATION_MINUTES, { message: 'a duration may be at most 366 days' });

/** How a target is counted: working time of the policy's calendar, or plain elapsed time. */
export const hoursModeSchema = z.enum(['business', 'calendar']);

/** AutoModerator-style checks over the item's fields (compiled by the rule language). */
export const conditionSchema = z.record(z.string(), z.unknown());

/** One target: a bare duration, or a duration with its own warning lead and counting mode. */
export const targetSchema = z.union([
  durationSchema,
  z.strictObject({ target: durationSchema, warn_before: durationSchema.optional(), hours: hoursModeSchema.optional() }),
]);

/** One metric of a policy: when its clock starts, what achieves it, what pauses it, and targets per priority. */
export const metricSchema = z.strictObject({
  start_when: conditionSchema.optional(),
  stop_when: conditionSchema,
  pause_when: conditionSchema.optional(),
  repeat: z.boolean().default(false),
  hours: hoursModeSchema.optional(),
  warn_before: durationSchema.optional(),
  /** Priority (lower-cased item `priority`) → target; `default` covers any other priority. */
  targets: z.record(z.string(), targetSchema).refine((t) => Object.keys(t).length > 0, { message: 'at least one target is needed' }),
});

/** One SLA policy: which items it applies to and its metrics. */
export const slaPolicySchema = z.strictObject({
  name: z.string().min(1),
  when: conditionSchema.default({}),
  calendar: z.string().optional(),
  hours: hoursModeSchema.optional(),
  warn_before: durationSchema.optional(),
  pause_when: conditionSchema.optional(),
  metrics: z.record(z.string(), metricSchema).refine((m) => Object.keys(m).length > 0, { message: 'at least one metric is needed' }),
});

/** An SLA policy file: named business calendars and ordered policies (first match wins). */
export const slaPolicyFileSchema = z.strictObject({
  calendars: z.record(z.string(), z.unknown()).default({}),
  policies: z.array(z.unknown()),
});

/** One policy as validated (before its conditions are compiled). */
export type SlaPolicyDefinition = z.output<typeof slaPolicySchema>;
/** One policy as written. */
export type SlaPolicyInput = z.input<typeof slaPolicySchema>;
/** A metric as validated. */
export type SlaMetricDefinition = z.output<typeof metricSchema>;
/** A target as written. */
export type SlaTargetInput = z.input<typeof targetSchema>;
/** Counting mode of a target. */
export type HoursMode = z.output<typeof hoursModeSchema>;

/** A status change of an item: the status it entered and when. */
export const statusChangeSchema = z.strictObject({
  status: z.string().min(1),
  at: z.union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))]),
});
/** A status change as given to `computeSla`. */
export type StatusChange = z.input<typeof statusChangeSchema>;
