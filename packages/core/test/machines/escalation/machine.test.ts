import { describe, expect, it } from 'vitest';
import {
  escalationConfigSchema,
  escalationMachine as m,
  escalationTable,
  openEscalation,
  type EscalationCommand,
  type EscalationState,
  type EscalationStatus,
} from '../../../src/machines/index.js';

const at = (min: number): Date => new Date(Date.UTC(2026, 3, 1, 9, min));
const open = (): EscalationState => openEscalation('esc-1', { itemId: 't3_abc', source: 'mod-menu' }, { actor: 'modA', at: at(0) }).state;

function inStatus(status: EscalationStatus): EscalationState {
  if (status === 'open') return open();
  const escalated = m.transition(open(), { type: 'escalate', team: 'Legal', reason: 'DMCA' }, { actor: 'modA', at: at(1) });
  if (!escalated.ok) throw new Error(escalated.error.message);
  if (status === 'escalated') return escalated.state;
  const closed = m.transition(escalated.state, { type: 'close', resolution: 'handled by Legal' }, { actor: 'legal', at: at(2) });
  if (!closed.ok) throw new Error(closed.error.message);
  return closed.state;
}

const commands: EscalationCommand[] = [
  { type: 'escalate', team: 'Brand', reason: 'logo' },
  { type: 'close', resolution: 'done' },
];

describe('the escalation table', () => {
  it('allows exactly these commands from each state', () => {
    const expected: Record<EscalationStatus, string[]> = { open: ['escalate', 'close'], escalated: ['close'], closed: [] };
    for (const status of m.states) expect({ status, commands: m.allowedCommands(status) }).toEqual({ status, commands: expected[status] });
  });
});

describe('escalation transitions', () => {
  for (const status of m.states) {
    for (const command of commands) {
      const row = escalationTable.find((r) => r.command === command.type && (r.from as readonly string[]).includes(status));
      it(`${command.type} from ${status} is ${row ? 'allowed' : 'refused'}`, () => {
        const r = m.transition(inStatus(status), command, { actor: 'modB', at: at(5) });
        expect(r.ok).toBe(row !== undefined);
        if (r.ok) expect(r.state.status).toBe(row?.to);
      });
    }
  }

  it('an escalated item may only close: re-routing it is refused', () => {
    expect(m.allowedCommands('escalated')).toEqual(['close']);
    expect(m.transition(inStatus('escalated'), { type: 'escalate', team: 'Brand', reason: 'x' }, { actor: 'modB', at: at(5) })).toMatchObject({
      ok: false,
      error: { code: 'AlreadyInTargetState', state: 'escalated' },
    });
    expect(m.transition(inStatus('closed'), { type: 'close', resolution: 'again' }, { actor: 'modB', at: at(5) })).toMatchObject({
      ok: false,
      error: { code: 'AlreadyInTargetState', state: 'closed' },
    });
  });

  it('records team, actor, time and reason in the state and the audit event', () => {
    const r = m.transition(open(), { type: 'escalate', team: 'trust & safety', reason: 'AI-generated art' }, { actor: 'modA', at: at(3) });
    expect(r).toMatchObject({
      ok: true,
      state: { status: 'escalated', team: 'Trust & Safety', escalatedBy: 'modA', escalatedAt: at(3).toISOString() },
      audit: { from: 'open', to: 'escalated', actor: 'modA', reason: 'AI-generated art', changes: { team: 'Trust & Safety' } },
    });
  });

  it('routes only to configured teams', () => {
    const config = escalationConfigSchema.parse({ teams: ['Legal', 'Payments'] });
    expect(m.transition(open(), { type: 'escalate', team: 'Brand', reason: 'x' }, { actor: 'a', at: at(1), config })).toMatchObject({
      ok: false,
      error: { code: 'GuardFailed', guard: 'unknown_team', details: { teams: ['Legal', 'Payments'] } },
    });
    expect(m.transition(open(), { type: 'escalate', team: 'Payments', reason: 'Stripe payout' }, { actor: 'a', at: at(1), config }).ok).toBe(true);
  });

  it('requires a reason to escalate and a resolution to close', () => {
    expect(m.transition(open(), { type: 'escalate', team: 'Legal', reason: ' ' }, { actor: 'a', at: at(1) })).toMatchObject({
      error: { guard: 'reason_required' },
    });
    expect(m.transition(open(), { type: 'close', resolution: '' }, { actor: 'a', at: at(1) })).toMatchObject({
      error: { guard: 'resolution_required' },
    });
  });

  it('replays its log to the same state', () => {
    const created = openEscalation('esc-2', { itemId: 'rev-7', source: 'rule:4' }, { actor: 'creator-desk', at: at(0), role: 'system' });
    const e1 = m.transition(created.state, { type: 'escalate', team: 'Brand', reason: 'brand award' }, { actor: 'creator-desk', at: at(1), role: 'system' });
    if (!e1.ok) throw new Error(e1.error.message);
    const e2 = m.transition(e1.state, { type: 'close', resolution: 'approved by Brand' }, { actor: 'brand-lead', at: at(9) });
    if (!e2.ok) throw new Error(e2.error.message);
    expect(m.replay(JSON.parse(JSON.stringify([created.audit, e1.audit, e2.audit])))).toEqual({ ok: true, state: e2.state });
    expect(e1.audit.role).toBe('system');
  });
});

describe('escalationConfigSchema', () => {
  it('defaults to Legal, Trust & Safety, Brand and Engineering', () => {
    expect(escalationConfigSchema.parse({}).teams).toEqual(['Legal', 'Trust & Safety', 'Brand', 'Engineering']);
  });

  it('says what is wrong with a bad team list', () => {
    const r = escalationConfigSchema.safeParse({ teams: ['Legal', 'legal', ''] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['teams.2: a team name cannot be empty', 'teams: team names must be unique']);
    expect(escalationConfigSchema.safeParse({ teams: ['Legal', 'legal'] }).error?.issues[0]?.message).toBe('team names must be unique');
  });
});
