import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_SUPPORT_RULES, EXAMPLE_SUPPORT_SETTINGS, generateSupportExample } from '../../../../scripts/examples/support.js';
import { coreLoaders } from '../../src/report/core-loaders.js';
import { reportToJson } from '../../src/report/format-json.js';
import { reportToMarkdown } from '../../src/report/format-markdown.js';
import type { QueueModuleContext } from '../../src/report/queue-module.js';
import { reportFromDir } from '../../src/report/report-from-dir.js';
import { buildSupport } from '../../src/support/support-module.js';
import { tempDir } from '../helpers/temp-dir.js';
import { exportPage, listPage, metricEvent, zdTicket } from './zendesk-fixtures.js';

const now = new Date('2026-02-18T20:30:00Z'); // Wednesday 12:30 PST

const SETTINGS = `now: 2026-02-18T20:30:00Z
support:
  calendar:
    timeZone: America/Los_Angeles
    hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] }
  due_soon: 45m
  targets:
    first_reply: { urgent: 1h, high: 2h, normal: 4h, default: 4h }
    requester_wait: { normal: 24h, default: 24h }
`;

const RULES = `type: ticket
subject+body (regex): ['persona', 'selfie']
category: identity-false-positive
reply: "macro: persona-false-positive"
---
type: ticket
subject+body: [payout]
category: payout
reply: "macro: payout-timing"
`;

// Wednesday: a Persona ticket at 08:00 PST (clock from 09:00: 4 h → 13:00, due soon from 12:15),
// an urgent payout at 09:00 (1 h → breached at 10:00), an answered one, a solved one.
const PAGE_1 = listPage(
  [
    zdTicket(101, { subject: 'Persona rejected my selfie', description: 'Persona says my selfie does not match', created_at: '2026-02-18T16:00:00Z', updated_at: '2026-02-18T16:00:00Z' }),
    zdTicket(102, { subject: 'Payout <b>missing</b> | @here', description: 'My payout is missing', priority: 'urgent', created_at: '2026-02-18T17:00:00Z', updated_at: '2026-02-18T17:00:00Z' }),
  ],
  { page: 1, last: false },
);
const PAGE_2 = listPage(
  [
    zdTicket(103, { subject: 'Selfie check', status: 'open', created_at: '2026-02-18T17:00:00Z', updated_at: '2026-02-18T18:00:00Z' }),
    zdTicket(104, { subject: 'Payout question', status: 'solved', created_at: '2026-02-17T17:00:00Z', updated_at: '2026-02-17T19:00:00Z' }),
    zdTicket(105, { subject: 'Shop name', status: 'open', created_at: '2026-02-18T17:00:00Z', updated_at: '2026-02-18T17:00:00Z' }),
  ],
  { page: 2, last: true },
);
// 103 was answered at 10:00 PST; its metric events say so.
const EVENTS = JSON.stringify({
  ticket_metric_events: [
    metricEvent(1, 103, 'reply_time', 1, 'activate', '2026-02-18T17:00:00Z'),
    metricEvent(2, 103, 'reply_time', 1, 'fulfill', '2026-02-18T18:00:00Z'),
    metricEvent(3, 103, 'requester_wait_time', 1, 'activate', '2026-02-18T17:00:00Z'),
  ],
  next_page: null,
  count: 3,
  end_time: 1771444800,
  end_of_stream: true,
});

function ctxOf(files: Record<string, string>): QueueModuleContext {
  const dir = tempDir(files);
  const names = Object.keys(files).filter((n) => n !== 'creator-desk.yaml').sort();
  const settings = files['creator-desk.yaml'];
  return { dir, files: names.map((name) => ({ name, path: join(dir, name) })), now, timeZone: 'America/Los_Angeles', ...(settings ? { settings: { text: settings, file: join(dir, 'creator-desk.yaml') } } : {}) };
}

