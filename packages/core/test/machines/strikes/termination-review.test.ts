import { describe, expect, it } from 'vitest';
import {
  openTerminationReview,
  proposeStrike,
  strikeLadderConfigSchema,
  strikeMachine,
  strikeStatus,
  terminationReviewMachine as m,
  type StrikeState,
} from '../../../src/machines/index.js';

const config = strikeLadderConfigSchema.parse({ repeatInfringer: { threshold: 2 } });
const day = (n: number): Date => new Date(Date.UTC(2026, 5, 1 + n, 12));

function copyrightStrike(id: string, d: number): StrikeState {
  const p = proposeStrike({ id, user: 'Sam', kind: 'copyright', reason: 'takedown', source: `td-${id}` }, { actor: 'creator-desk', role: 'system', at: day(d) });
  const c = strikeMachine.transition(p.state, { type: 'confirm' }, { actor: 'modA', role: 'moderator', at: day(d), config });
  if (!c.ok) throw new Error(c.error.message);
  return c.state;
}

describe('termination review', () => {
  it('opens only at the threshold, with a stable id over the counted strikes', () => {
    const one = [copyrightStrike('a', 0)];
    expect(openTerminationReview('Sam', strikeStatus(one, day(1), config), { actor: 'creator-desk', role: 'system', at: day(1) })).toMatchObject({
      ok: false,
      error: { guard: 'threshold_not_reached', message: 'Sam has 1 of 2 repeat-infringer strikes' },
    });
    const two = [...one, copyrightStrike('b', 5)];
    const opened = openTerminationReview('Sam', strikeStatus(two, day(6), config), { actor: 'creator-desk', role: 'system', at: day(6) });
    expect(opened).toMatchObject({ ok: true, state: { id: 'termination:sam:a,b', status: 'open', strikeIds: ['a', 'b'], threshold: 2 } });
    // The job running again the next day computes the same id, so the app opens one review, not two.
    const again = openTerminationReview('Sam', strikeStatus(two, day(7), config), { actor: 'creator-desk', role: 'system', at: day(7) });
    expect(again.ok && again.state.id).toBe('termination:sam:a,b');
  });

  it('is decided by a moderator with a reason, never by automation', () => {
    const two = [copyrightStrike('a', 0), copyrightStrike('b', 1)];
    const opened = openTerminationReview('Sam', strikeStatus(two, day(2), config), { actor: 'creator-desk', role: 'system', at: day(2) });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(m.transition(opened.state, { type: 'terminate', reason: 'third infringement' }, { actor: 'creator-desk', role: 'system', at: day(3) })).toMatchObject({
      ok: false,
      error: { guard: 'moderator_required' },
    });
    expect(m.transition(opened.state, { type: 'decline', reason: '' }, { actor: 'modA', role: 'moderator', at: day(3) })).toMatchObject({
      ok: false,
      error: { guard: 'reason_required' },
    });
    const decided = m.transition(opened.state, { type: 'decline', reason: 'both notices from one complainant, one withdrawn' }, { actor: 'modA', role: 'moderator', at: day(3) });
    expect(decided).toMatchObject({ ok: true, state: { status: 'declined' }, audit: { actor: 'modA', from: 'open', to: 'declined' } });
    if (!decided.ok) return;
    expect(m.transition(decided.state, { type: 'terminate', reason: 'changed mind' }, { actor: 'modA', role: 'moderator', at: day(4) })).toMatchObject({
      ok: false,
      error: { code: 'InvalidStateTransition' },
    });
    expect(m.replay([opened.audit, decided.audit])).toEqual({ ok: true, state: decided.state });
  });
});
