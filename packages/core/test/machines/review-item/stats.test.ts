import { describe, expect, it } from 'vitest';
import {
  createReviewItem,
  queueStatsFromEvents,
  reviewItemMachine as m,
  type AuditEvent,
  type ReviewCommand,
  type ReviewItemState,
} from '../../../src/machines/index.js';

type Event = AuditEvent<ReviewItemState, ReviewCommand['type']>;
const T0 = Date.UTC(2026, 2, 10, 12, 0); // "now" in the tests
const at = (minutesBeforeNow: number): Date => new Date(T0 - minutesBeforeNow * 60_000);

/** Build one item's log: created `ago` minutes before now, then each [command, actor, minutesBeforeNow]. */
function itemLog(id: string, queue: string, ago: number, steps: Array<[ReviewCommand, string, number]>): Event[] {
  const created = createReviewItem(id, queue, { actor: 'system', at: at(ago) });
  const log: Event[] = [created.audit];
  let state = created.state;
  for (const [command, actor, when] of steps) {
    const r = m.transition(state, command, { actor, at: at(when) });
    if (!r.ok) throw new Error(r.error.message);
    log.push(r.audit);
    state = r.state;
  }
  return log;
}

describe('queueStatsFromEvents', () => {
  const events: Event[] = [
    // avatars: 2 pending (one claimed), 2 actioned, 1 escalated
    ...itemLog('a1', 'avatars', 60, []),
    ...itemLog('a2', 'avatars', 120, [[{ type: 'claim' }, 'ann', 100]]),
    ...itemLog('a3', 'avatars', 30 * 60, [[{ type: 'claim' }, 'ann', 29 * 60], [{ type: 'approve' }, 'ann', 28 * 60]]), // 120 min handling, decided 28 h ago
    ...itemLog('a4', 'avatars', 90, [[{ type: 'claim' }, 'bea', 80], [{ type: 'reject', reason: 'traced' }, 'bea', 60]]), // 30 min
    ...itemLog('a5', 'avatars', 50, [[{ type: 'escalate', team: 'Legal', reason: 'IP' }, 'automod', 40]]), // 10 min
    // brand-awards: one escalated then closed
    ...itemLog('b1', 'brand-awards', 3 * 60, [[{ type: 'escalate', team: 'Brand', reason: 'logo' }, 'ann', 2 * 60], [{ type: 'close' }, 'brand', 60]]),
  ];

  it('counts pending, claimed, actioned, escalated and closed per queue from the events alone', () => {
    const { stats, problems } = queueStatsFromEvents(events, new Date(T0));
    expect(problems).toEqual([]);
    expect(stats.map(({ queue, pending, claimed, actioned, escalated, closed }) => ({ queue, pending, claimed, actioned, escalated, closed }))).toEqual([
      { queue: 'avatars', pending: 1, claimed: 1, actioned: 2, escalated: 1, closed: 0 },
      { queue: 'brand-awards', pending: 0, claimed: 0, actioned: 0, escalated: 0, closed: 1 },
    ]);
  });

  it('computes inbound 24 h, the action rate and the average handling time', () => {
    const avatars = queueStatsFromEvents(events, new Date(T0)).stats[0];
    expect(avatars).toMatchObject({ inbound24h: 4, decided24h: 2, actionRate24h: 0.5 });
    expect(avatars?.averageHandlingMinutes).toBeCloseTo((120 + 30 + 10) / 3, 9);
  });

  it('gives the figures as they were at an earlier instant by ignoring later events', () => {
    const earlier = new Date(T0 - 70 * 60_000);
    const avatars = queueStatsFromEvents(events, earlier).stats[0];
    // At now-70min: a1 and a5 did not exist yet, a2 and a4 were claimed, a3 approved.
    expect(avatars).toMatchObject({ pending: 0, claimed: 2, actioned: 1, escalated: 0 });
  });

  it('reports an item whose log does not replay instead of counting it', () => {
    const broken = itemLog('x1', 'avatars', 10, [[{ type: 'claim' }, 'ann', 5]]).slice(1);
    const { stats, problems } = queueStatsFromEvents([...events, ...broken], new Date(T0));
    expect(problems).toEqual([{ subject: 'x1', message: expect.stringContaining('must create') }]);
    expect(stats[0]?.claimed).toBe(1);
  });

  it('has no action rate when nothing came in', () => {
    const { stats } = queueStatsFromEvents(itemLog('old', 'hca', 48 * 60, []), new Date(T0));
    expect(stats[0]).toMatchObject({ inbound24h: 0, actionRate24h: undefined, averageHandlingMinutes: undefined });
  });
});
