import { readFileSync } from 'node:fs';
import type { SlaPolicySet } from '@creator-desk/core';
import { isMap, parseDocument } from 'yaml';
import { formatMinutes } from '../readers/duration.js';
import type { InputProblem } from '../readers/problems.js';
import { readModuleSettings, type QueueModule, type QueueModuleContext, type QueueModuleReport } from '../report/queue-module.js';
import { id, plain, section, user, type Cell } from '../report/section.js';
import { rowTime } from '../report/sections.js';
import { readTicketPages, type SupportTicket } from './read-ticket-pages.js';
import { loadSupportRules, requesterName, type TicketClassification, type TicketDirectory } from './support-rules.js';
import { supportSettingsSchema, type SupportSettings } from './support-settings.js';
import { supportWorklist, type CategoryCount, type SupportWorkItem, type SupportWorklist } from './support-worklist.js';
import { supportPolicySet, type TicketMetricClock } from './ticket-sla.js';

/** The support rules file of the report directory. */
export const SUPPORT_RULES_FILE = /^support-rules\.ya?ml$/i;

/** The category of every ticket when there is no rules file. */
export const UNCATEGORISED = 'uncategorised';

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
    plain(e.clock.state === 'paused' ? `${METRIC_LABEL[e.clock.metric]} (paused)` : METRIC_LABEL[e.clock.metric]),
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
  };
}

function workJson(e: SupportWorkItem): Record<string, unknown> {
  return { id: e.ticket.id, category: e.classification.category, priority: e.ticket.priority ?? null, subject: e.ticket.subject ?? null, macro: e.classification.macro ?? null, ...clockJson(e.clock) };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The support queue's part of the report from its worklist. */
function supportReport(w: SupportWorklist, dir: TicketDirectory, settings: SupportSettings | undefined, timeZone: string, rest: Pick<QueueModuleReport, 'problems' | 'notes' | 'inputs'>): QueueModuleReport {
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
        ? { hours: settings.hours ?? (settings.calendar ? 'business' : 'calendar'), due_soon_minutes: settings.due_soon, time_zone: settings.calendar?.timeZone ?? null }
        : null,
    },
    headline: [`${plural(w.breachedTickets, 'support ticket', 'support tickets')} breached, ${w.dueSoonTickets} due soon`],
    ...rest,
  };
}

function hasSupportKey(text: string | undefined): boolean {
  if (text === undefined) return false;
  const doc = parseDocument(text);
  return isMap(doc.contents) && doc.contents.has('support');
}

/** Reads the support files of the directory into the support part of the report. */
export function buildSupport(ctx: QueueModuleContext): QueueModuleReport {
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  const settingsRead = readModuleSettings(ctx, 'support', supportSettingsSchema);
  problems.push(...settingsRead.problems);
  const settingsFile = ctx.settings?.file ?? 'creator-desk.yaml';

  const rulesFile = ctx.files.find((f) => SUPPORT_RULES_FILE.test(f.name));
  const pageFiles = ctx.files.filter((f) => !SUPPORT_RULES_FILE.test(f.name));
  const pages = readTicketPages(pageFiles, ctx.now);
  problems.push(...pages.problems);
  const inputs = [...pages.inputs];
  const dir: TicketDirectory = { users: pages.users, groups: pages.groups };

  let classify: (t: SupportTicket) => TicketClassification = () => ({ category: UNCATEGORISED });
  if (rulesFile) {
    let text: string | undefined;
    try {
      text = readFileSync(rulesFile.path, 'utf8');
    } catch (err) {
      problems.push({ file: rulesFile.name, severity: 'error', message: `cannot read the support rules: ${(err as Error).message}` });
    }
    if (text !== undefined) {
      const rules = loadSupportRules(text, rulesFile.name);
      problems.push(...rules.problems);
      inputs.push({ file: rulesFile.name, kind: 'support rules', records: rules.rules });
      classify = (t) => rules.classify(t, dir, ctx.now);
    }
  } else if (pages.tickets.length > 0) {
    notes.push(`no support-rules.yaml: every support ticket is "${UNCATEGORISED}" and no macro is suggested`);
  }

  let settings: SupportSettings | undefined;
  let policies: SlaPolicySet | undefined;
  if (settingsRead.ok) {
    settings = settingsRead.value;
    const set = supportPolicySet(settings, settingsFile, ctx.settings?.text);
    problems.push(...set.problems);
    policies = set.policies.policies.length > 0 ? set.policies : undefined;
    if (!hasSupportKey(ctx.settings?.text)) notes.push('no `support:` in creator-desk.yaml: support SLAs use the default targets in calendar hours (first reply 8h for normal priority)');
  } else notes.push('support SLAs not computed: the `support:` settings have errors');

  const w = supportWorklist(pages, classify, policies, dir, ctx.now);
  problems.push(...w.problems);
  if (w.unclockedReplies > 0) notes.push(`${plural(w.unclockedReplies, 'open support ticket has', 'open support tickets have')} neither comments nor metric events: first and next reply are not clocked for them`);
  if (w.deleted > 0) notes.push(`${plural(w.deleted, 'deleted ticket', 'deleted tickets')} in the incremental export left out`);
  return supportReport(w, dir, settings, ctx.timeZone, { problems, notes, inputs });
}

/** The support (Zendesk) queue: ticket pages and the rules that classify them. */
export const supportModule: QueueModule = {
  name: 'support',
  files: /^(?:(?:support|tickets)[\w.-]*\.json|support-rules\.ya?ml)$/i,
  settingsKey: 'support',
  build: buildSupport,
};
