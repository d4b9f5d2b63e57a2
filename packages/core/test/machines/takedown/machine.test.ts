import { describe, expect, it } from 'vitest';
import { addBusinessDays } from '../../../src/calendar/index.js';
import {
  openTakedownCase,
  restoreWindow,
  takedownMachine as m,
  takedownTable,
  type AuditEvent,
  type TakedownCommand,
  type TakedownContext,
  type TakedownState,
  type TakedownStatus,
} from '../../../src/machines/index.js';
import { usCalendar, validCounterNotice, validNotice } from './fixtures.js';

type Event = AuditEvent<TakedownState, TakedownCommand['type']>;
const iso = (s: string): Date => new Date(s);
const ctx = (at: string, actor = 'modA'): TakedownContext => ({ at: iso(at), actor, role: 'moderator', businessDays: usCalendar });

// Counter-notice arrives Thursday 19 Nov 2026, 15:00 in New York (EST, UTC-5).
const COUNTER_AT = '2026-11-19T20:00:00.000Z';

function run(steps: Array<[TakedownCommand, string]>): { state: TakedownState; log: Event[] } {
  const opened = openTakedownCase({ id: 'td-1', itemId: 't3_abc123', uploader: 'sam_uploader', notice: validNotice }, ctx('2026-11-16T14:00:00Z'));
  if (!opened.ok) throw new Error(opened.error.message);
  let state = opened.state;
  const log: Event[] = [opened.audit];
  for (const [command, at] of steps) {
    const r = m.transition(state, command, ctx(at));
    if (!r.ok) throw new Error(`${command.type}: ${r.error.message}`);
    state = r.state;
    log.push(r.audit);
  }
  return { state, log };
}

const toWindow: Array<[TakedownCommand, string]> = [
  [{ type: 'disable' }, '2026-11-16T14:05:00Z'],
  [{ type: 'notify_uploader' }, '2026-11-16T14:06:00Z'],
  [{ type: 'receive_counter_notice', counterNotice: validCounterNotice, receivedAt: COUNTER_AT }, '2026-11-20T15:00:00Z'],
  [{ type: 'forward_counter_notice' }, '2026-11-20T15:10:00Z'],
];

function caseIn(status: TakedownStatus): TakedownState {
  const upTo: Record<TakedownStatus, Array<[TakedownCommand, string]>> = {
    received: [],
    disabled: toWindow.slice(0, 1),
    uploader_notified: toWindow.slice(0, 2),
    counter_notice_received: toWindow.slice(0, 3),
    restore_window: toWindow,
    restored: [...toWindow, [{ type: 'restore' }, '2026-12-08T15:00:00Z']],
    litigation_hold: [...toWindow, [{ type: 'report_lawsuit', lawsuitReference: 'S.D.N.Y. 26-cv-123' }, '2026-12-01T15:00:00Z']],
    closed: [[{ type: 'close', resolution: 'notice_withdrawn' }, '2026-11-16T15:00:00Z']],
  };
  return run(upTo[status]).state;
}

describe('opening a case', () => {
  it('opens in received from a valid notice', () => {
    const r = openTakedownCase({ id: 'td-9', itemId: 't3_x', uploader: 'u1', notice: validNotice }, ctx('2026-11-16T14:00:00Z'));
    expect(r).toMatchObject({ ok: true, state: { status: 'received', noticeReceivedAt: '2026-11-16T14:00:00.000Z' }, audit: { from: null, to: 'received' } });
  });

  it('refuses a notice missing elements and says which', () => {
    const { copyrightedWork: _c, ...notice } = validNotice;
    expect(openTakedownCase({ id: 'td-9', itemId: 't3_x', uploader: 'u1', notice }, ctx('2026-11-16T14:00:00Z'))).toMatchObject({
      ok: false,
      error: { code: 'GuardFailed', guard: 'invalid_notice', details: { missing: ['copyrightedWork'] } },
    });
  });
});

describe('the takedown table', () => {
  it('allows exactly the §512 steps from each state', () => {
    const expected: Record<TakedownStatus, string[]> = {
      received: ['disable', 'close'],
      disabled: ['notify_uploader', 'close'],
      uploader_notified: ['receive_counter_notice', 'close'],
      counter_notice_received: ['forward_counter_notice', 'report_lawsuit', 'close'],
      restore_window: ['restore', 'report_lawsuit'],
      restored: [],
      litigation_hold: ['close'],
      closed: [],
    };
    for (const status of m.states) expect({ status, commands: m.allowedCommands(status) }).toEqual({ status, commands: expected[status] });
  });
});

