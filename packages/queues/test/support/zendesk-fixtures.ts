/**
 * Tickets, users and metric events in the shape the Zendesk API documents them
 * (developer.zendesk.com/api-reference/ticketing/tickets/tickets/, …/ticket_metric_events/).
 */

export const SUBDOMAIN = 'https://creatorprogram.zendesk.com/api/v2';

/** A ticket as `GET /api/v2/tickets` returns it; `over` replaces fields. */
export function zdTicket(id: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    url: `${SUBDOMAIN}/tickets/${id}.json`,
    id,
    external_id: null,
    via: { channel: 'web', source: { from: {}, to: {}, rel: null } },
    created_at: '2026-02-18T17:00:00Z',
    updated_at: '2026-02-18T17:00:00Z',
    generated_timestamp: 1771434000,
    type: 'question',
    subject: `Ticket ${id}`,
    raw_subject: `Ticket ${id}`,
    description: 'Hello, I need help.',
    priority: 'normal',
    status: 'new',
    recipient: null,
    requester_id: 9000 + id,
    submitter_id: 9000 + id,
    assignee_id: null,
    organization_id: null,
    group_id: 360001,
    collaborator_ids: [],
    follower_ids: [],
    email_cc_ids: [],
    forum_topic_id: null,
    problem_id: null,
    has_incidents: false,
    is_public: true,
    due_at: null,
    tags: [],
    custom_fields: [{ id: 360012345, value: null }],
    satisfaction_rating: null,
    sharing_agreement_ids: [],
    custom_status_id: 1,
    fields: [{ id: 360012345, value: null }],
    followup_ids: [],
    ticket_form_id: 360000001,
    brand_id: 360000002,
    allow_channelback: false,
    allow_attachments: true,
    from_messaging_channel: false,
    ...over,
  };
}

/** A list-endpoint page (`GET /api/v2/tickets.json?include=users`). */
export function listPage(tickets: unknown[], opts: { page: number; last: boolean; users?: unknown[] }): string {
  return JSON.stringify({
    tickets,
    ...(opts.users ? { users: opts.users } : {}),
    next_page: opts.last ? null : `${SUBDOMAIN}/tickets.json?page=${opts.page + 1}`,
    previous_page: opts.page > 1 ? `${SUBDOMAIN}/tickets.json?page=${opts.page - 1}` : null,
    count: 250,
  });
}

/** A cursor-based incremental export page (`GET /api/v2/incremental/tickets/cursor.json`). */
export function exportPage(tickets: unknown[], opts: { endOfStream: boolean; cursor: string; extra?: Record<string, unknown> }): string {
  return JSON.stringify({
    tickets,
    after_url: `${SUBDOMAIN}/incremental/tickets/cursor.json?cursor=${opts.cursor}`,
    after_cursor: opts.cursor,
    before_url: null,
    before_cursor: null,
    end_of_stream: opts.endOfStream,
    ...opts.extra,
  });
}

/** A side-loaded user. */
export function zdUser(id: number, name: string, role: 'end-user' | 'agent' | 'admin'): Record<string, unknown> {
  return { id, url: `${SUBDOMAIN}/users/${id}.json`, name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`, role, active: true, time_zone: 'Pacific Time (US & Canada)' };
}

/** A ticket metric event (`GET /api/v2/incremental/ticket_metric_events`). */
export function metricEvent(id: number, ticketId: number, metric: string, instanceId: number, type: string, time: string): Record<string, unknown> {
  return { id, ticket_id: ticketId, metric, instance_id: instanceId, type, time };
}

/** A ticket comment (nested in the ticket, as the account's JSON export has them). */
export function zdComment(id: number, authorId: number, createdAt: string, body: string, isPublic = true): Record<string, unknown> {
  return { id, type: 'Comment', author_id: authorId, body, html_body: `<p>${body}</p>`, plain_body: body, public: isPublic, attachments: [], audit_id: id + 1, via: { channel: 'web' }, created_at: createdAt, metadata: {} };
}
