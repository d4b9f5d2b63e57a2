import type { SlaPolicySet } from '@creator-desk/core';
import type { InputProblem } from '../readers/problems.js';
import type { SupportTicket, TicketPages } from './read-ticket-pages.js';
import type { TicketClassification, TicketDirectory } from './support-rules.js';
import { ticketSla, type TicketMetricClock } from './ticket-sla.js';

/** A ticket with its category, suggested macro and open SLA clocks. */
export interface ClassifiedTicket {
  ticket: SupportTicket;
  classification: TicketClassification;
  clocks: TicketMetricClock[];
}

/** One row of the worklist: a metric of a ticket that is breached or due soon. */
export interface SupportWorkItem {
  ticket: SupportTicket;
  classification: TicketClassification;
  clock: TicketMetricClock;
}

/** Tickets per category. */
export interface CategoryCount {
  category: string;
  open: number;
  breached: number;
  dueSoon: number;
  solved: number;
}

/** The support queue at `now`. */
export interface SupportWorklist {
  tickets: ClassifiedTicket[];
  breached: SupportWorkItem[];
  dueSoon: SupportWorkItem[];
  byCategory: CategoryCount[];
  /** Tickets with a breached / due-soon metric (a ticket counts once). */
  breachedTickets: number;
  dueSoonTickets: number;
  problems: InputProblem[];
  /** Open tickets whose reply clocks this export cannot show (no comments, no metric events, not new). */
  unclockedReplies: number;
  deleted: number;
}

const OPEN = new Set(['new', 'open', 'pending', 'hold']);

/** Whether Zendesk counts the ticket as still being worked (new, open, pending, on-hold). */
export function isOpenTicket(t: SupportTicket): boolean {
  return OPEN.has(t.status);
}

const byBreach = (a: SupportWorkItem, b: SupportWorkItem): number =>
  (a.clock.breachAt?.getTime() ?? 0) - (b.clock.breachAt?.getTime() ?? 0) || a.ticket.id - b.ticket.id;

/**
 * Classifies every ticket and clocks the open ones: a metric is breached once its target has passed (paused
 * or not), due soon once its warning instant has passed while it still runs. Solved and closed tickets
 * count in their category only; deleted ones (incremental export) not at all.
 */
export function supportWorklist(
  pages: TicketPages,
  classify: (t: SupportTicket) => TicketClassification,
  policies: SlaPolicySet | undefined,
  dir: TicketDirectory,
  now: Date,
): SupportWorklist {
  const tickets: ClassifiedTicket[] = [];
  const breached: SupportWorkItem[] = [];
  const dueSoon: SupportWorkItem[] = [];
  const counts = new Map<string, CategoryCount>();
  const problems: InputProblem[] = [];
  let unclockedReplies = 0;
  let deleted = 0;
  for (const ticket of pages.tickets) {
    if (ticket.status === 'deleted') {
      deleted++;
      continue;
    }
    const classification = classify(ticket);
    let clocks: TicketMetricClock[] = [];
    if (policies && isOpenTicket(ticket)) {
      const sla = ticketSla(policies, ticket, pages.events.get(ticket.id) ?? [], dir.users, now);
      if (sla.error) problems.push({ file: ticket.file, field: ticket.path, severity: 'error', message: `ticket ${ticket.id}: its SLA could not be computed: ${sla.error}` });
      clocks = sla.clocks;
      if (!pages.events.has(ticket.id) && ticket.comments === undefined && ticket.status !== 'new') unclockedReplies++;
    }
    tickets.push({ ticket, classification, clocks });
    const c = counts.get(classification.category) ?? { category: classification.category, open: 0, breached: 0, dueSoon: 0, solved: 0 };
    counts.set(classification.category, c);
    if (!isOpenTicket(ticket)) {
      c.solved++;
      continue;
    }
    c.open++;
    const late = clocks.filter((k) => k.state === 'breached');
    const soon = clocks.filter((k) => k.state === 'active' && k.dueSoon);
    for (const clock of late) breached.push({ ticket, classification, clock });
    for (const clock of soon) dueSoon.push({ ticket, classification, clock });
    if (late.length > 0) c.breached++;
    else if (soon.length > 0) c.dueSoon++;
  }
  breached.sort(byBreach);
  dueSoon.sort(byBreach);
  const breachedIds = new Set(breached.map((e) => e.ticket.id));
  const byCategory = [...counts.values()].sort((a, b) => b.open - a.open || b.breached - a.breached || a.category.localeCompare(b.category));
  return {
    tickets,
    breached,
    dueSoon,
    byCategory,
    breachedTickets: breachedIds.size,
    // a ticket already breached on one metric is counted as breached, not also as due soon
    dueSoonTickets: new Set(dueSoon.filter((e) => !breachedIds.has(e.ticket.id)).map((e) => e.ticket.id)).size,
    problems,
    unclockedReplies,
    deleted,
  };
}
