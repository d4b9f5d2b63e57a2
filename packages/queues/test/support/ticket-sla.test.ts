import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTicketPages, type TicketPages } from '../../src/support/read-ticket-pages.js';
import { supportSettingsSchema, type SupportSettings } from '../../src/support/support-settings.js';
import { supportPolicySet, ticketSla } from '../../src/support/ticket-sla.js';
import { tempDir } from '../helpers/temp-dir.js';
import { exportPage, listPage, metricEvent, zdComment, zdTicket, zdUser } from './zendesk-fixtures.js';

function read(page: string): TicketPages {
  const dir = tempDir({ 'support-1.json': page });
  return readTicketPages([{ name: 'support-1.json', path: join(dir, 'support-1.json') }]);
}

function clocksAt(pages: TicketPages, settings: SupportSettings, now: string, ticketId: number) {
  const { policies, problems } = supportPolicySet(settings, 'creator-desk.yaml');
  expect(problems).toEqual([]);
  const ticket = pages.tickets.find((t) => t.id === ticketId);
  if (!ticket) throw new Error(`no ticket ${ticketId}`);
  return ticketSla(policies, ticket, pages.events.get(ticketId) ?? [], pages.users, new Date(now));
}

const calendarHours = supportSettingsSchema.parse({
  due_soon: '2h',
  targets: { first_reply: { normal: '8h' }, next_reply: { normal: '8h' }, requester_wait: { normal: '24h', urgent: '4h' } },
});

const WORKDAY = [['09:00', '17:00']];
const business = supportSettingsSchema.parse({
  calendar: {
    timeZone: 'America/Los_Angeles',
    hours: { mon: WORKDAY, tue: WORKDAY, wed: WORKDAY, thu: WORKDAY, fri: WORKDAY },
    holidays: [{ date: '2026-02-16', name: "Presidents' Day" }],
  },
  due_soon: '1h',
  targets: { first_reply: { normal: '4h', default: '6h' } },
});

