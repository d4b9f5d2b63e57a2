import { compileRules, evaluate, macroNameOf, parseRules, type Item } from '@creator-desk/core';
import { diagnosticToProblem } from '../escalations/rules-routing.js';
import type { InputProblem } from '../readers/problems.js';
import type { SupportTicket } from './read-ticket-pages.js';
import type { ZendeskUser } from './zendesk-schema.js';

const HOUR = 3_600_000;

/** What the rules make of one ticket. */
export interface TicketClassification {
  category: string;
  /** The macro of the first matching rule that names one (`reply: 'macro: NAME'`). */
  macro?: string;
  /** The rule that set the category (line in the rules file, and its name). */
  rule?: { line: number; name?: string };
}

/** The category of a ticket no rule matched (with a rules file). */
export const OTHER_CATEGORY = 'other';

/** The names the report gives a ticket's people and group (side-loaded users and groups). */
export interface TicketDirectory {
  users: ReadonlyMap<number, ZendeskUser>;
  groups: ReadonlyMap<number, string>;
}

/**
 * A ticket as the rule language sees a `ticket` item: `body` is the description again (so `subject+body`
 * works as AutoModerator's `title+body`), `via` the channel, people and group by name when side-loaded.
 */
export function ticketItemForRules(t: SupportTicket, dir: TicketDirectory, now: Date): Item {
  const ageHours = (now.getTime() - t.createdAt.getTime()) / HOUR;
  const item: Item = {
    id: String(t.id),
    type: 'ticket',
    status: t.status,
    tags: t.tags,
    age_hours: ageHours,
    age_days: ageHours / 24,
    created_utc: t.createdAt.getTime() / 1000,
  };
  if (t.subject !== undefined) item.subject = t.subject;
  if (t.description !== undefined) {
    item.description = t.description;
    item.body = t.description;
  }
  if (t.priority !== undefined) item.priority = t.priority;
  if (t.channel !== undefined) item.via = t.channel;
  const requester = requesterName(t, dir);
  if (requester !== undefined) item.requester = requester;
  const assignee = t.assigneeId === undefined ? undefined : dir.users.get(t.assigneeId)?.name;
  if (assignee !== undefined) item.assignee = assignee;
  const group = t.groupId === undefined ? undefined : dir.groups.get(t.groupId);
  if (group !== undefined) item.group = group;
  return item;
}

/** The requester's name: the side-loaded user's, else the one on the ticket. */
export function requesterName(t: SupportTicket, dir: TicketDirectory): string | undefined {
  return (t.requesterId === undefined ? undefined : dir.users.get(t.requesterId)?.name) ?? t.requesterName;
}

// The fields ticketItemForRules can give a ticket; a check on any other field can never match.
const TICKET_ITEM_FIELDS: ReadonlySet<string> = new Set(['id', 'type', 'subject', 'description', 'body', 'status', 'priority', 'tags', 'via', 'requester', 'assignee', 'group', 'age_hours', 'age_days', 'created_utc']);

/**
 * Loads the support rules (`type: ticket`, `category:` and `reply: 'macro: NAME'`). Problems carry the
 * rules file's line; a rule that can never classify a ticket (another type, a field tickets lack, no
 * category or macro) is reported rather than left to silently match nothing.
 */
export function loadSupportRules(text: string, file: string): { classify: (t: SupportTicket, dir: TicketDirectory, now: Date) => TicketClassification; problems: InputProblem[]; rules: number } {
  const parsed = parseRules(text, { source: file });
  const problems: InputProblem[] = parsed.diagnostics.map((d) => {
    const field = d.undeclaredField;
    if (d.severity === 'warning' && field !== undefined && !TICKET_ITEM_FIELDS.has(field)) {
      return diagnosticToProblem({ ...d, severity: 'error', message: `'${field}' is not a field of a ticket (fields: ${[...TICKET_ITEM_FIELDS].join(', ')}), so this check never matches` }, file);
    }
    return diagnosticToProblem(d, file);
  });
  for (const r of parsed.rules) {
    const where = { file, line: r.line };
    if (!r.appliesTo.includes('ticket')) {
      problems.push({ ...where, severity: 'warning', message: `this rule is \`type: ${r.type}\`: only \`type: ticket\` rules classify support tickets` });
      continue;
    }
    const reply = r.actions.reply;
    if (reply !== undefined && macroNameOf(reply) === undefined) {
      problems.push({ ...where, severity: 'warning', message: "the report suggests macros, it sends no replies: write `reply: 'macro: NAME'` to name the macro to use" });
    }
    if (r.actions.category === undefined && reply === undefined) {
      problems.push({ ...where, severity: 'warning', message: "this rule has no `category:` and no `reply: 'macro: NAME'`, so it changes nothing in the support report" });
    }
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const compiled = compileRules(parsed.rules);
  const classify = (t: SupportTicket, dir: TicketDirectory, now: Date): TicketClassification => {
    const out: TicketClassification = { category: OTHER_CATEGORY };
    let categorised = false;
    // Decisions come in AutoModerator's order (priority, then file order): the first to say something wins.
    for (const d of evaluate(compiled, ticketItemForRules(t, dir, now), { now: now.getTime() })) {
      if (!categorised && d.actions.category !== undefined && d.actions.category.trim() !== '') {
        out.category = d.actions.category.trim();
        out.rule = { line: d.line, ...(d.name !== undefined ? { name: d.name } : {}) };
        categorised = true;
      }
      const macro = d.actions.reply === undefined ? undefined : macroNameOf(d.actions.reply);
      if (out.macro === undefined && macro !== undefined) out.macro = macro;
    }
    return out;
  };
  return { classify, problems, rules: parsed.rules.length };
}