describe('the support queue module', () => {
  const files = { 'creator-desk.yaml': SETTINGS, 'support-rules.yaml': RULES, 'support-tickets-1.json': PAGE_1, 'support-tickets-2.json': PAGE_2, 'support-metric-events.json': EVENTS };

  it('lists breached and due-soon tickets with category, metric, breach instant, time left and the macro', () => {
    const r = buildSupport(ctxOf(files));
    expect(r.problems).toEqual([]);
    const [breached, dueSoon, byCategory] = r.sections(25);
    expect(breached?.title).toBe('Support tickets — breached');
    expect(breached?.columns).toEqual(['id', 'category', 'priority', 'metric', 'breach at', 'left', 'suggested macro', 'subject']);
    expect(breached?.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['102', 'payout', 'urgent', 'first reply', '02-18 10:00', '2h 30m over (business)', 'payout-timing', 'Payout <b>missing</b> | @here'],
    ]);
    expect(breached?.rows[0]?.[7]?.kind).toBe('user');
    expect(dueSoon?.title).toBe('Support tickets — due soon');
    expect(dueSoon?.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['101', 'identity-false-positive', 'normal', 'first reply', '02-18 13:00', '30m left (business)', 'persona-false-positive', 'Persona rejected my selfie'],
    ]);
    expect(byCategory?.title).toBe('Support by category');
    expect(byCategory?.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['identity-false-positive', '2', '0', '1', '0'],
      ['payout', '1', '1', '0', '1'],
      ['other', '1', '0', '0', '0'],
    ]);
    expect(r.headline).toEqual(['1 support ticket breached, 1 due soon']);
    const json = r.json as { breached: { id: number; breach_at: string; warn_at: string | null; source: string }[]; due_soon: { id: number; warn_at: string; breach_at: string }[] };
    expect(json.breached[0]).toMatchObject({ id: 102, breach_at: '2026-02-18T18:00:00.000Z', source: 'status' });
    expect(json.due_soon[0]).toMatchObject({ id: 101, warn_at: '2026-02-18T20:15:00.000Z', breach_at: '2026-02-18T21:00:00.000Z' });
    expect((r.json as { settings: unknown }).settings).toEqual({ hours: 'business', due_soon_minutes: 45, time_zone: 'America/Los_Angeles' });
    expect(r.inputs.map((i) => basename(i.file))).toEqual(['support-metric-events.json', 'support-tickets-1.json', 'support-tickets-2.json', 'support-rules.yaml']);
  });

  it('a wait breached before the ticket went pending stays breached (paused); deleted tickets of the export are left out', () => {
    const page = exportPage(
      [
        zdTicket(201, { subject: 'Payout question', status: 'pending', created_at: '2026-02-13T17:00:00Z', updated_at: '2026-02-18T19:00:00Z' }),
        zdTicket(202, { subject: 'spam', status: 'deleted', created_at: '2026-02-18T17:00:00Z', updated_at: '2026-02-18T17:05:00Z' }),
      ],
      { endOfStream: true, cursor: 'MTU3NjYxMzUzOS4wfHw0Njd8' },
    );
    const r = buildSupport(ctxOf({ 'creator-desk.yaml': SETTINGS, 'support-rules.yaml': RULES, 'support-export-1.json': page }));
    expect(r.problems).toEqual([]);
    const [breached] = r.sections(25);
    // Fri, Mon and Tue 09:00–17:00 PST: 24 working hours by Tuesday 17:00 PST
    expect(breached?.rows.map((row) => [row[0]?.text, row[3]?.text, row[4]?.text])).toEqual([['201', 'requester wait (paused)', '02-17 17:00']]);
    expect(r.notes).toContain('1 deleted ticket in the incremental export left out');
    expect((r.json as { tickets: { id: number }[] }).tickets.map((t) => t.id)).toEqual([201]);
  });

  it('without a rules file every ticket is uncategorised, with a note', () => {
    const rest: Record<string, string> = { ...files };
    delete rest['support-rules.yaml'];
    const r = buildSupport(ctxOf(rest));
    expect(r.notes).toContain('no support-rules.yaml: every support ticket is "uncategorised" and no macro is suggested');
    expect(r.sections(25)[2]?.rows.map((row) => row[0]?.text)).toEqual(['uncategorised']);
  });

  it('without `support:` settings uses the default targets in calendar hours, with a note', () => {
    const r = buildSupport(ctxOf({ 'support-rules.yaml': RULES, 'support-tickets-1.json': PAGE_1 }));
    // (page 1 alone: its next_page says the list goes on)
    expect(r.problems.map((p) => [p.field, p.severity])).toEqual([['next_page', 'warning']]);
    expect(r.notes).toContain('no `support:` in creator-desk.yaml: support SLAs use the default targets in calendar hours (first reply 8h for normal priority)');
    // the urgent payout (1 h, calendar time) breached at 10:00 PST; the Persona ticket (8 h) is not due yet
    const [breached, dueSoon] = r.sections(25);
    expect(breached?.rows.map((row) => [row[0]?.text, row[4]?.text, row[5]?.text])).toEqual([['102', '02-18 10:00', '2h 30m over']]);
    expect(dueSoon?.total).toBe(0);
  });

  it('reports a settings typo at its line with the key it most likely meant, and computes no SLA from broken settings', () => {
    const r = buildSupport(ctxOf({ ...files, 'creator-desk.yaml': SETTINGS.replace('due_soon: 45m', 'due_son: 45m') }));
    expect(r.problems).toEqual([expect.objectContaining({ line: 6, severity: 'error', field: 'support.due_son', message: expect.stringContaining("did you mean 'due_soon'?") })]);
    expect(r.notes).toContain('support SLAs not computed: the `support:` settings have errors');
    expect(r.sections(25)[0]?.emptyText).toMatch(/settings have errors/);
  });

  it('rejects a business target in days and an unknown priority key, at their lines', () => {
    const text = SETTINGS.replace('normal: 4h, default: 4h', 'normal: 2d, critcal: 4h');
    const r = buildSupport(ctxOf({ ...files, 'creator-desk.yaml': text }));
    expect(r.problems.map((p) => [p.line, p.field, p.severity])).toEqual([
      [8, 'support.targets.first_reply.critcal', 'error'],
      [8, 'support.targets.first_reply.normal', 'error'],
    ]);
    expect(r.problems[0]?.message).toContain('"critcal" is not a Zendesk priority');
  });

  it('a warning lead as long as a target is a warning at that target', () => {
    const r = buildSupport(ctxOf({ ...files, 'creator-desk.yaml': SETTINGS.replace('due_soon: 45m', 'due_soon: 2h') }));
    expect(r.problems.map((p) => [p.field, p.line, p.column, p.severity])).toEqual([
      ['support.targets.first_reply.urgent', 8, 28, 'warning'],
      ['support.targets.first_reply.high', 8, 38, 'warning'],
    ]);
    expect(r.problems[0]?.message).toBe('warn_before (120 min) is not shorter than the target (60 min): the warning starts with the clock');
  });

  it('joins creator-desk report: sections in every format, the headline, queues.support in JSON, exit-worthy problems', () => {
    const dir = tempDir({ ...files, 'support-tickets-3.json': listPage([zdTicket(106, { status: 'opne' })], { page: 3, last: true }) });
    const { report } = reportFromDir(dir, coreLoaders, { now, clock: () => now });
    const md = reportToMarkdown(report, { limit: 25 });
    expect(md).toContain('### Support tickets — breached (1)');
    // user text is made inert: markup and pings are code spans, the pipe cannot split the row
    expect(md).toContain('| payout-timing | Payout `<b>`missing`</b>` \\| `@here` |');
    expect(md).toContain('1 support ticket breached, 1 due soon');
    const json = JSON.parse(reportToJson(report)) as { queues: { support: { tickets: unknown[] } }; problems: { file: string; field: string; severity: string }[] };
    expect(json.queues.support.tickets).toHaveLength(5);
    expect(json.problems).toContainEqual(expect.objectContaining({ file: join(dir, 'support-tickets-3.json'), field: 'tickets[0].status', severity: 'error' }));
  });
});

