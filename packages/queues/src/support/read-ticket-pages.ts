import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { InputProblem } from '../readers/problems.js';
import {
  zendeskCommentSchema,
  zendeskGroupSchema,
  zendeskMetricEventSchema,
  zendeskPageSchema,
  zendeskTicketSchema,
  zendeskUserSchema,
  type TicketPriority,
  type TicketStatus,
  type ZendeskComment,
  type ZendeskMetricEvent,
  type ZendeskPage,
  type ZendeskTicket,
  type ZendeskUser,
} from './zendesk-schema.js';
import { jsonPath, zodProblems } from './zod-problem.js';

/** A ticket as the support queue works with it: the Zendesk fields it reads, and where it came from. */
export interface SupportTicket {
  id: number;
  subject: string | undefined;
  description: string | undefined;
  status: TicketStatus;
  priority: TicketPriority | undefined;
  tags: string[];
  channel: string | undefined;
  requesterId: number | undefined;
  /** The name the ticket itself carries (`requester: {name}`), when it does. */
  requesterName: string | undefined;
  assigneeId: number | undefined;
  groupId: number | undefined;
  createdAt: Date;
  updatedAt: Date;
  /** Its comments in time order; undefined when the export has none for it (not: it has no comments). */
  comments: ZendeskComment[] | undefined;
  /** `support-tickets-1.json` and `tickets[3]`. */
  file: string;
  path: string;
}

/** What one file was. */
export type PageKind = 'list page' | 'incremental export page' | 'metric events page' | 'ticket';

/** Everything read from the support files. */
export interface TicketPages {
  /** One version of each ticket (the latest `updated_at`), in id order. */
  tickets: SupportTicket[];
  /** Metric events by ticket id, in time order (each event id once). */
  events: Map<number, ZendeskMetricEvent[]>;
  users: Map<number, ZendeskUser>;
  groups: Map<number, string>;
  problems: InputProblem[];
  inputs: { file: string; kind: string; records: number }[];
}

const FUTURE_SLACK_MS = 5 * 60_000;

/** The file order pages are read in: `-2` before `-10`, as an export tool numbers them. */
export function pageOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function kindOf(page: ZendeskPage): PageKind {
  if (page.end_of_stream !== undefined || page.after_cursor !== undefined || page.after_url !== undefined || page.end_time !== undefined) {
    return page.tickets === undefined && page.ticket_metric_events !== undefined ? 'metric events page' : 'incremental export page';
  }
  if (page.tickets === undefined && page.ticket !== undefined) return 'ticket';
  if (page.tickets === undefined && page.ticket_metric_events !== undefined) return 'metric events page';
  return 'list page';
}

function supportTicket(t: ZendeskTicket, comments: ZendeskComment[] | undefined, file: string, path: string): SupportTicket {
  const channel = t.via?.channel;
  return {
    id: t.id,
    subject: t.subject ?? undefined,
    description: t.description ?? undefined,
    status: t.status,
    priority: t.priority ?? undefined,
    tags: t.tags,
    channel: channel === undefined ? undefined : String(channel),
    requesterId: t.requester_id ?? undefined,
    requesterName: t.requester?.name,
    assigneeId: t.assignee_id ?? undefined,
    groupId: t.group_id ?? undefined,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
    comments,
    file,
    path,
  };
}

interface Version {
  ticket: SupportTicket;
  /** A hash of the record as exported, to tell a repeat from a conflicting version (not the text: 100,000 tickets). */
  hash: number;
}