describe('support SLA clocks', () => {
  it('counts first reply in business hours across a weekend and a holiday, exact to the minute', () => {
    // Friday 13 Feb 15:00 PST: 2 h on Friday, then Saturday, Sunday and Presidents' Day do not count.
    const pages = read(listPage([zdTicket(1, { created_at: '2026-02-13T23:00:00Z', updated_at: '2026-02-13T23:00:00Z' })], { page: 1, last: true }));
    const soon = clocksAt(pages, business, '2026-02-17T18:30:00Z', 1).clocks[0];
    expect(soon).toMatchObject({ metric: 'first_reply', state: 'active', source: 'status', dueSoon: true, hours: 'business', remainingMinutes: 30 });
    expect(soon?.warnAt?.toISOString()).toBe('2026-02-17T18:00:00.000Z'); // Tuesday 10:00 PST
    expect(soon?.breachAt?.toISOString()).toBe('2026-02-17T19:00:00.000Z'); // Tuesday 11:00 PST
    const late = clocksAt(pages, business, '2026-02-17T19:30:00Z', 1).clocks[0];
    expect(late).toMatchObject({ state: 'breached', remainingMinutes: -30 });
    // On Monday (the holiday) it is neither due soon nor breached: only 2 of its 4 hours have counted.
    expect(clocksAt(pages, business, '2026-02-16T20:00:00Z', 1).clocks[0]).toMatchObject({ state: 'active', dueSoon: false, remainingMinutes: 120 });
  });

  it('a ticket without a priority uses the default target', () => {
    const pages = read(listPage([zdTicket(1, { priority: null, created_at: '2026-02-17T17:00:00Z', updated_at: '2026-02-17T17:00:00Z' })], { page: 1, last: true }));
    expect(clocksAt(pages, business, '2026-02-17T18:00:00Z', 1).clocks[0]?.breachAt?.toISOString()).toBe('2026-02-17T23:00:00.000Z');
  });

  it('pauses the requester wait while the ticket is pending (metric events), and resumes it when the requester answers', () => {
    const events = [
      metricEvent(1, 5, 'requester_wait_time', 1, 'activate', '2026-02-18T17:00:00Z'),
      metricEvent(2, 5, 'reply_time', 1, 'activate', '2026-02-18T17:00:00Z'),
      metricEvent(3, 5, 'reply_time', 1, 'fulfill', '2026-02-18T19:00:00Z'),
      metricEvent(4, 5, 'requester_wait_time', 1, 'pause', '2026-02-18T19:00:00Z'),
      metricEvent(5, 5, 'requester_wait_time', 1, 'activate', '2026-02-19T19:00:00Z'),
      metricEvent(6, 5, 'reply_time', 2, 'activate', '2026-02-19T19:00:00Z'),
    ];
    const page = exportPage([zdTicket(5, { status: 'open', updated_at: '2026-02-19T19:00:00Z' })], { endOfStream: true, cursor: 'x', extra: { ticket_metric_events: events } });
    const r = clocksAt(read(page), calendarHours, '2026-02-20T16:00:00Z', 5);
    const wait = r.clocks.find((c) => c.metric === 'requester_wait');
    // 2 h before the pause + 22 h after it: 24 h at 2026-02-20 17:00 Z, a day later than without the pause.
    expect(wait).toMatchObject({ state: 'active', source: 'metric events', dueSoon: true, remainingMinutes: 60 });
    expect(wait?.breachAt?.toISOString()).toBe('2026-02-20T17:00:00.000Z');
    expect(wait?.warnAt?.toISOString()).toBe('2026-02-20T15:00:00.000Z');
    // The first reply was fulfilled: only the next reply (instance 2) is open.
    expect(r.clocks.map((c) => c.metric).sort()).toEqual(['next_reply', 'requester_wait']);
    expect(r.clocks.find((c) => c.metric === 'next_reply')).toMatchObject({ state: 'breached' });
    // While still pending the wait is paused: no breach instant, not due.
    const pending = clocksAt(read(exportPage([zdTicket(5, { status: 'pending' })], { endOfStream: true, cursor: 'x', extra: { ticket_metric_events: events.slice(0, 4) } })), calendarHours, '2026-02-19T12:00:00Z', 5);
    const paused = pending.clocks.find((c) => c.metric === 'requester_wait');
    expect(paused).toMatchObject({ state: 'paused', dueSoon: false, remainingMinutes: 22 * 60 });
    expect(paused?.breachAt).toBeUndefined();
  });

  it('without metric events a pending ticket waits from creation to its last update; on-hold keeps counting', () => {
    const page = listPage(
      [
        zdTicket(1, { status: 'pending', priority: 'urgent', created_at: '2026-02-18T17:00:00Z', updated_at: '2026-02-18T18:00:00Z' }),
        zdTicket(2, { status: 'hold', priority: 'urgent', created_at: '2026-02-18T17:00:00Z', updated_at: '2026-02-18T18:00:00Z' }),
      ],
      { page: 1, last: true },
    );
    const pages = read(page);
    expect(clocksAt(pages, calendarHours, '2026-02-19T17:00:00Z', 1).clocks.find((c) => c.metric === 'requester_wait')).toMatchObject({ state: 'paused', remainingMinutes: 180 });
    const hold = clocksAt(pages, calendarHours, '2026-02-19T17:00:00Z', 2).clocks.find((c) => c.metric === 'requester_wait');
    expect(hold).toMatchObject({ state: 'breached', source: 'status' });
    expect(hold?.breachAt?.toISOString()).toBe('2026-02-18T21:00:00.000Z');
  });

  it('from comments: the first public agent comment fulfils the first reply; a later requester comment starts a next reply', () => {
    const requester = 9001;
    const agent = 42;
    const comments = [
      zdComment(1, requester, '2026-02-18T17:00:00Z', 'Persona rejected my passport'),
      zdComment(2, agent, '2026-02-18T17:30:00Z', 'internal: check Persona dashboard', false),
      zdComment(3, agent, '2026-02-18T18:00:00Z', 'We are looking into it'),
      zdComment(4, requester, '2026-02-18T20:00:00Z', 'Any news?'),
      zdComment(5, requester, '2026-02-18T21:00:00Z', 'Hello?'),
    ];
    const page = listPage([zdTicket(1, { status: 'open', requester_id: requester, comments, updated_at: '2026-02-18T21:00:00Z' })], { page: 1, last: true, users: [zdUser(requester, 'Inky Fox', 'end-user'), zdUser(agent, 'Priya (Support)', 'agent')] });
    const r = clocksAt(read(page), calendarHours, '2026-02-19T03:00:00Z', 1);
    expect(r.clocks.map((c) => c.metric)).toEqual(['next_reply', 'requester_wait']);
    // From the oldest unanswered requester comment (20:00), not the latest.
    const next = r.clocks[0];
    expect(next).toMatchObject({ source: 'comments', state: 'active', dueSoon: true });
    expect(next?.breachAt?.toISOString()).toBe('2026-02-19T04:00:00.000Z');
  });

  it('an unanswered ticket created by its requester keeps its first reply running; the opening comment is not a reply', () => {
    const page = listPage([zdTicket(1, { status: 'open', requester_id: 7, comments: [zdComment(1, 8, '2026-02-18T17:00:00Z', 'opened by an agent for the artist')] })], { page: 1, last: true });
    const r = clocksAt(read(page), calendarHours, '2026-02-19T02:00:00Z', 1);
    expect(r.clocks[0]).toMatchObject({ metric: 'first_reply', state: 'breached', source: 'comments', remainingMinutes: -60 });
  });

  it('a reopened ticket keeps counting its requester wait from where it stopped; the latest next reply is the one reported', () => {
    const events = [
      metricEvent(1, 9, 'requester_wait_time', 1, 'activate', '2026-02-18T10:00:00Z'),
      metricEvent(2, 9, 'reply_time', 1, 'activate', '2026-02-18T10:00:00Z'),
      metricEvent(3, 9, 'reply_time', 1, 'fulfill', '2026-02-18T11:00:00Z'),
      metricEvent(4, 9, 'reply_time', 2, 'activate', '2026-02-18T12:00:00Z'),
      metricEvent(5, 9, 'reply_time', 2, 'fulfill', '2026-02-18T13:00:00Z'),
      // solved after 4 h of waiting …
      metricEvent(6, 9, 'requester_wait_time', 1, 'fulfill', '2026-02-18T14:00:00Z'),
      // … reopened a day later by the artist
      metricEvent(7, 9, 'requester_wait_time', 1, 'activate', '2026-02-19T14:00:00Z'),
      metricEvent(8, 9, 'reply_time', 3, 'activate', '2026-02-19T14:00:00Z'),
    ];
    const page = exportPage([zdTicket(9, { status: 'open', created_at: '2026-02-18T10:00:00Z', updated_at: '2026-02-19T14:00:00Z' })], { endOfStream: true, cursor: 'x', extra: { ticket_metric_events: events } });
    const r = clocksAt(read(page), calendarHours, '2026-02-19T20:00:00Z', 9);
    const wait = r.clocks.find((c) => c.metric === 'requester_wait');
    // 4 h before the solve + 6 h since the reopen; the solved day does not count
    expect(wait).toMatchObject({ state: 'active', remainingMinutes: 14 * 60 });
    expect(wait?.breachAt?.toISOString()).toBe('2026-02-20T10:00:00.000Z');
    const next = r.clocks.find((c) => c.metric === 'next_reply');
    // instance 3, from the reopen: 8 h → 22:00 Z, due soon from 20:00 Z
    expect(next?.startedAt.toISOString()).toBe('2026-02-19T14:00:00.000Z');
    expect(next?.breachAt?.toISOString()).toBe('2026-02-19T22:00:00.000Z');
    expect(next?.dueSoon).toBe(true);
  });
});
