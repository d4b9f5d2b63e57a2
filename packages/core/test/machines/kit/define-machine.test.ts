import { describe, expect, it } from 'vitest';
import { defineMachine, guardFailed, type AuditEvent, type EntityState, type TransitionContext } from '../../../src/machines/index.js';

// A deliberately tiny machine so the kit's own rules are visible without any domain logic.
type DoorStatus = 'open' | 'closed' | 'locked';
interface Door extends EntityState<DoorStatus> {
  lockedBy?: string | null;
}
type DoorCommand = { type: 'close'; reason?: string } | { type: 'open'; reason?: string } | { type: 'lock'; reason?: string } | { type: 'unlock'; reason?: string };

const door = defineMachine<Door, DoorCommand, TransitionContext, 'not_yours'>({
  name: 'door',
  states: ['open', 'closed', 'locked'],
  initial: 'open',
  table: [
    { command: 'close', from: ['open'], to: 'closed' },
    { command: 'open', from: ['closed'], to: 'open' },
    { command: 'lock', from: ['closed'], to: 'locked' },
    { command: 'unlock', from: ['locked'], to: 'closed' },
  ],
  effects: {
    lock: (_s, _c, ctx) => ({ ok: true, changes: { lockedBy: ctx.actor } }),
    unlock: (s, _c, ctx) =>
      s.lockedBy === ctx.actor ? { ok: true, changes: { lockedBy: null } } : { ok: false, error: guardFailed('not_yours', 'only the locker unlocks') },
  },
});

const ctx = (actor: string, minute: number, reason?: string): TransitionContext => ({
  actor,
  at: new Date(Date.UTC(2026, 0, 5, 9, minute)),
  ...(reason ? { reason } : {}),
});

describe('defineMachine', () => {
  it('creates in the initial state with a create event from null', () => {
    const { state, audit } = door.create('d1', {}, ctx('ann', 0));
    expect(state).toMatchObject({ id: 'd1', status: 'open', version: 1, createdAt: '2026-01-05T09:00:00.000Z' });
    expect(audit).toEqual({
      machine: 'door', subject: 'd1', seq: 1, at: '2026-01-05T09:00:00.000Z', actor: 'ann', command: 'create', from: null, to: 'open', changes: {},
    });
  });

  it('moves along the table and returns the audit event with actor, time, from, to and reason', () => {
    const s0 = door.create('d1', {}, ctx('ann', 0)).state;
    const r = door.transition(s0, { type: 'close', reason: 'draught' }, ctx('bob', 1));
    expect(r).toEqual({
      ok: true,
      state: { ...s0, status: 'closed', version: 2, updatedAt: '2026-01-05T09:01:00.000Z' },
      audit: {
        machine: 'door', subject: 'd1', seq: 2, at: '2026-01-05T09:01:00.000Z', actor: 'bob', command: 'close',
        from: 'open', to: 'closed', reason: 'draught', changes: {},
      },
    });
    expect(s0.status).toBe('open'); // the input state is untouched
  });

  it('refuses a command the table does not allow from the current state', () => {
    const s0 = door.create('d1', {}, ctx('ann', 0)).state;
    const r = door.transition(s0, { type: 'lock' }, ctx('ann', 1));
    expect(r).toMatchObject({ ok: false, error: { code: 'InvalidStateTransition', from: 'open', to: 'locked', allowedFrom: ['closed'] } });
  });

  it('reports AlreadyInTargetState for a repeated command', () => {
    const s1 = door.transition(door.create('d1', {}, ctx('ann', 0)).state, { type: 'close' }, ctx('ann', 1));
    if (!s1.ok) throw new Error('setup');
    expect(door.transition(s1.state, { type: 'close' }, ctx('ann', 2))).toMatchObject({
      ok: false,
      error: { code: 'AlreadyInTargetState', state: 'closed', command: 'close' },
    });
  });

  it('reports an unknown command and a guard failure as typed errors', () => {
    const s0 = door.create('d1', {}, ctx('ann', 0)).state;
    expect(door.transition(s0, { type: 'smash' } as unknown as DoorCommand, ctx('ann', 1))).toMatchObject({
      ok: false,
      error: { code: 'UnknownCommand', command: 'smash' },
    });
    let s = s0;
    for (const [type, actor] of [['close', 'ann'], ['lock', 'ann']] as const) {
      const r = door.transition(s, { type }, ctx(actor, 2));
      if (!r.ok) throw new Error(r.error.message);
      s = r.state;
    }
    expect(door.transition(s, { type: 'unlock' }, ctx('bob', 3))).toEqual({
      ok: false,
      error: { code: 'GuardFailed', guard: 'not_yours', message: 'only the locker unlocks' },
    });
  });

  it('lists terminal states and allowed commands from the table', () => {
    expect(door.terminal).toEqual([]);
    expect(door.allowedCommands('closed')).toEqual(['open', 'lock']);
  });

  it('rejects a table naming an unknown state or two rows for one source state', () => {
    expect(() =>
      defineMachine<Door, DoorCommand, TransitionContext>({
        name: 'bad', states: ['open', 'closed', 'locked'], initial: 'open',
        table: [{ command: 'close', from: ['open'], to: 'shut' as DoorStatus }],
      }),
    ).toThrow('unknown state "shut"');
    expect(() =>
      defineMachine<Door, DoorCommand, TransitionContext>({
        name: 'bad', states: ['open', 'closed', 'locked'], initial: 'open',
        table: [{ command: 'close', from: ['open'], to: 'closed' }, { command: 'close', from: ['open', 'locked'], to: 'locked' }],
      }),
    ).toThrow('two rows');
  });

  it('rejects an invalid instant instead of logging "Invalid Date"', () => {
    expect(() => door.create('d1', {}, { actor: 'ann', at: 'yesterday' })).toThrow(RangeError);
  });
});

describe('replay', () => {
  function run(): { events: AuditEvent<Door, DoorCommand['type']>[]; state: Door } {
    const created = door.create('d1', {}, ctx('ann', 0));
    const events: AuditEvent<Door, DoorCommand['type']>[] = [created.audit];
    let state = created.state;
    for (const [i, type] of (['close', 'lock', 'unlock', 'open'] as const).entries()) {
      const r = door.transition(state, { type }, ctx('ann', i + 1));
      if (!r.ok) throw new Error(r.error.message);
      events.push(r.audit);
      state = r.state;
    }
    return { events, state };
  }

  it('rebuilds the same state from the log, also after a JSON round trip', () => {
    const { events, state } = run();
    const stored = JSON.parse(JSON.stringify(events)) as typeof events;
    expect(door.replay(stored)).toEqual({ ok: true, state });
    expect(state.lockedBy).toBeNull();
  });

  it('refuses a log with a gap, a duplicate, a foreign event or a transition the table forbids', () => {
    const { events } = run();
    const [first, second, third] = events;
    if (!first || !second || !third) throw new Error('setup');
    expect(door.replay([])).toMatchObject({ ok: false, error: { message: 'empty log' } });
    expect(door.replay([second])).toMatchObject({ ok: false, error: { index: 0 } });
    expect(door.replay([first, third])).toMatchObject({ ok: false, error: { index: 1, message: expect.stringContaining('expected seq 2') } });
    expect(door.replay([first, second, second])).toMatchObject({ ok: false, error: { index: 2 } });
    expect(door.replay([{ ...first, machine: 'window' }])).toMatchObject({ ok: false, error: { message: expect.stringContaining('window') } });
    expect(door.replay([first, { ...second, to: 'locked' }])).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('does not allow open → locked') },
    });
  });
});
