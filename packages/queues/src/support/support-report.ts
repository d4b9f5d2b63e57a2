import { formatMinutes, parseDurationMinutes } from '../readers/duration.js';
import type { QueueModuleReport } from '../report/queue-module.js';
import { id, plain, section, user, type Cell } from '../report/section.js';
import { rowTime } from '../report/sections.js';
import { requesterName, type TicketDirectory } from './support-rules.js';
import type { SupportSettings } from './support-settings.js';
import type { CategoryCount, SupportWorkItem, SupportWorklist } from './support-worklist.js';
import type { TicketMetricClock } from './ticket-sla.js';

const METRIC_LABEL: Record<TicketMetricClock['metric'], string> = { first_reply: 'first reply', next_reply: 'next reply', requester_wait: 'requester wait' };

const WORK_COLUMNS = ['id', 'category', 'priority', 'metric', 'breach at', 'left', 'suggested macro', 'subject'];

function workRow(e: SupportWorkItem, breached: boolean, timeZone: string): Cell[] {
  const left = e.clock.remainingMinutes;
  const hours = e.clock.hours === 'business' ? ' (business)' : '';
  const p = e.ticket.priority;
  return [
    id(String(e.ticket.id)),
    user(e.classification.category),
    plain(p ?? '—', p === 'urgent' || p === 'high' ? 'bold' : undefined),
    plain(e.clock.paused ? `${METRIC_LABEL[e.clock.metric]} (paused)` : METRIC_LABEL[e.clock.metric]),
    plain(rowTime(e.clock.breachAt, timeZone)),
    breached ? plain(`${formatMinutes(-left)} over${hours}`, 'red') : plain(`${formatMinutes(left)} left${hours}`, 'yellow'),
    e.classification.macro === undefined ? plain('—', 'dim') : user(e.classification.macro),
    user(e.ticket.subject ?? '(no subject)'),
  ];
}

const count = (n: number, tone: Cell['tone']): Cell => plain(String(n), n ? tone : undefined);

const categoryRow = (c: CategoryCount): Cell[] => [user(c.category), plain(String(c.open)), count(c.breached, 'red'), count(c.dueSoon, 'yellow'), plain(String(c.solved), 'dim')];

const iso = (d: Date | undefined): string | null => (d ? d.toISOString() : null);

function clockJson(c: TicketMetricClock): Record<string, unknown> {
  return {
    metric: c.metric,
    state: c.state,
    source: c.source,
    started_at: iso(c.startedAt),
    warn_at: iso(c.warnAt),
    breach_at: iso(c.breachAt),
    remaining_minutes: c.remainingMinutes,
    target_minutes: c.targetMinutes,
    hours: c.hours,
    due_soon: c.dueSoon,
    paused: c.paused,
  };
}

function workJson(e: SupportWorkItem): Record<string, unknown> {
  return { id: e.ticket.id, category: e.classification.category, priority: e.ticket.priority ?? null, subject: e.ticket.subject ?? null, macro: e.classification.macro ?? null, ...clockJson(e.clock) };
}

/** `1 ticket`, `2 tickets`. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The support queue's part of the report (sections, JSON, headline) from its worklist. */
export function supportReport(w: SupportWorklist, dir: TicketDirectory, settings: SupportSettings | undefined, timeZone: string, rest: Pick<QueueModuleReport, 'problems' | 'notes' | 'inputs'>): QueueModuleReport {
  const noSla = settings ? undefined : 'no SLAs: the support settings have errors';
  return {
    name: 'support',
    sections: (limit) => [
      section('Support tickets — breached', WORK_COLUMNS, w.breached, (e) => workRow(e, true, timeZone), limit, noSla ?? 'no support ticket breached', ['subject', 'suggested macro', 'category']),
      section('Support tickets — due soon', WORK_COLUMNS, w.dueSoon, (e) => workRow(e, false, timeZone), limit, noSla ?? 'no support ticket due soon', ['subject', 'suggested macro', 'category']),
      section('Support by category', ['category', 'open', 'breached', 'due soon', 'solved'], w.byCategory, categoryRow, Number.POSITIVE_INFINITY, 'no support tickets'),
    ],
    json: {
      breached: w.breached.map(workJson),
      due_soon: w.dueSoon.map(workJson),
      by_category: w.byCategory.map((c) => ({ category: c.category, open: c.open, breached: c.breached, due_soon: c.dueSoon, solved: c.solved })),
      tickets: w.tickets.map(({ ticket: t, classification, clocks }) => ({
        id: t.id,
        subject: t.subject ?? null,
        status: t.status,
        priority: t.priority ?? null,
        tags: t.tags,
        via: t.channel ?? null,
        requester: requesterName(t, dir) ?? null,
        created_at: t.createdAt.toISOString(),
        updated_at: t.updatedAt.toISOString(),
        category: classification.category,
        macro: classification.macro ?? null,
        rule: classification.rule ?? null,
        clocks: clocks.map(clockJson),
        source: `${t.file} ${t.path}`,
      })),
      settings: settings
        ? { hours: settings.hours ?? (settings.calendar ? 'business' : 'calendar'), due_soon_minutes: parseDurationMinutes(settings.due_soon) ?? null, time_zone: settings.calendar?.timeZone ?? null }
        : null,
    },
    headline: [`${plural(w.breachedTickets, 'support ticket', 'support tickets')} breached, ${w.dueSoonTickets} due soon`],
    ...rest,
  };
}
