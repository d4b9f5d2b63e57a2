import { z } from 'zod';

/** A duration such as `90m`, `2h`, `1h30m`, `1d` (checked and bounded by the parser). */
const durationText = z.union([z.string().max(20), z.number()]);

/** Local date `YYYY-MM-DD`. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** The readable recurrence keys. */
export const repeatSchema = z.union([
  z.enum(['once', 'daily', 'weekly', 'monthly']),
  z
    .object({
      freq: z.enum(['once', 'daily', 'weekly', 'monthly']),
      interval: z.number().int().min(1).max(366).optional(),
      on: z.array(z.string().max(20)).max(31).optional(),
      days: z.array(z.number().int()).max(31).optional(),
    })
    .strict(),
]);

/** One event as written on the events page or submitted through the "Schedule event…" form. */
export const eventInputSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'expected lower-case letters, digits and dashes (at most 40)'),
    title: z.string().min(1).max(300),
    body: z.string().max(10_000).default(''),
    time_zone: z.string().max(64),
    /** Local date and time of the first occurrence: `2026-03-03 18:00`. */
    start: z.string().max(20),
    duration: durationText.default('1h'),
    repeat: repeatSchema.optional(),
    rrule: z.string().max(500).optional(),
    /** Last local date (inclusive) or local date-time. */
    until: z.string().max(20).optional(),
    count: z.number().int().min(1).max(1000).optional(),
    skip: z.array(isoDate).max(1000).default([]),
    /** How long before the start the announcement is posted. */
    announce: durationText.default('0m'),
    /** Reminders, each this long before the start. */
    reminders: z.array(durationText).max(6).default([]),
    reminder_as: z.enum(['comment', 'post']).default('comment'),
    flair: z
      .union([z.string().max(64), z.object({ text: z.string().max(64).optional(), template_id: z.string().max(64).optional() }).strict()])
      .optional(),
    sticky: z.union([z.literal(1), z.literal(2)]).optional(),
    distinguish: z.boolean().default(false),
    rotate: z
      .object({ unsticky: z.boolean().default(true), lock: z.boolean().default(false), end_note: z.string().max(2000).optional() })
      .strict()
      .optional(),
  })
  .strict();
export type EventInput = z.input<typeof eventInputSchema>;

/** The events page: `events:` a list of events. */
export const eventsPageSchema = z.object({ events: z.array(z.unknown()).max(100).nullable().default([]) }).strict();
