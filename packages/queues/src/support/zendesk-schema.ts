/**
 * Zendesk's documented JSON, as the Tickets API, the incremental ticket export and the ticket metric
 * events API return it (developer.zendesk.com/api-reference/ticketing/tickets/…). Objects are loose:
 * Zendesk adds fields over time, and an export is read as it is, not reshaped.
 */
import { CALENDAR_MAX_MS, CALENDAR_MIN_MS } from '@creator-desk/core';
import { z } from 'zod';
import { readInstant } from '../readers/fields.js';

/** Ticket statuses; `deleted` appears only in the incremental export (a deleted ticket's last version). */
export const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed', 'deleted'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const TICKET_TYPES = ['problem', 'incident', 'question', 'task'] as const;
export const METRIC_EVENT_TYPES = ['activate', 'pause', 'fulfill', 'apply_sla', 'apply_group_sla', 'breach', 'update_status', 'measure'] as const;

/** A Zendesk timestamp (`2026-02-16T17:30:00Z`) within the years the business calendars cover. */
export const zendeskTimeSchema = z.unknown().transform((value, ctx) => {
  const r = typeof value === 'number' ? `expected an ISO-8601 time such as 2026-02-16T17:30:00Z (Zendesk's format), got the number ${value}` : readInstant(value);
  if (typeof r === 'string') {
    ctx.addIssue({ code: 'custom', message: r });
    return z.NEVER;
  }
  if (!(r.getTime() >= CALENDAR_MIN_MS && r.getTime() < CALENDAR_MAX_MS)) {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is outside the years 1900–2199 the business calendars cover` });
    return z.NEVER;
  }
  return r;
});

/** Zendesk ids are positive integers. */
const idSchema = z.number({ error: 'expected a Zendesk id (a positive whole number)' }).int({ error: 'expected a Zendesk id (a positive whole number)' }).positive({ error: 'expected a Zendesk id (a positive whole number)' });
const optionalId = idSchema.nullable().optional();

/** One comment of a ticket (the Ticket Comments API; the account's JSON export nests them in the ticket). */
export const zendeskCommentSchema = z.looseObject({
  id: idSchema.optional(),
  type: z.string().optional(),
  author_id: idSchema,
  body: z.string().nullable().optional(),
  plain_body: z.string().nullable().optional(),
  public: z.boolean(),
  created_at: zendeskTimeSchema,
});
export type ZendeskComment = z.output<typeof zendeskCommentSchema>;

/** How a ticket came in: `via.channel` is `email`, `web`, `api`, … (a number in a few older endpoints). */
const viaSchema = z.looseObject({ channel: z.union([z.string(), z.number()]).optional(), source: z.unknown().optional() });

/** A ticket as the Tickets API documents it (the fields this queue reads; the rest are kept unread). */
export const zendeskTicketSchema = z.looseObject({
  id: idSchema,
  url: z.string().optional(),
  external_id: z.string().nullable().optional(),
  type: z.enum(TICKET_TYPES).nullable().optional(),
  subject: z.string().nullable().optional(),
  raw_subject: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  priority: z.enum(TICKET_PRIORITIES).nullable().optional(),
  status: z.enum(TICKET_STATUSES),
  requester_id: optionalId,
  submitter_id: optionalId,
  assignee_id: optionalId,
  group_id: optionalId,
  organization_id: optionalId,
  tags: z.array(z.string()).default([]),
  via: viaSchema.nullable().optional(),
  custom_fields: z.array(z.looseObject({ id: z.number(), value: z.unknown() })).optional(),
  /** As a ticket is created with it (`requester: {name, email}`); the API itself returns `requester_id`. */
  requester: z.looseObject({ name: z.string().optional(), email: z.string().optional() }).optional(),
  comments: z.array(z.unknown()).optional(),
  created_at: zendeskTimeSchema,
  updated_at: zendeskTimeSchema,
});
export type ZendeskTicket = z.output<typeof zendeskTicketSchema>;

/** A side-loaded user (`?include=users`): `role` tells agents from end users. */
export const zendeskUserSchema = z.looseObject({
  id: idSchema,
  name: z.string().optional(),
  email: z.string().nullable().optional(),
  role: z.enum(['end-user', 'agent', 'admin']).optional(),
});
export type ZendeskUser = z.output<typeof zendeskUserSchema>;

/** A side-loaded group (`?include=groups`). */
export const zendeskGroupSchema = z.looseObject({ id: idSchema, name: z.string() });

/** One record of the Ticket Metric Events API. */
export const zendeskMetricEventSchema = z.looseObject({
  id: idSchema,
  ticket_id: idSchema,
  metric: z.string().min(1),
  instance_id: z.number().int().nonnegative(),
  type: z.enum(METRIC_EVENT_TYPES),
  time: zendeskTimeSchema,
});
export type ZendeskMetricEvent = z.output<typeof zendeskMetricEventSchema>;

const url = z.string().nullable().optional();

/**
 * A page: of the list endpoint (`next_page`, `previous_page`, `count`), of the incremental export
 * (`end_of_stream`, `after_cursor`/`after_url`, or the time-based `end_time`), or of the metric events
 * API. The records are checked one by one, so one bad ticket does not cost the page.
 */
export const zendeskPageSchema = z.looseObject({
  tickets: z.array(z.unknown()).optional(),
  ticket: z.unknown().optional(),
  users: z.array(z.unknown()).optional(),
  groups: z.array(z.unknown()).optional(),
  ticket_metric_events: z.array(z.unknown()).optional(),
  next_page: url,
  previous_page: url,
  count: z.number().optional(),
  end_of_stream: z.boolean().optional(),
  after_cursor: url,
  after_url: url,
  before_cursor: url,
  before_url: url,
  end_time: z.number().nullable().optional(),
});
export type ZendeskPage = z.output<typeof zendeskPageSchema>;