describe('takedown transitions', () => {
  const commands: TakedownCommand[] = [
    { type: 'disable' },
    { type: 'notify_uploader' },
    { type: 'receive_counter_notice', counterNotice: validCounterNotice, receivedAt: '2026-12-20T12:00:00Z' },
    { type: 'forward_counter_notice' },
    { type: 'restore' },
    { type: 'report_lawsuit', lawsuitReference: 'case 1' },
    { type: 'close', resolution: 'other' },
  ];
  for (const status of m.states) {
    for (const command of commands) {
      const row = takedownTable.find((r) => r.command === command.type && (r.from as readonly string[]).includes(status));
      it(`${command.type} from ${status} is ${row ? `allowed (→ ${row.to})` : 'refused'}`, () => {
        // Late enough that the restore window is open for every case built above.
        const r = m.transition(caseIn(status), command, ctx('2026-12-21T15:00:00Z'));
        expect(r.ok).toBe(row !== undefined);
        if (r.ok) expect(r.audit).toMatchObject({ from: status, to: row?.to, command: command.type, actor: 'modA' });
        else expect(['InvalidStateTransition', 'AlreadyInTargetState']).toContain(r.error.code);
      });
    }
  }

  it('restored and closed are final; a lawsuit after the restore is refused', () => {
    expect(m.terminal).toEqual(['restored', 'closed']);
    expect(m.transition(caseIn('restored'), { type: 'report_lawsuit', lawsuitReference: 'x' }, ctx('2026-12-09T15:00:00Z'))).toMatchObject({
      ok: false,
      error: { code: 'InvalidStateTransition', from: 'restored' },
    });
  });

  it('a lawsuit reported before the restore puts the case on litigation hold, which may only close', () => {
    const held = caseIn('litigation_hold');
    expect(held).toMatchObject({ status: 'litigation_hold', lawsuitReference: 'S.D.N.Y. 26-cv-123' });
    expect(m.allowedCommands('litigation_hold')).toEqual(['close']);
    expect(m.transition(held, { type: 'restore' }, ctx('2026-12-09T15:00:00Z'))).toMatchObject({ ok: false });
  });

  it('refuses an invalid counter-notice, naming what is missing', () => {
    const { mistakeStatement: _m, ...partial } = validCounterNotice;
    expect(m.transition(caseIn('uploader_notified'), { type: 'receive_counter_notice', counterNotice: partial }, ctx(COUNTER_AT))).toMatchObject({
      ok: false,
      error: { code: 'GuardFailed', guard: 'invalid_counter_notice', details: { missing: ['mistakeStatement'] } },
    });
  });

  it('refuses a counter-notice dated before the notice it answers', () => {
    expect(
      m.transition(caseIn('uploader_notified'), { type: 'receive_counter_notice', counterNotice: validCounterNotice, receivedAt: '2026-11-01T00:00:00Z' }, ctx(COUNTER_AT)),
    ).toMatchObject({ ok: false, error: { guard: 'received_before_notice' } });
  });

  it('refuses a counter-notice dated after it is recorded', () => {
    expect(
      m.transition(caseIn('uploader_notified'), { type: 'receive_counter_notice', counterNotice: validCounterNotice, receivedAt: '2026-11-20T00:00:00Z' }, ctx(COUNTER_AT)),
    ).toMatchObject({ ok: false, error: { guard: 'received_in_future' } });
  });
});

describe('a counter-notice received on a calendar date (date-only input)', () => {
  // The notice came in at 21:00 on Monday 16 Nov in New York: already the 17th in UTC.
  const notified = (): TakedownState => {
    const opened = openTakedownCase({ id: 'td-2', itemId: 't3_abc123', uploader: 'sam_uploader', notice: validNotice }, ctx('2026-11-17T02:00:00Z'));
    if (!opened.ok) throw new Error(opened.error.message);
    let s = opened.state;
    for (const c of [{ type: 'disable' }, { type: 'notify_uploader' }] as const) {
      const r = m.transition(s, c, ctx('2026-11-17T02:30:00Z'));
      if (!r.ok) throw new Error(r.error.message);
      s = r.state;
    }
    return s;
  };
  const receiveOn = (day: string, at: string) => m.transition(notified(), { type: 'receive_counter_notice', counterNotice: validCounterNotice, receivedOn: day }, ctx(at));

  it('accepts one received the same calendar day as the notice, in the calendar\'s zone, counting from the notice', () => {
    const r = receiveOn('2026-11-16', '2026-11-17T03:00:00Z');
    expect(r).toMatchObject({ ok: true, state: { status: 'counter_notice_received', counterNoticeReceivedAt: '2026-11-17T02:00:00.000Z' } });
  });
  it('a later day counts from the start of that day in the calendar\'s zone (EST: 05:00 UTC)', () => {
    const r = receiveOn('2026-11-18', '2026-11-18T20:00:00Z');
    expect(r).toMatchObject({ ok: true, state: { counterNoticeReceivedAt: '2026-11-18T05:00:00.000Z' } });
    // 10 business days after Wednesday 18 Nov, skipping Thanksgiving Thursday and Friday: Friday 4 Dec.
    expect(r.ok && r.state.restoreOpensAt).toBe(addBusinessDays(usCalendar, new Date('2026-11-18T05:00:00Z'), 10).toISOString());
  });
  it('refuses a date before the notice\'s day or after today, naming both days and the zone', () => {
    expect(receiveOn('2026-11-15', '2026-11-17T03:00:00Z')).toMatchObject({
      ok: false,
      error: { guard: 'received_before_notice', message: 'a counter-notice received on 2026-11-15 predates the notice (received 2026-11-16 in America/New_York)' },
    });
    // 03:00 UTC on the 17th is still the 16th in New York.
    expect(receiveOn('2026-11-17', '2026-11-17T03:00:00Z')).toMatchObject({ ok: false, error: { guard: 'received_in_future' } });
    expect(receiveOn('2026-02-30', '2026-11-17T03:00:00Z')).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
  });
});

