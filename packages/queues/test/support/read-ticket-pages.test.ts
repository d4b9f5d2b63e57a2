import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTicketPages } from '../../src/support/read-ticket-pages.js';
import { tempDir } from '../helpers/temp-dir.js';
import { exportPage, listPage, metricEvent, zdTicket, zdUser } from './zendesk-fixtures.js';

function read(files: Record<string, string>) {
  const dir = tempDir(files);
  return readTicketPages(Object.keys(files).map((name) => ({ name, path: join(dir, name) })));
}

describe('readTicketPages', () => {
  it('reads list-endpoint pages that follow next_page, with side-loaded users', () => {
    const r = read({
      'tickets-1.json': listPage([zdTicket(1), zdTicket(2)], { page: 1, last: false, users: [zdUser(9001, 'Inky Fox', 'end-user')] }),
      'tickets-2.json': listPage([zdTicket(3, { status: 'open', priority: null })], { page: 2, last: true }),
    });
    expect(r.problems).toEqual([]);
    expect(r.tickets.map((t) => [t.id, t.status, t.priority])).toEqual([[1, 'new', 'normal'], [2, 'new', 'normal'], [3, 'open', undefined]]);
    expect(r.users.get(9001)?.name).toBe('Inky Fox');
    expect(r.inputs.map((i) => [i.records, i.kind])).toEqual([[2, 'tickets (Zendesk list page)'], [1, 'tickets (Zendesk list page)']]);
  });

  it('warns when the last list page still has a next_page', () => {
    const r = read({ 'tickets-1.json': listPage([zdTicket(1)], { page: 1, last: false }) });
    expect(r.problems).toEqual([expect.objectContaining({ file: expect.stringMatching(/\/tickets-1\.json$/), field: 'next_page', severity: 'warning', message: expect.stringContaining('may be incomplete') })]);
  });

  it('reads an incremental export and warns only when its last page lacks end_of_stream: true', () => {
    const complete = read({
      'support-export-1.json': exportPage([zdTicket(1)], { endOfStream: false, cursor: 'MTU3NjYxMzUzOS4wfHw0Njd8' }),
      'support-export-2.json': exportPage([zdTicket(2)], { endOfStream: true, cursor: 'MTU3NjYxMzUzOS4wfHw0Nzd8' }),
    });
    expect(complete.problems).toEqual([]);
    expect(complete.tickets).toHaveLength(2);
    const cut = read({ 'support-export-1.json': exportPage([zdTicket(1)], { endOfStream: false, cursor: 'MTU3NjYxMzUzOS4wfHw0Njd8' }) });
    expect(cut.problems).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/\/support-export-1\.json$/), field: 'end_of_stream', severity: 'warning', message: expect.stringMatching(/^export may be incomplete.*cursor=MTU3NjYxMzUzOS4wfHw0Njd8/) }),
    ]);
  });

  it('orders pages as numbered (-2 before -10), so the last page really is the last', () => {
    const pages: Record<string, string> = {};
    for (let i = 1; i <= 10; i++) pages[`support-export-${i}.json`] = exportPage([zdTicket(i)], { endOfStream: i === 10, cursor: `c${i}` });
    expect(read(pages).problems).toEqual([]);
  });

  it('keeps the version of a ticket with the later updated_at, whichever page it is on', () => {
    const r = read({
      'tickets-1.json': listPage([zdTicket(7, { status: 'pending', updated_at: '2026-02-19T10:00:00Z' })], { page: 1, last: false }),
      'tickets-2.json': listPage([zdTicket(7, { status: 'open', updated_at: '2026-02-18T18:00:00Z' }), zdTicket(8)], { page: 2, last: true }),
    });
    expect(r.tickets.find((t) => t.id === 7)?.status).toBe('pending');
    expect(r.problems).toEqual([]);
  });

  it('takes the later page of two versions at one updated_at; a repeat is silent, a different content is a warning', () => {
    const same = read({
      'support-export-1.json': exportPage([zdTicket(7)], { endOfStream: false, cursor: 'a' }),
      'support-export-2.json': exportPage([zdTicket(7)], { endOfStream: true, cursor: 'b' }),
    });
    expect(same.problems).toEqual([]);
    expect(same.tickets).toHaveLength(1);
    const differ = read({
      'support-export-1.json': exportPage([zdTicket(7, { status: 'open' })], { endOfStream: false, cursor: 'a' }),
      'support-export-2.json': exportPage([zdTicket(7, { status: 'pending' })], { endOfStream: true, cursor: 'b' }),
    });
    expect(differ.tickets[0]?.status).toBe('pending');
    expect(differ.problems).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/\/support-export-2\.json$/), field: 'tickets[0]', severity: 'warning', message: expect.stringContaining('ticket 7 is also at support-export-1.json tickets[0] with the same updated_at') }),
    ]);
  });

  it('reports bad tickets at their JSON path and keeps the good ones', () => {
    const bad = { ...zdTicket(2) } as Record<string, unknown>;
    delete bad.created_at;
    const r = read({
      'tickets-1.json': listPage(
        [zdTicket(1), bad, zdTicket(3, { status: 'opne' }), zdTicket(4, { updated_at: '2026-02-30T10:00:00Z' }), zdTicket(5, { priority: 'critical' }), zdTicket(6, { created_at: '9999-01-01T00:00:00Z' })],
        { page: 1, last: true },
      ),
    });
    expect(r.tickets.map((t) => t.id)).toEqual([1]);
    expect(r.problems.map((p) => [p.field, p.row, p.severity])).toEqual([
      ['tickets[1].created_at', 2, 'error'],
      ['tickets[2].status', 3, 'error'],
      ['tickets[3].updated_at', 4, 'error'],
      ['tickets[4].priority', 5, 'error'],
      ['tickets[5].created_at', 6, 'error'],
    ]);
    expect(r.problems[0]?.message).toMatch(/^missing/);
    expect(r.problems[1]?.message).toBe(`expected one of new, open, pending, hold, solved, closed, deleted, got "opne" — did you mean 'open'?`);
    expect(r.problems[2]?.message).toMatch(/not a real date/);
    expect(r.problems[3]?.message).toMatch(/expected one of urgent, high, normal, low/);
    expect(r.problems[4]?.message).toMatch(/outside the years/);
  });

  it('rejects a ticket updated after the report\'s now (a clock or export error), as the other readers do', () => {
    const dir = tempDir({ 'tickets-1.json': listPage([zdTicket(1), zdTicket(2, { updated_at: '2026-02-18T18:00:00Z' })], { page: 1, last: true }) });
    const r = readTicketPages([{ name: 'tickets-1.json', path: join(dir, 'tickets-1.json') }], new Date('2026-02-18T17:30:00Z'));
    expect(r.tickets.map((t) => t.id)).toEqual([1]);
    expect(r.problems).toEqual([expect.objectContaining({ field: 'tickets[1].updated_at', row: 2, severity: 'error', message: expect.stringContaining("after the report's now") })]);
    const events = tempDir({ 'support-events.json': JSON.stringify({ ticket_metric_events: [metricEvent(1, 1, 'reply_time', 1, 'activate', '2026-02-18T17:00:00Z'), metricEvent(2, 1, 'reply_time', 1, 'fulfill', '2026-02-18T19:00:00Z')], end_of_stream: true }) });
    const e = readTicketPages([{ name: 'support-events.json', path: join(events, 'support-events.json') }], new Date('2026-02-18T17:30:00Z'));
    expect(e.events.get(1)?.map((x) => x.id)).toEqual([1]);
    expect(e.problems).toEqual([expect.objectContaining({ field: 'ticket_metric_events[1].time', row: 2, severity: 'error' })]);
  });

  it('reports a file that is not JSON or not a Zendesk page, and a bare array', () => {
    const r = read({ 'tickets-a.json': '{"tickets": [', 'tickets-b.json': '{"results": []}', 'tickets-c.json': JSON.stringify([zdTicket(1)]) });
    expect(r.problems.map((p) => [basename(p.file), p.severity])).toEqual([['tickets-a.json', 'error'], ['tickets-b.json', 'error'], ['tickets-c.json', 'error']]);
    expect(r.problems[1]?.message).toMatch(/expected `tickets`/);
    expect(r.problems[2]?.message).toMatch(/bare array/);
  });

  it('reads metric events (own page or side-loaded), each event id once, bad ones at their path', () => {
    const events = [metricEvent(1, 5, 'reply_time', 1, 'activate', '2026-02-18T17:00:00Z'), metricEvent(2, 5, 'requester_wait_time', 1, 'activate', '2026-02-18T17:00:00Z')];
    const r = read({
      'support-export-1.json': exportPage([zdTicket(5)], { endOfStream: true, cursor: 'x', extra: { ticket_metric_events: events } }),
      'support-metric-events.json': JSON.stringify({ ticket_metric_events: [...events, metricEvent(3, 5, 'reply_time', 1, 'fulfil', '2026-02-18T18:00:00Z')], next_page: null, count: 3, end_time: 1771437600, end_of_stream: true }),
    });
    expect(r.events.get(5)?.map((e) => e.id)).toEqual([1, 2]);
    expect(r.problems).toEqual([expect.objectContaining({ file: expect.stringMatching(/\/support-metric-events\.json$/), field: 'ticket_metric_events[2].type', message: expect.stringContaining("did you mean 'fulfill'") })]);
  });

  it('warns when the last metric events page says more follow', () => {
    const r = read({ 'support-metric-events.json': JSON.stringify({ ticket_metric_events: [metricEvent(1, 5, 'reply_time', 1, 'activate', '2026-02-18T17:00:00Z')], next_page: 'https://creatorprogram.zendesk.com/api/v2/incremental/ticket_metric_events.json?start_time=1771437600', count: 1, end_time: 1771437600, end_of_stream: false }) });
    expect(r.problems).toEqual([expect.objectContaining({ field: 'end_of_stream', severity: 'warning', message: expect.stringMatching(/^metric events may be incomplete.*start_time=1771437600\)$/) })]);
  });

  it('reads nested comments in time order and reports a bad one with its path', () => {
    const r = read({
      'tickets-1.json': listPage(
        [zdTicket(1, { comments: [{ id: 2, author_id: 1, public: true, created_at: '2026-02-18T18:00:00Z', body: 'b' }, { id: 1, author_id: 9001, public: true, created_at: '2026-02-18T17:00:00Z', body: 'a' }, { id: 3, author_id: 1, created_at: '2026-02-18T19:00:00Z' }] })],
        { page: 1, last: true },
      ),
    });
    expect(r.tickets[0]?.comments?.map((c) => c.id)).toEqual([1, 2]);
    expect(r.problems).toEqual([expect.objectContaining({ field: 'tickets[0].comments[2].public', severity: 'error' })]);
  });

  it('reads a single ticket as GET /api/v2/tickets/{id}.json returns it, and side-loaded groups', () => {
    const r = read({
      'tickets-48210.json': JSON.stringify({ ticket: zdTicket(48210, { status: 'hold', group_id: 77 }) }),
      'tickets-list.json': JSON.stringify({ tickets: [], groups: [{ id: 77, name: 'Creator Support', url: 'x' }], next_page: null, previous_page: null, count: 0 }),
    });
    expect(r.problems).toEqual([]);
    expect(r.tickets.map((t) => [t.id, t.status, t.path])).toEqual([[48210, 'hold', 'ticket']]);
    expect(r.groups.get(77)).toBe('Creator Support');
    expect(r.inputs.map((i) => i.kind)).toEqual(['tickets (Zendesk ticket)', 'tickets (Zendesk list page)']);
  });
});
