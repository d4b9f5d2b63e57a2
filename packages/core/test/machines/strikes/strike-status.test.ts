import { describe, expect, it } from 'vitest';
import {
  proposeStrike,
  strikeLadderConfigSchema,
  strikeMachine as m,
  strikeStatus,
  type StrikeState,
} from '../../../src/machines/index.js';

const day = (n: number): Date => new Date(Date.UTC(2026, 0, 1 + n, 12));
let n = 0;
function strike(issuedDay: number, status: 'proposed' | 'confirmed' | 'revoked' = 'confirmed', kind = 'copyright', user = 'artist9'): StrikeState {
  let s = proposeStrike({ id: `k${++n}`, user, kind, reason: 'r' }, { actor: 'bot', role: 'system', at: day(issuedDay) }).state;
  const steps = status === 'proposed' ? [] : status === 'confirmed' ? ['confirm'] : ['confirm', 'revoke'];
  for (const type of steps) {
    const r = m.transition(s, type === 'confirm' ? { type: 'confirm' } : { type: 'revoke', reason: 'appeal' }, { actor: 'modA', role: 'moderator', at: day(issuedDay + 1) });
    if (!r.ok) throw new Error(r.error.message);
    s = r.state;
  }
  return s;
}

const ladder = strikeLadderConfigSchema.parse({
  expiryDays: 90,
  steps: [
    { action: 'warn', atStrikes: 1 },
    { action: 'temp_ban', atStrikes: 2, durationDays: 3 },
    { action: 'temp_ban', atStrikes: 3, durationDays: 30 },
    { action: 'perm_ban', atStrikes: 4 },
  ],
  repeatInfringer: { threshold: 3, windowDays: 365 },
});

describe('strikeStatus', () => {
  it('counts confirmed, unexpired strikes and names the next step', () => {
    const strikes = [strike(0), strike(50), strike(60, 'proposed'), strike(70, 'revoked')];
    const st = strikeStatus(strikes, day(80), ladder);
    expect(st.active.map((s) => s.id)).toEqual([strikes[0]?.id, strikes[1]?.id]);
    expect(st.proposed).toHaveLength(1);
    expect(st.currentStep).toEqual({ action: 'temp_ban', atStrikes: 2, durationDays: 3 });
    expect(st.nextStep).toEqual({ action: 'temp_ban', atStrikes: 3, durationDays: 30 });
    expect(st.nextExpiryAt).toEqual(day(90));
  });

  it('steps down the ladder as strikes expire after N days', () => {
    const strikes = [strike(0), strike(50)];
    expect(strikeStatus(strikes, new Date(day(90).getTime() - 1), ladder).active).toHaveLength(2);
    const after = strikeStatus(strikes, day(90), ladder);
    expect(after.active).toHaveLength(1);
    expect(after.expired).toHaveLength(1);
    expect(after.nextStep).toEqual({ action: 'temp_ban', atStrikes: 2, durationDays: 3 });
    expect(strikeStatus(strikes, day(140), ladder)).toMatchObject({ active: [], currentStep: undefined, nextStep: { action: 'warn' }, nextExpiryAt: undefined });
  });

  it('stays at the permanent ban beyond the top of the ladder', () => {
    const strikes = [strike(0), strike(1), strike(2), strike(3), strike(4)];
    expect(strikeStatus(strikes, day(10), ladder)).toMatchObject({ currentStep: { action: 'perm_ban' }, nextStep: { action: 'perm_ban' } });
  });

  it('flags a termination review at the repeat-infringer threshold, counting expired strikes within the window', () => {
    const strikes = [strike(0), strike(100), strike(200, 'confirmed', 'harassment'), strike(250)];
    // At day 260 the first copyright strike expired from the ladder (90 days) but is within the 365-day window.
    const st = strikeStatus(strikes, day(260), ladder);
    expect(st.active).toHaveLength(2);
    expect(st.repeatInfringer).toEqual({
      count: 3, threshold: 3, kinds: ['copyright'], strikeIds: [strikes[0]?.id, strikes[1]?.id, strikes[3]?.id], terminationReviewDue: true,
    });
    expect(strikeStatus(strikes, day(366), ladder).repeatInfringer).toMatchObject({ count: 2, terminationReviewDue: false });
  });

  it('ignores strikes issued after now and refuses strikes of several users', () => {
    expect(strikeStatus([strike(10)], day(5), ladder).active).toEqual([]);
    expect(() => strikeStatus([strike(0), strike(0, 'confirmed', 'copyright', 'other')], day(1), ladder)).toThrow(RangeError);
  });
});

describe('strikeLadderConfigSchema', () => {
  it('defaults to warn → 7-day ban → permanent ban, 180-day expiry, copyright threshold 3', () => {
    expect(strikeLadderConfigSchema.parse({})).toEqual({
      expiryDays: 180,
      steps: [{ action: 'warn', atStrikes: 1 }, { action: 'temp_ban', atStrikes: 2, durationDays: 7 }, { action: 'perm_ban', atStrikes: 3 }],
      repeatInfringer: { kinds: ['copyright'], threshold: 3, windowDays: 365 },
    });
  });

  it('explains a bad ladder with paths', () => {
    const r = strikeLadderConfigSchema.safeParse({
      steps: [{ action: 'perm_ban', atStrikes: 2 }, { action: 'warn', atStrikes: 1 }, { action: 'temp_ban', atStrikes: 3, durationDays: 1000 }],
    });
    expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'steps.2.durationDays: Reddit bans last 1–999 days',
      'steps.0.action: a permanent ban must be the last step',
      'steps.1.atStrikes: steps must be in increasing atStrikes order (2 then 1)',
    ]);
    const order = strikeLadderConfigSchema.safeParse({ steps: [{ action: 'perm_ban', atStrikes: 2 }, { action: 'warn', atStrikes: 1 }] });
    expect(order.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'steps.0.action: a permanent ban must be the last step',
      'steps.1.atStrikes: steps must be in increasing atStrikes order (2 then 1)',
    ]);
  });
});