describe('the §512 restore window on a real business calendar', () => {
  it('opens 10 and closes 14 business days after receipt, skipping Thanksgiving Thursday and Friday', () => {
    const w = restoreWindow(caseIn('restore_window'));
    // Business days after Thu 19 Nov: 20, 23, 24, 25, (26–27 holidays), 30, Dec 1, 2, 3, 4, 7 → the 10th is Mon 7 Dec.
    expect(w?.opensAt.toISOString()).toBe('2026-12-07T20:00:00.000Z');
    // … 8, 9, 10, 11 → the 14th is Fri 11 Dec, same time of day.
    expect(w?.closesAt.toISOString()).toBe('2026-12-11T20:00:00.000Z');
  });

  it('matches addBusinessDays on the same calendar, and differs from a calendar without holidays', () => {
    const w = restoreWindow(caseIn('restore_window'));
    expect(w?.opensAt).toEqual(addBusinessDays(usCalendar, iso(COUNTER_AT), 10));
    const noHolidays = { ...usCalendar, holidays: [] };
    expect(addBusinessDays(noHolidays, iso(COUNTER_AT), 10).toISOString()).toBe('2026-12-03T20:00:00.000Z');
  });

  it('keeps the New York time of day across the end of daylight saving time', () => {
    // Received Thu 22 Oct 2026 15:00 EDT (UTC-4); DST ends Sun 1 Nov. The 10th business day is Thu 5 Nov,
    // the 14th Wed 11 Nov, both 15:00 EST (UTC-5).
    const opened = openTakedownCase({ id: 'td-2', itemId: 't3_q', uploader: 'q', notice: validNotice }, ctx('2026-10-20T14:00:00Z'));
    if (!opened.ok) throw new Error(opened.error.message);
    let s = opened.state;
    for (const c of [{ type: 'disable' }, { type: 'notify_uploader' }] as const) {
      const r = m.transition(s, c, ctx('2026-10-20T14:05:00Z'));
      if (!r.ok) throw new Error(r.error.message);
      s = r.state;
    }
    const r = m.transition(s, { type: 'receive_counter_notice', counterNotice: validCounterNotice }, ctx('2026-10-22T19:00:00Z'));
    if (!r.ok) throw new Error(r.error.message);
    expect(restoreWindow(r.state)).toEqual({ opensAt: iso('2026-11-05T20:00:00Z'), closesAt: iso('2026-11-11T20:00:00Z') });
  });

  it('refuses to restore one minute before the window opens and allows it at the opening', () => {
    const waiting = caseIn('restore_window');
    expect(m.transition(waiting, { type: 'restore' }, ctx('2026-12-07T19:59:00Z'))).toMatchObject({
      ok: false,
      error: { code: 'GuardFailed', guard: 'restore_window_not_open', details: { opensAt: '2026-12-07T20:00:00.000Z' } },
    });
    expect(m.transition(waiting, { type: 'restore' }, ctx('2026-12-07T20:00:00Z'))).toMatchObject({
      ok: true,
      state: { status: 'restored', restoredAt: '2026-12-07T20:00:00.000Z', restoredLate: false },
    });
  });

  it('still restores after the window closed but records that it was late', () => {
    expect(m.transition(caseIn('restore_window'), { type: 'restore' }, ctx('2026-12-14T15:00:00Z'))).toMatchObject({
      ok: true,
      state: { restoredLate: true },
    });
  });

  it('accepts a plain business-day function instead of a calendar', () => {
    const calls: Array<[string, number]> = [];
    const add = (d: Date, n: number): Date => {
      calls.push([d.toISOString(), n]);
      return new Date(d.getTime() + n * 86_400_000);
    };
    const r = m.transition(
      caseIn('uploader_notified'),
      { type: 'receive_counter_notice', counterNotice: validCounterNotice, receivedAt: COUNTER_AT },
      { at: iso(COUNTER_AT), actor: 'modA', businessDays: add },
    );
    expect(calls).toEqual([[COUNTER_AT, 10], [COUNTER_AT, 14]]);
    expect(r).toMatchObject({ ok: true, state: { restoreOpensAt: '2026-11-29T20:00:00.000Z' } });
  });
});

describe('replay', () => {
  it('rebuilds the case from its stored log, without needing the calendar', () => {
    const { state, log } = run([...toWindow, [{ type: 'restore' }, '2026-12-08T15:00:00Z']]);
    expect(log.map((e) => e.to)).toEqual([
      'received', 'disabled', 'uploader_notified', 'counter_notice_received', 'restore_window', 'restored',
    ]);
    expect(m.replay(JSON.parse(JSON.stringify(log)) as Event[])).toEqual({ ok: true, state });
  });
});
