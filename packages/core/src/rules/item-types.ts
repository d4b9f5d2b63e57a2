/**
 * The fields of each item type the rules know, as zod schemas: what `rules test` validates an item
 * against, and what the field tables in `fields.ts` must agree with (a test checks they do).
 */
import { z } from 'zod';
import { authorSchema, itemSchema } from './item.js';

const tags = z.union([z.string(), z.array(z.string())]);
const num = z.number().optional();

/** A modmail conversation (the ModMail trigger carries no body: the app reads the conversation first). */
export const modmailItemSchema = itemSchema.extend({
  type: z.literal('modmail'),
  subject: z.string().optional(),
  body: z.string().optional(),
  is_highlighted: z.boolean().optional(),
  is_internal: z.boolean().optional(),
  is_auto: z.boolean().optional(),
  message_count: num,
  author: authorSchema.optional(),
});

/** A submission in the creator program's review tool (avatar art, Community Awards, Brand Awards). */
export const reviewItemSchema = itemSchema.extend({
  type: z.literal('review'),
  title: z.string().optional(),
  body: z.string().optional(),
  status: z.string().optional(),
  queue: z.string().optional(),
  kind: z.string().optional(),
  artist: z.string().optional(),
  reviewer: z.string().optional(),
  tags: tags.optional(),
  age_hours: num,
  age_days: num,
  escalated: z.boolean().optional(),
});

/** An item in the staging (upload) pipeline. */
export const stagingItemSchema = itemSchema.extend({
  type: z.literal('staging'),
  stage: z.string().optional(),
  status: z.string().optional(),
  error: z.string().optional(),
  artist: z.string().optional(),
  attempts: num,
  age_hours: num,
  age_days: num,
});

/** A support ticket as the Zendesk API returns it (`tags` a list). */
export const ticketItemSchema = itemSchema.extend({
  type: z.literal('ticket'),
  subject: z.string().optional(),
  description: z.string().optional(),
  status: z.string().optional(),
  priority: z.string().optional(),
  tags: tags.optional(),
  via: z.string().optional(),
  requester: z.string().optional(),
  assignee: z.string().optional(),
  group: z.string().optional(),
  age_hours: num,
  age_days: num,
});

/** A copyright takedown case (17 U.S.C. §512). */
export const takedownItemSchema = itemSchema.extend({
  type: z.literal('takedown'),
  status: z.string().optional(),
  claimant: z.string().optional(),
  work: z.string().optional(),
  url: z.string().optional(),
  strikes: num,
  age_days: num,
  business_days_since_counter_notice: num,
});

export const QUEUE_ITEM_SCHEMAS = {
  modmail: modmailItemSchema,
  review: reviewItemSchema,
  staging: stagingItemSchema,
  ticket: ticketItemSchema,
  takedown: takedownItemSchema,
} as const;

/** The schema for an item of this type: the type's own for modmail and queue items, else the general one. */
export function itemSchemaFor(type: unknown): z.ZodType<z.infer<typeof itemSchema>> {
  return typeof type === 'string' && type in QUEUE_ITEM_SCHEMAS
    ? (QUEUE_ITEM_SCHEMAS[type as keyof typeof QUEUE_ITEM_SCHEMAS] as unknown as z.ZodType<z.infer<typeof itemSchema>>)
    : itemSchema;
}