describe('a folder of exported pages', () => {
  it('tickets/ (or support/, zendesk/) is read page by page, as the same pages beside the other files are', () => {
    const flat = tempDir({ 'creator-desk.yaml': SETTINGS, 'support-rules.yaml': RULES, 'support-tickets-1.json': PAGE_1, 'support-tickets-2.json': PAGE_2, 'support-metric-events.json': EVENTS });
    const folder = tempDir({ 'creator-desk.yaml': SETTINGS, 'support-rules.yaml': RULES, 'tickets/page-001.json': PAGE_1, 'tickets/page-002.json': PAGE_2, 'tickets/metric-events.json': EVENTS, 'tickets/notes.txt': 'not a page' });
    const part = (dir: string) => {
      const { report } = reportFromDir(dir, coreLoaders, { now, clock: () => now });
      return { report, support: JSON.parse(reportToJson(report)).queues.support as { breached: { id: number }[]; due_soon: { id: number }[]; tickets: unknown[] } };
    };
    const a = part(flat);
    const b = part(folder);
    expect(b.support.tickets).toHaveLength(a.support.tickets.length);
    expect(b.support.breached.map((t) => t.id)).toEqual(a.support.breached.map((t) => t.id));
    expect(b.support.due_soon.map((t) => t.id)).toEqual(a.support.due_soon.map((t) => t.id));
    expect(b.report.inputs.map((i) => basename(i.file))).toEqual(expect.arrayContaining(['page-001.json', 'page-002.json', 'metric-events.json']));
    expect(b.report.notes.join('\n')).toContain('tickets/notes.txt');
  });
});

describe('the example week\'s support queue', () => {
  const examples = (name: string): string => readFileSync(fileURLToPath(new URL(`../../../../examples/${name}`, import.meta.url)), 'utf8');

  it('regenerates byte for byte', () => {
    const ex = generateSupportExample();
    expect(examples('support-tickets-1.json')).toBe(ex.page1);
    expect(examples('support-tickets-2.json')).toBe(ex.page2);
    expect(examples('support-metric-events.json')).toBe(ex.metricEvents);
    expect(examples('support-rules.yaml')).toBe(EXAMPLE_SUPPORT_RULES);
    expect(examples('creator-desk.yaml').endsWith(EXAMPLE_SUPPORT_SETTINGS)).toBe(true);
    expect(ex.tickets).toBe(40);
  });

  it('reports without problems, with breached and due-soon tickets and every category', () => {
    const dir = fileURLToPath(new URL('../../../../examples/', import.meta.url));
    const { report } = reportFromDir(dir, coreLoaders, { clock: () => new Date() });
    const support = report.queues.find((q) => q.name === 'support');
    expect(support?.problems).toEqual([]);
    const [breached, dueSoon, byCategory] = support?.sections(100) ?? [];
    expect(breached?.total).toBeGreaterThan(0);
    expect(dueSoon?.total).toBeGreaterThan(0);
    expect(byCategory?.rows.map((r) => r[0]?.text).sort()).toEqual(['identity-false-positive', 'other', 'payout', 'stripe-reset', 'takedown', 'upload-error']);
  });
});
