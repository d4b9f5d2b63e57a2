import { describe, expect, it } from 'vitest';
import {
  createReviewItem,
  reviewItemMachine as m,
  reviewItemTable,
  type AuditEvent,
  type ReviewCommand,
  type ReviewContext,
  type ReviewItemState,
  type ReviewStatus,
} from '../../../src/machines/index.js';

const TEAMS = ['Legal', 'Trust & Safety', 'Brand', 'Engineering'];
let minute = 0;
const by = (actor: string): ReviewContext => ({ actor, at: new Date(Date.UTC(2026, 2, 2, 10, minute++)), teams: TEAMS });

function apply(state: ReviewItemState, command: ReviewCommand, ctx: ReviewContext): ReviewItemState {
  const r = m.transition(state, command, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
}

/** An item brought to `status` by reviewer `ann`. */
function itemIn(status: ReviewStatus): ReviewItemState {
  const pending = createReviewItem('sub-1', 'avatars', by('system')).state;
  const claimed = (): ReviewItemState => apply(pending, { type: 'claim' }, by('ann'));
  switch (status) {
    case 'pending': return pending;
    case 'claimed': return claimed();
    case 'approved': return apply(claimed(), { type: 'approve' }, by('ann'));
    case 'rejected': return apply(claimed(), { type: 'reject', reason: 'traced art' }, by('ann'));
    case 'escalated': return apply(claimed(), { type: 'escalate', team: 'Legal', reason: 'possible IP' }, by('ann'));
    case 'closed': return apply(itemIn('escalated'), { type: 'close' }, by('ann'));
  }
}

const commands: ReviewCommand[] = [
  { type: 'claim' },
  { type: 'release' },
  { type: 'approve' },
  { type: 'reject', reason: 'off-model' },
  { type: 'escalate', team: 'Brand', reason: 'brand award' },
  { type: 'close' },
];

describe('the review-item table', () => {
  it('allows exactly these commands from each state', () => {
    const expected: Record<ReviewStatus, string[]> = {
      pending: ['claim', 'escalate'],
      claimed: ['release', 'approve', 'reject', 'escalate'],
      approved: [],
      rejected: [],
      escalated: ['close'],
      closed: [],
    };
    for (const status of m.states) expect({ status, commands: m.allowedCommands(status) }).toEqual({ status, commands: expected[status] });
  });
});

describe('review item transitions', () => {
  const statuses = m.states;
  for (const status of statuses) {
    for (const command of commands) {
      const row = reviewItemTable.find((r) => r.command === command.type && (r.from as readonly string[]).includes(status));
      it(`${command.type} from ${status} is ${row ? `allowed (→ ${row.to})` : 'refused'}`, () => {
        const r = m.transition(itemIn(status), command, by('ann'));
        if (row) expect(r).toMatchObject({ ok: true, state: { status: row.to }, audit: { from: status, to: row.to, command: command.type } });
        else expect(r.ok).toBe(false);
      });
    }
  }

  it('escalated items may only close', () => {
    const escalated = itemIn('escalated');
    expect(m.allowedCommands('escalated')).toEqual(['close']);
    for (const c of commands.filter((c) => c.type !== 'close' && c.type !== 'escalate')) {
      expect(m.transition(escalated, c, by('ann'))).toMatchObject({ ok: false, error: { code: 'InvalidStateTransition', from: 'escalated' } });
    }
    expect(m.transition(escalated, { type: 'escalate', team: 'Legal', reason: 'again' }, by('ann'))).toMatchObject({
      ok: false,
      error: { code: 'AlreadyInTargetState' },
    });
  });

  it('approved, rejected and closed are final', () => {
    expect(m.terminal).toEqual(['approved', 'rejected', 'closed']);
  });
});

describe('claims', () => {
  it('a second reviewer gets AlreadyClaimed naming the holder', () => {
    const claimed = itemIn('claimed');
    expect(m.transition(claimed, { type: 'claim' }, by('bea'))).toMatchObject({
      ok: false,
      error: { code: 'AlreadyClaimed', claimedBy: 'ann', claimedAt: claimed.claimedAt },
    });
  });

  it('the holder claiming again gets AlreadyInTargetState (a double click is harmless)', () => {
    expect(m.transition(itemIn('claimed'), { type: 'claim' }, by('ann'))).toMatchObject({
      ok: false,
      error: { code: 'AlreadyInTargetState', state: 'claimed' },
    });
  });

  it('only the holder may approve, reject, escalate or release; a forced release is recorded with its actor', () => {
    const claimed = itemIn('claimed');
    for (const c of commands.filter((c) => ['approve', 'reject', 'escalate', 'release'].includes(c.type))) {
      expect(m.transition(claimed, c, by('bea'))).toMatchObject({ ok: false, error: { code: 'NotClaimedBy', actor: 'bea', claimedBy: 'ann' } });
    }
    const forced = m.transition(claimed, { type: 'release', force: true, reason: 'ann is on leave' }, by('lead'));
    expect(forced).toMatchObject({
      ok: true,
      state: { status: 'pending', claimedBy: null },
      audit: { actor: 'lead', reason: 'ann is on leave', changes: { claimedBy: null, claimedAt: null } },
    });
  });
});

describe('decisions', () => {
  it('records who decided and when; rejection and escalation need a reason', () => {
    const claimed = itemIn('claimed');
    const ctx = by('ann');
    expect(m.transition(claimed, { type: 'approve' }, ctx)).toMatchObject({
      ok: true,
      state: { decidedBy: 'ann', decidedAt: new Date(ctx.at).toISOString() },
    });
    expect(m.transition(claimed, { type: 'reject', reason: '  ' }, by('ann'))).toMatchObject({
      ok: false,
      error: { code: 'GuardFailed', guard: 'reason_required' },
    });
  });

  it('escalation goes only to a configured team', () => {
    expect(m.transition(itemIn('claimed'), { type: 'escalate', team: 'Marketing', reason: 'x' }, by('ann'))).toMatchObject({
      ok: false,
      error: { code: 'GuardFailed', guard: 'unknown_team', details: { team: 'Marketing', teams: TEAMS } },
    });
    expect(m.transition(itemIn('pending'), { type: 'escalate', team: 'Trust & Safety', reason: 'AI-generated' }, by('automod'))).toMatchObject({
      ok: true,
      state: { status: 'escalated', team: 'Trust & Safety', note: 'AI-generated' },
    });
  });
});

describe('replay', () => {
  it('folding the audit events gives the same state as applying the commands', () => {
    const created = createReviewItem('sub-9', 'brand-awards', by('system'));
    const log: AuditEvent<ReviewItemState, ReviewCommand['type']>[] = [created.audit];
    let state = created.state;
    const script: Array<[ReviewCommand, string]> = [
      [{ type: 'claim' }, 'ann'],
      [{ type: 'release' }, 'ann'],
      [{ type: 'claim' }, 'bea'],
      [{ type: 'escalate', team: 'Brand', reason: 'logo use' }, 'bea'],
      [{ type: 'close', reason: 'Brand approved' }, 'brand-lead'],
    ];
    for (const [command, actor] of script) {
      const r = m.transition(state, command, by(actor));
      if (!r.ok) throw new Error(r.error.message);
      log.push(r.audit);
      state = r.state;
    }
    expect(log.map((e) => `${e.from ?? '∅'}→${e.to}`)).toEqual([
      '∅→pending', 'pending→claimed', 'claimed→pending', 'pending→claimed', 'claimed→escalated', 'escalated→closed',
    ]);
    expect(m.replay(JSON.parse(JSON.stringify(log)) as typeof log)).toEqual({ ok: true, state });
    // Every prefix of the log is a valid earlier state.
    expect(m.replay(log.slice(0, 3))).toMatchObject({ ok: true, state: { status: 'pending', claimedBy: null } });
  });
});
