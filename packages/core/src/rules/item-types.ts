/**
 * The fields of each item type the rules know, as zod schemas: what `rules test` validates an item
 * against, and what the field tables in `fields.ts` must agree with (a test checks they do).
 */
import { z } from 'zod';
import { authorSchema, itemSchema } from './item.js';
import { optionalFields } from './optional-fields.js';

const tags = z.union([z.string(), z.array(z.string())]).optional();
const numbers = <K extends string>(...names: K[]) => optionalFields(z.number(), ...names);
const texts = <K extends string>(...names: K[]) => optionalFields(z.string(), ...names);

/** A modmail conversation (the ModMail trigger carries no body: the app reads the conversation first). */
export const modmailItemSchema = itemSchema.extend({
  type: z.literal('modmail'),
  ...texts('subject', 'body', 'conversation_type'),
  ...optionalFields(z.boolean(), 'is_highlighted', 'is_internal', 'is_auto', 'is_first_message'),
  ...numbers('message_count', 'open_takedowns'),
  author: authorSchema.optional(),
});

/** A submission in the creator program's review tool (avatar art, Community Awards, Brand Awards). */
export const reviewItemSchema = itemSchema.extend({
  type: z.literal('review'),
  ...texts('title', 'body', 'status', 'queue', 'kind', 'artist', 'reviewer'),
  tags,
  ...numbers('age_hours', 'age_days'),
  escalated: z.boolean().optional(),
});

/** An item in the staging (upload) pipeline. */
export const stagingItemSchema = itemSchema.extend({
  type: z.literal('staging'),
  ...texts('stage', 'status', 'error', 'artist'),
  ...numbers('attempts', 'age_hours', 'age_days'),
});

/** A support ticket as the Zendesk API returns it (`tags` a list; `body` is the description again). */
export const ticketItemSchema = itemSchema.extend({
  type: z.literal('ticket'),
  ...texts('subject', 'description', 'body', 'status', 'priority', 'via', 'requester', 'assignee', 'group'),
  tags,
  ...numbers('age_hours', 'age_days'),
});

/** A copyright takedown case (17 U.S.C. §512). */
export const takedownItemSchema = itemSchema.extend({
  type: z.literal('takedown'),
  ...texts('status', 'claimant', 'work', 'url'),
  ...numbers('strikes', 'age_days', 'business_days_since_counter_notice'),
});

/** A question from a review contractor (policy, tooling, queue access …), as the shared inbox exports it. */
export const inquiryItemSchema = itemSchema.extend({
  type: z.literal('inquiry'),
  ...texts('subject', 'body', 'contractor', 'status'),
  ...numbers('age_hours'),
});

export const QUEUE_ITEM_SCHEMAS = {
  modmail: modmailItemSchema,
  review: reviewItemSchema,
  staging: stagingItemSchema,
  ticket: ticketItemSchema,
  takedown: takedownItemSchema,
  inquiry: inquiryItemSchema,
} as const;

/** The schema for an item of this type: the type's own for modmail and queue items, else the general one. */
export function itemSchemaFor(type: unknown): z.ZodType<z.infer<typeof itemSchema>> {
  return typeof type === 'string' && type in QUEUE_ITEM_SCHEMAS
    ? (QUEUE_ITEM_SCHEMAS[type as keyof typeof QUEUE_ITEM_SCHEMAS] as unknown as z.ZodType<z.infer<typeof itemSchema>>)
    : itemSchema;
}
