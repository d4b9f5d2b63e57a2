import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_SUPPORT_RULES } from '../../../../scripts/examples/support.js';
import { readTicketPages, type SupportTicket, type TicketPages } from '../../src/support/read-ticket-pages.js';
import { loadSupportRules, ticketItemForRules, type TicketDirectory } from '../../src/support/support-rules.js';
import { tempDir } from '../helpers/temp-dir.js';
import { listPage, zdTicket, zdUser } from './zendesk-fixtures.js';

const now = new Date('2026-02-20T19:30:00Z');

function tickets(list: Record<string, unknown>[], users: unknown[] = []): Pick<TicketPages, 'tickets' | 'users'> {
  const dir = tempDir({ 'tickets-1.json': listPage(list, { page: 1, last: true, users }) });
  const r = readTicketPages([{ name: 'tickets-1.json', path: join(dir, 'tickets-1.json') }]);
  expect(r.problems).toEqual([]);
  return { tickets: r.tickets, users: r.users };
}

describe('support rules (type: ticket)', () => {
  const rules = loadSupportRules(EXAMPLE_SUPPORT_RULES, 'support-rules.yaml');
  const dir: TicketDirectory = { users: new Map(), groups: new Map() };
  const classify = (subject: string, description: string) => {
    const t = tickets([zdTicket(1, { subject, description })]).tickets[0] as SupportTicket;
    return rules.classify(t, dir, now);
  };

  it('the example rules load without problems', () => {
    expect(rules.problems).toEqual([]);
    expect(rules.rules).toBe(5);
  });

  it.each([
    ['Persona false positive', 'Verification failed', "Persona says my passport is fake but it's real", 'identity-false-positive', 'persona-false-positive'],
    ['selfie check', 'Cannot finish onboarding', 'The selfie step rejects me every time, I uploaded my ID twice', 'identity-false-positive', 'persona-false-positive'],
    ['Stripe reset', 'Wrong Stripe account', 'I connected the wrong account to Stripe, please reset it', 'stripe-reset', 'stripe-reset'],
    ['upload error', 'Upload keeps failing', 'E_DIMENSIONS: layer 3 is 1024x1000', 'upload-error', 'upload-error'],
    ['payout (names Stripe, but no reset)', 'Stripe payout missing', 'My Stripe payout for January never arrived', 'payout', 'payout-timing'],
    ['takedown (no macro: a person answers)', 'DMCA notice', 'I want to file a counter-notice for my avatar', 'takedown', undefined],
    ['other', 'Display name', 'How do I change my shop name?', 'other', undefined],
  ])('%s', (_case, subject, description, category, macro) => {
    const c = classify(subject, description);
    expect(c.category).toBe(category);
    expect(c.macro).toBe(macro);
  });

  it('names the rule that set the category by its line', () => {
    const c = classify('DMCA', 'takedown');
    expect(c.rule?.line).toBe(EXAMPLE_SUPPORT_RULES.split('\n').findIndex((l) => l === 'type: ticket') + 1);
  });

  it('the higher-priority rule wins when two match (a Persona ticket that mentions an upload)', () => {
    expect(classify('ID check', 'I uploaded my passport to Persona and it failed').category).toBe('identity-false-positive');
  });

  it('checks the ticket fields: tags, priority, via, requester by its side-loaded name', () => {
    const text = "type: ticket\ntags: [vip]\npriority: urgent\nvia: email\nrequester: inky_fox\ncategory: vip\nreply: 'macro: vip-hello'";
    const r = loadSupportRules(text, 'support-rules.yaml');
    expect(r.problems).toEqual([]);
    const read = tickets([zdTicket(1, { tags: ['vip'], priority: 'urgent', via: { channel: 'email' }, requester_id: 5 }), zdTicket(2, { tags: ['vip'], priority: 'urgent', via: { channel: 'web' }, requester_id: 5 })], [zdUser(5, 'inky_fox', 'end-user')]);
    const d: TicketDirectory = { users: read.users, groups: new Map() };
    expect(read.tickets.map((t) => r.classify(t, d, now))).toEqual([{ category: 'vip', macro: 'vip-hello', rule: { line: 1 } }, { category: 'other' }]);
    expect(ticketItemForRules(read.tickets[0] as SupportTicket, d, now)).toMatchObject({ id: '1', type: 'ticket', via: 'email', requester: 'inky_fox', body: 'Hello, I need help.' });
  });

  it('a check on a field tickets never have is an error at its line (it could never match)', () => {
    const r = loadSupportRules("type: ticket\nsubject: [x]\nrequestor: bob\ncategory: c", 'support-rules.yaml');
    expect(r.problems).toEqual([expect.objectContaining({ file: 'support-rules.yaml', line: 3, severity: 'error', message: expect.stringContaining("'requestor' is not a field of a ticket") })]);
  });

  it('warns about rules that cannot classify tickets: another type, a plain reply, no category or macro', () => {
    const r = loadSupportRules("type: review\ntitle: [x]\ncategory: c\n---\ntype: ticket\nsubject: [x]\nreply: Thanks, we are on it\n---\ntype: ticket\nsubject: [zz]\nescalate: {team: Legal}", 'support-rules.yaml');
    expect(r.problems.map((p) => [p.line, p.severity])).toEqual([[1, 'warning'], [5, 'warning'], [9, 'warning']]);
    expect(r.problems[0]?.message).toMatch(/^this rule is `type: review`: only `type: ticket` rules classify/);
    expect(r.problems[1]?.message).toMatch(/write `reply: 'macro: NAME'`/);
    expect(r.problems[2]?.message).toMatch(/no `category:` and no `reply: 'macro: NAME'`/);
  });

  it('a rule file error is reported with its line and the other rules still classify', () => {
    const r = loadSupportRules("type: ticket\nsubject (regex): ['(unclosed']\ncategory: broken\n---\ntype: ticket\nsubject: [payout]\ncategory: payout", 'support-rules.yaml');
    expect(r.problems.some((p) => p.severity === 'error' && p.line === 2)).toBe(true);
    const t = tickets([zdTicket(1, { subject: 'payout late' })]).tickets[0] as SupportTicket;
    expect(r.classify(t, dir, now).category).toBe('payout');
  });
});
