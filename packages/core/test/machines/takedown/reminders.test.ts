import { describe, expect, it } from 'vitest';
import { openTakedownCase, takedownMachine as m, takedownReminderDue, type TakedownCommand, type TakedownState } from '../../../src/machines/index.js';
import { usCalendar, validCounterNotice, validNotice } from './fixtures.js';

function caseAfter(commands: TakedownCommand[]): TakedownState {
  const opened = openTakedownCase({ id: 'td-7', itemId: 't3_zz', uploader: 'sam', notice: validNotice }, { at: '2026-11-16T14:00:00Z', actor: 'modA' });
  if (!opened.ok) throw new Error(opened.error.message);
  let s = opened.state;
  for (const c of commands) {
    const r = m.transition(s, c, { at: '2026-11-19T20:00:00Z', actor: 'modA', businessDays: usCalendar });
    if (!r.ok) throw new Error(r.error.message);
    s = r.state;
  }
  return s;
}

const received: TakedownCommand[] = [
  { type: 'disable' },
  { type: 'notify_uploader' },
  { type: 'receive_counter_notice', counterNotice: validCounterNotice },
];
const forwarded: TakedownCommand[] = [...received, { type: 'forward_counter_notice' }];
const at = (s: string): Date => new Date(s);

describe('takedownReminderDue', () => {
  it('asks to forward an unforwarded counter-notice', () => {
    expect(takedownReminderDue(caseAfter(received), at('2026-11-19T21:00:00Z'))).toMatchObject({
      due: { kind: 'forward_counter_notice', key: 'td-7:forward_counter_notice' },
      nextCheckAt: at('2026-12-07T20:00:00Z'),
    });
  });

  it('is quiet before the window and says when to look again', () => {
    expect(takedownReminderDue(caseAfter(forwarded), at('2026-12-07T19:59:59Z'))).toEqual({
      due: undefined,
      nextCheckAt: at('2026-12-07T20:00:00Z'),
    });
  });

  it('reports the window open from its first instant to its last', () => {
    for (const now of ['2026-12-07T20:00:00Z', '2026-12-11T20:00:00Z']) {
      expect(takedownReminderDue(caseAfter(forwarded), at(now))).toMatchObject({
        due: { kind: 'restore_window_open', key: 'td-7:restore_window_open', closesAt: at('2026-12-11T20:00:00Z') },
        nextCheckAt: at('2026-12-11T20:00:00.001Z'),
      });
    }
  });

  it('reports overdue once the 14th business day has passed', () => {
    const r = takedownReminderDue(caseAfter(forwarded), at('2026-12-11T20:00:00.001Z'));
    expect(r).toMatchObject({ due: { kind: 'restore_overdue', key: 'td-7:restore_overdue' }, nextCheckAt: undefined });
    expect(r.due?.message).toContain('DMCA-2026-0042');
  });

  it('says nothing for cases without a pending restore', () => {
    expect(takedownReminderDue(caseAfter([{ type: 'disable' }]), at('2026-12-09T00:00:00Z'))).toEqual({ due: undefined, nextCheckAt: undefined });
    const restored = m.transition(caseAfter(forwarded), { type: 'restore' }, { at: '2026-12-08T15:00:00Z', actor: 'modA' });
    if (!restored.ok) throw new Error(restored.error.message);
    expect(takedownReminderDue(restored.state, at('2026-12-20T00:00:00Z')).due).toBeUndefined();
  });
});
