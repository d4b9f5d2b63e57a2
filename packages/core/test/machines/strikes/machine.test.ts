import { describe, expect, it } from 'vitest';
import {
  proposeStrike,
  strikeLadderConfigSchema,
  strikeMachine as m,
  type StrikeCommand,
  type StrikeContext,
  type StrikeState,
  type StrikeStatus,
} from '../../../src/machines/index.js';

const config = strikeLadderConfigSchema.parse({});
const day = (n: number): Date => new Date(Date.UTC(2026, 0, 1 + n, 12));
const mod = (at: Date, userStrikes: StrikeState[] = []): StrikeContext => ({ actor: 'modA', role: 'moderator', at, config, userStrikes });

let n = 0;
function proposed(at: Date, kind = 'ai-generated'): StrikeState {
  return proposeStrike({ id: `s${++n}`, user: 'artist9', kind, reason: 'AI-generated art flaired as original', source: 'rule:3' }, { actor: 'creator-desk', role: 'system', at }).state;
}
function confirmed(at: Date, prior: StrikeState[] = [], kind = 'ai-generated'): StrikeState {
  const r = m.transition(proposed(at, kind), { type: 'confirm' }, mod(at, prior));
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
}

describe('the strike table', () => {
  it('allows exactly these commands from each state', () => {
    const expected: Record<StrikeStatus, string[]> = { proposed: ['confirm', 'dismiss'], confirmed: ['revoke'], dismissed: [], revoked: [] };
    for (const status of m.states) expect({ status, commands: m.allowedCommands(status) }).toEqual({ status, commands: expected[status] });
  });

  it('refuses anything else with a typed error', () => {
    const c = confirmed(day(0));
    const tries: StrikeCommand[] = [{ type: 'confirm' }, { type: 'dismiss', reason: 'x' }];
    expect(tries.map((t) => m.transition(c, t, mod(day(1)))).map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'AlreadyInTargetState',
      'InvalidStateTransition',
    ]);
  });
});

describe('confirming a strike', () => {
  it('is a moderator decision: automation can propose but not confirm', () => {
    const p = proposed(day(0));
    expect(p).toMatchObject({ status: 'proposed', proposedBy: 'creator-desk' });
    expect(m.transition(p, { type: 'confirm' }, { actor: 'creator-desk', role: 'system', at: day(0), config })).toMatchObject({
      ok: false,
      error: { code: 'GuardFailed', guard: 'moderator_required' },
    });
    expect(m.transition(p, { type: 'dismiss', reason: 'x' }, { actor: 'bot', at: day(0) })).toMatchObject({ ok: false, error: { guard: 'moderator_required' } });
  });

  it('records the ladder step: warn, then a 7-day ban, then a permanent ban', () => {
    const first = confirmed(day(0));
    const second = confirmed(day(10), [first]);
    const third = confirmed(day(20), [first, second]);
    expect([first, second, third].map((s) => s.enforcement)).toEqual([
      { action: 'warn' },
      { action: 'temp_ban', durationDays: 7, endsAt: new Date(day(10).getTime() + 7 * 86_400_000).toISOString() },
      { action: 'perm_ban' },
    ]);
    expect(third).toMatchObject({ confirmedBy: 'modA', confirmedAt: day(20).toISOString(), overridden: false });
  });

  it('does not count expired strikes: after 180 days the user is back to a warning', () => {
    const old = confirmed(day(0));
    expect(confirmed(day(181), [old]).enforcement).toEqual({ action: 'warn' });
  });

  it('lets the moderator choose a lighter step, recorded as an override', () => {
    const first = confirmed(day(0));
    const r = m.transition(proposed(day(3)), { type: 'confirm', action: 'warn', reason: 'first offence in months' }, mod(day(3), [first]));
    expect(r).toMatchObject({ ok: true, state: { enforcement: { action: 'warn' }, overridden: true }, audit: { reason: 'first offence in months' } });
  });

  it('needs a duration for a temporary ban the ladder did not propose', () => {
    expect(m.transition(proposed(day(0)), { type: 'confirm', action: 'temp_ban' }, mod(day(0)))).toMatchObject({
      ok: false,
      error: { guard: 'duration_required' },
    });
    expect(m.transition(proposed(day(0)), { type: 'confirm', action: 'temp_ban', durationDays: 3 }, mod(day(0)))).toMatchObject({
      ok: true,
      state: { enforcement: { action: 'temp_ban', durationDays: 3 }, overridden: true },
    });
  });

  it('records no enforcement when no ladder is given (nothing is inferred)', () => {
    const r = m.transition(proposed(day(0)), { type: 'confirm' }, { actor: 'modA', role: 'moderator', at: day(0) });
    expect(r).toMatchObject({ ok: true, state: { enforcement: { action: 'none' } } });
  });

  it('revoking needs a reason and replays to the same state', () => {
    const p = proposeStrike({ id: 'sx', user: 'artist9', kind: 'copyright', reason: 'takedown', source: 'td-1' }, { actor: 'creator-desk', role: 'system', at: day(0) });
    const c = m.transition(p.state, { type: 'confirm' }, mod(day(1)));
    if (!c.ok) throw new Error(c.error.message);
    expect(m.transition(c.state, { type: 'revoke', reason: '' }, mod(day(2)))).toMatchObject({ ok: false, error: { guard: 'reason_required' } });
    const r = m.transition(c.state, { type: 'revoke', reason: 'counter-notice upheld, content restored' }, mod(day(30)));
    if (!r.ok) throw new Error(r.error.message);
    expect(m.replay(JSON.parse(JSON.stringify([p.audit, c.audit, r.audit])))).toEqual({ ok: true, state: r.state });
  });
});
