import type { StatusChange } from '@creator-desk/core';
import type { SupportTicket } from './read-ticket-pages.js';
import { SUPPORT_METRICS, type SupportMetric } from './support-settings.js';
import type { ZendeskComment, ZendeskMetricEvent, ZendeskUser } from './zendesk-schema.js';

/** Where a metric's clock is at one moment. */
export type ClockState = 'idle' | 'running' | 'paused' | 'done';

/** How a metric's clock was derived. */
export type ClockSource = 'metric events' | 'comments' | 'status';

/** The clocks of one ticket, as a history the core SLA clock reads (one composite status per change). */
export interface TicketClocks {
  history: StatusChange[];
  /** Per metric, what its clock was derived from; absent: not derivable from this export. */
  sources: Partial<Record<SupportMetric, ClockSource>>;
}

/** The composite status of a history entry: `first_reply=running;next_reply=idle;requester_wait=paused`. */
export function clockStatus(states: Record<SupportMetric, ClockState>): string {
  return SUPPORT_METRICS.map((m) => `${m}=${states[m]}`).join(';');
}

/** True when a composite status has `metric` in `state` (what the policy's conditions test). */
export function hasClockState(status: unknown, metric: string, state: string): boolean {
  return typeof status === 'string' && `;${status};`.includes(`;${metric}=${state};`);
}

interface Change {
  at: Date;
  metric: SupportMetric;
  state: ClockState;
}

const EVENT_STATE: Partial<Record<ZendeskMetricEvent['type'], ClockState>> = { activate: 'running', pause: 'paused', fulfill: 'done' };

/**
 * Zendesk's own clock events: `reply_time` instance 1 is the first reply, instances 2+ the next replies
 * (each a new instance), `requester_wait_time` the requester's wait. A wait fulfilled (solved) and
 * activated again (reopened) counts on — Zendesk's requester wait time is the total — so such a fulfil is
 * a pause.
 */
function eventChanges(events: readonly ZendeskMetricEvent[]): Partial<Record<SupportMetric, Change[]>> {
  const out: Partial<Record<SupportMetric, Change[]>> = {};
  const push = (metric: SupportMetric, c: Change): void => {
    (out[metric] ??= []).push(c);
  };
  for (const e of events) {
    const state = EVENT_STATE[e.type];
    if (state === undefined) continue;
    if (e.metric === 'reply_time') {
      const metric: SupportMetric = e.instance_id <= 1 ? 'first_reply' : 'next_reply';
      push(metric, { at: e.time, metric, state });
    } else if (e.metric === 'requester_wait_time') push('requester_wait', { at: e.time, metric: 'requester_wait', state });
  }
  const wait = out.requester_wait;
  if (wait) {
    for (let i = 0; i < wait.length; i++) {
      const c = wait[i] as Change;
      if (c.state === 'done' && wait.slice(i + 1).some((l) => l.state === 'running')) wait[i] = { ...c, state: 'paused' };
    }
  }
  return out;
}

/**
 * An agent: a side-loaded user with role agent or admin; without the user, anyone but the requester
 * (Zendesk's own test is the author's role).
 */
function isAgent(authorId: number, ticket: SupportTicket, users: ReadonlyMap<number, ZendeskUser>): boolean {
  const role = users.get(authorId)?.role;
  if (role !== undefined) return role !== 'end-user';
  return ticket.requesterId === undefined ? false : authorId !== ticket.requesterId;
}

/**
 * Reply clocks from public comments, as Zendesk measures them: the first reply is the first public agent
 * comment after the ticket's opening comment; a next reply runs from the oldest end-user comment not yet
 * answered to the next public agent comment.
 */
function commentChanges(ticket: SupportTicket, comments: readonly ZendeskComment[], users: ReadonlyMap<number, ZendeskUser>): Change[] {
  const out: Change[] = [{ at: ticket.createdAt, metric: 'first_reply', state: 'running' }];
  let replied = false;
  let waiting = false;
  comments.forEach((c, i) => {
    if (!c.public || i === 0) return;
    if (isAgent(c.author_id, ticket, users)) {
      if (!replied) out.push({ at: c.created_at, metric: 'first_reply', state: 'done' });
      else if (waiting) out.push({ at: c.created_at, metric: 'next_reply', state: 'done' });
      replied = true;
      waiting = false;
    } else if (replied && !waiting) {
      out.push({ at: c.created_at, metric: 'next_reply', state: 'running' });
      waiting = true;
    }
  });
  return out;
}

/**
 * The requester's wait from the ticket's status alone (an export without metric events carries no status
 * history): waiting since creation, paused from the last update if the ticket is now pending. On-hold
 * counts as waiting, as in Zendesk.
 */
function statusChanges(ticket: SupportTicket): Change[] {
  const out: Change[] = [{ at: ticket.createdAt, metric: 'requester_wait', state: 'running' }];
  if (ticket.status === 'pending') out.push({ at: ticket.updatedAt, metric: 'requester_wait', state: 'paused' });
  return out;
}

/**
 * The clock history of an open ticket: each metric from its metric events when the export has them,
 * else the reply metrics from comments (a `new` ticket without comments has had no reply) and the wait
 * from the status. Solved and closed tickets have nothing left to clock (the caller skips them).
 */
export function ticketClocks(ticket: SupportTicket, events: readonly ZendeskMetricEvent[], users: ReadonlyMap<number, ZendeskUser>): TicketClocks {
  const fromEvents = eventChanges(events);
  const sources: TicketClocks['sources'] = {};
  const changes: Change[] = [];
  const take = (metric: SupportMetric, list: readonly Change[], source: ClockSource): void => {
    changes.push(...list.filter((c) => c.metric === metric));
    sources[metric] = source;
  };
  const fromComments = ticket.comments ? commentChanges(ticket, ticket.comments, users) : undefined;
  for (const metric of ['first_reply', 'next_reply'] as const) {
    const own = fromEvents[metric];
    if (own) take(metric, own, 'metric events');
    else if (fromComments) take(metric, fromComments, 'comments');
    else if (metric === 'first_reply' && ticket.status === 'new') take(metric, [{ at: ticket.createdAt, metric, state: 'running' }], 'status');
  }
  if (fromEvents.requester_wait) take('requester_wait', fromEvents.requester_wait, 'metric events');
  else take('requester_wait', statusChanges(ticket), 'status');

  changes.sort((a, b) => a.at.getTime() - b.at.getTime());
  const states: Record<SupportMetric, ClockState> = { first_reply: 'idle', next_reply: 'idle', requester_wait: 'idle' };
  const history: StatusChange[] = [{ status: clockStatus(states), at: ticket.createdAt }];
  for (const c of changes) {
    states[c.metric] = c.state;
    // One entry per change, even at one instant: a next reply fulfilled and another activated at once stay two.
    history.push({ status: clockStatus(states), at: c.at });
  }
  return { history, sources };
}