/** cyrb53: a 53-bit string hash, enough to tell two versions of one ticket apart. */
function hashText(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Reads Zendesk pages — list-endpoint pages, incremental export pages, metric event pages, a single
 * ticket — in file order. A ticket seen twice keeps its version with the later `updated_at` (the later
 * page's on a tie, with a warning when the two differ). Every bad record is a problem at its JSON path.
 */
export function readTicketPages(files: readonly { name: string; path: string }[], now?: Date): TicketPages {
  // As the other readers: a time well after the report's now is a clock or export error, not a ticket.
  const latest = now === undefined ? Number.POSITIVE_INFINITY : now.getTime() + FUTURE_SLACK_MS;
  const ordered = [...files].sort((a, b) => pageOrder(a.name, b.name));
  const problems: InputProblem[] = [];
  const inputs: TicketPages['inputs'] = [];
  const versions = new Map<number, Version>();
  const eventsById = new Map<number, ZendeskMetricEvent>();
  const users = new Map<number, ZendeskUser>();
  const groups = new Map<number, string>();
  let lastIncremental: { file: string; page: ZendeskPage } | undefined;
  let lastList: { file: string; page: ZendeskPage } | undefined;
  let lastEvents: { file: string; page: ZendeskPage } | undefined;

  for (const f of ordered) {
    // Problems and inputs name the file by its path, as the review and staging readers do.
    const file = f.path;
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(f.path, 'utf8'));
    } catch (err) {
      problems.push({ file: file, severity: 'error', message: `not readable as JSON: ${(err as Error).message}` });
      inputs.push({ file: file, kind: 'unreadable', records: 0 });
      continue;
    }
    const page = zendeskPageSchema.safeParse(doc);
    if (!page.success || Array.isArray(doc)) {
      const message = Array.isArray(doc)
        ? 'expected a Zendesk page (an object with `tickets`), got a bare array: save the API response as it came'
        : page.error?.issues.map((i) => `${jsonPath(i.path) || '(top level)'}: ${i.message}`).join('; ') ?? 'expected a Zendesk page';
      problems.push({ file: file, severity: 'error', message });
      inputs.push({ file: file, kind: 'unreadable', records: 0 });
      continue;
    }
    const p = page.data;
    if (p.tickets === undefined && p.ticket === undefined && p.ticket_metric_events === undefined) {
      problems.push({ file: file, severity: 'error', message: 'not a Zendesk tickets page: expected `tickets` (list or incremental export), `ticket` or `ticket_metric_events`' });
      inputs.push({ file: file, kind: 'unreadable', records: 0 });
      continue;
    }
    const kind = kindOf(p);
    if (kind === 'incremental export page') lastIncremental = { file: file, page: p };
    if (kind === 'list page' && p.tickets !== undefined) lastList = { file: file, page: p };
    if (kind === 'metric events page') lastEvents = { file: file, page: p };

    const records: [unknown, string, number | undefined][] = p.tickets !== undefined ? p.tickets.map((t, i) => [t, 'tickets', i]) : p.ticket !== undefined ? [[p.ticket, 'ticket', undefined]] : [];
    let read = 0;
    for (const [raw, key, index] of records) {
      const base = index === undefined ? [key] : [key, index];
      const row = index === undefined ? undefined : index + 1;
      const t = zendeskTicketSchema.safeParse(raw);
      if (!t.success) {
        problems.push(...zodProblems(t.error, raw, file, base, 'error', row));
        continue;
      }
      const future = (['created_at', 'updated_at'] as const).filter((k) => t.data[k].getTime() > latest);
      if (future.length > 0) {
        for (const k of future) {
          problems.push({ file: file, field: jsonPath([...base, k]), ...(row === undefined ? {} : { row }), severity: 'error', message: `${t.data[k].toISOString()} is after the report's now (${now?.toISOString() ?? ''}): a clock or export error` });
        }
        continue;
      }
      read++;
      const comments = readComments(t.data.comments, file, jsonPath(base), row, problems);
      const path = jsonPath(base);
      const next: Version = { ticket: supportTicket(t.data, comments, file, path), hash: hashText(JSON.stringify(raw)) };
      const seen = versions.get(t.data.id);
      if (!seen) versions.set(t.data.id, next);
      else {
        const a = seen.ticket.updatedAt.getTime();
        const b = next.ticket.updatedAt.getTime();
        if (b === a && seen.hash !== next.hash) {
          problems.push({
            file: file,
            field: path,
            ...(row === undefined ? {} : { row }),
            severity: 'warning',
            message: `ticket ${t.data.id} is also at ${basename(seen.ticket.file)} ${seen.ticket.path} with the same updated_at (${next.ticket.updatedAt.toISOString()}) but different content; this later page's version is used`,
          });
        }
        if (b >= a) versions.set(t.data.id, next);
      }
    }

    (p.ticket_metric_events ?? []).forEach((raw, i) => {
      const e = zendeskMetricEventSchema.safeParse(raw);
      if (!e.success) problems.push(...zodProblems(e.error, raw, file, ['ticket_metric_events', i], 'error', i + 1));
      else if (e.data.time.getTime() > latest) {
        problems.push({ file: file, field: `ticket_metric_events[${i}].time`, row: i + 1, severity: 'error', message: `${e.data.time.toISOString()} is after the report's now (${now?.toISOString() ?? ''}): a clock or export error` });
      } else eventsById.set(e.data.id, e.data);
    });
    (p.users ?? []).forEach((raw, i) => {
      const u = zendeskUserSchema.safeParse(raw);
      if (!u.success) problems.push(...zodProblems(u.error, raw, file, ['users', i], 'warning', i + 1));
      else users.set(u.data.id, u.data);
    });
    (p.groups ?? []).forEach((raw, i) => {
      const g = zendeskGroupSchema.safeParse(raw);
      if (!g.success) problems.push(...zodProblems(g.error, raw, file, ['groups', i], 'warning', i + 1));
      else groups.set(g.data.id, g.data.name);
    });
    const eventCount = p.ticket_metric_events?.length ?? 0;
    const what = records.length > 0 && eventCount > 0 ? 'tickets and metric events' : eventCount > 0 ? 'metric events' : 'tickets';
    inputs.push({ file: file, kind: `${what} (Zendesk ${kind})`, records: read + eventCount });
  }

  if (lastIncremental && lastIncremental.page.end_of_stream !== true) {
    const more = lastIncremental.page.after_url ?? lastIncremental.page.next_page;
    problems.push({
      file: lastIncremental.file,
      field: 'end_of_stream',
      severity: 'warning',
      message: `export may be incomplete: the last incremental export page has no \`end_of_stream: true\`${more ? ` (the next page is ${more})` : ''}`,
    });
  }
  // The metric events export says `end_of_stream: false` while more pages follow (older exports say nothing).
  if (lastEvents?.page.end_of_stream === false) {
    problems.push({ file: lastEvents.file, field: 'end_of_stream', severity: 'warning', message: `metric events may be incomplete: the last metric events page has \`end_of_stream: false\`${lastEvents.page.next_page ? ` (the next page is ${lastEvents.page.next_page})` : ''}` });
  }
  if (lastList?.page.next_page) {
    problems.push({ file: lastList.file, field: 'next_page', severity: 'warning', message: `the ticket list may be incomplete: the last list page has a next_page (${lastList.page.next_page})` });
  }

  const events = new Map<number, ZendeskMetricEvent[]>();
  for (const e of eventsById.values()) {
    const list = events.get(e.ticket_id);
    if (list) list.push(e);
    else events.set(e.ticket_id, [e]);
  }
  for (const list of events.values()) list.sort((a, b) => a.time.getTime() - b.time.getTime() || a.id - b.id);
  const tickets = [...versions.values()].map((v) => v.ticket).sort((a, b) => a.id - b.id);
  return { tickets, events, users, groups, problems, inputs };
}

function readComments(raw: unknown[] | undefined, file: string, base: string, row: number | undefined, problems: InputProblem[]): ZendeskComment[] | undefined {
  if (raw === undefined) return undefined;
  const out: ZendeskComment[] = [];
  raw.forEach((c, i) => {
    const r = zendeskCommentSchema.safeParse(c);
    if (r.success) out.push(r.data);
    // `base` is already a path (`tickets[3]`): jsonPath writes a leading string as it is
    else problems.push(...zodProblems(r.error, c, file, [base, 'comments', i], 'error', row));
  });
  return out.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
}
