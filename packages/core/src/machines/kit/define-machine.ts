/**
 * A small state-machine kit in the style of Bluesky Ozone's report handling: the allowed transitions are a
 * data table, and one pure `transition()` checks the table, runs the command's guard, and returns the next
 * state plus the audit event to append — or a typed error. State can be rebuilt by folding the events.
 */
import {
  type MachineError,
  type ReplayError,
} from './errors.js';
import type { AuditEvent, DataOf, EntityState, TransitionContext, TransitionRow } from './types.js';

/** Result of a command: the next state and the event to append, or why nothing changed. */
export type TransitionResult<St extends EntityState, C extends string, G extends string> =
  | { ok: true; state: St; audit: AuditEvent<St, C> }
  | { ok: false; error: MachineError<G> };

/** What a command's guard/effect returns: data changes, or a refusal. */
export type Effect<St extends EntityState, G extends string> =
  | { ok: true; changes?: Partial<DataOf<St>> }
  | { ok: false; error: MachineError<G> };

type Effects<St extends EntityState, Cmd extends { type: string }, Ctx, G extends string> = {
  [K in Cmd['type']]?: (state: St, command: Extract<Cmd, { type: K }>, ctx: Ctx) => Effect<St, G>;
};

/** Everything that defines a machine. */
export interface MachineSpec<
  St extends EntityState,
  Cmd extends { type: string; reason?: string },
  Ctx extends TransitionContext,
  G extends string,
> {
  name: string;
  states: readonly St['status'][];
  initial: St['status'];
  table: readonly TransitionRow<St['status'], Cmd['type']>[];
  /** Runs before the table check, for conflicts the table cannot express (e.g. someone else's claim). */
  precheck?: (state: St, command: Cmd, ctx: Ctx) => MachineError<G> | undefined;
  /** Per-command guard and data changes, run once the table allows the command. */
  effects?: Effects<St, Cmd, Ctx, G>;
}

/** A defined machine: its table plus pure functions over states and events. */
export interface Machine<
  St extends EntityState,
  Cmd extends { type: string; reason?: string },
  Ctx extends TransitionContext,
  G extends string,
> {
  readonly name: string;
  readonly states: readonly St['status'][];
  readonly initial: St['status'];
  readonly table: readonly TransitionRow<St['status'], Cmd['type']>[];
  /** States with no outgoing transition. */
  readonly terminal: readonly St['status'][];
  /** Start a new entity in the initial state; the audit event has `from: null`. */
  create(id: string, data: DataOf<St>, ctx: Ctx): { ok: true; state: St; audit: AuditEvent<St, Cmd['type']> };
  /** Apply one command. Pure: the input state is not modified. */
  transition(state: St, command: Cmd, ctx: Ctx): TransitionResult<St, Cmd['type'], G>;
  /** The commands the table allows from `status` (for building menus). */
  allowedCommands(status: St['status']): Cmd['type'][];
  /** Rebuild a state from its append-only log. */
  replay(events: readonly AuditEvent<St, Cmd['type']>[]): { ok: true; state: St } | { ok: false; error: ReplayError };
  /** Apply one already-recorded event to a state (no guards: events are facts). */
  applyEvent(state: St | undefined, event: AuditEvent<St, Cmd['type']>): { ok: true; state: St } | { ok: false; error: ReplayError };
}

/** Define a machine from its transition table and per-command effects. */
export function defineMachine<
  St extends EntityState,
  Cmd extends { type: string; reason?: string },
  Ctx extends TransitionContext,
  G extends string = never,
>(spec: MachineSpec<St, Cmd, Ctx, G>): Machine<St, Cmd, Ctx, G> {
  type S = St['status'];
  type C = Cmd['type'];
  const rowsByCommand = new Map<C, TransitionRow<S, C>[]>();
  for (const row of spec.table) {
    for (const s of [...row.from, row.to]) {
      if (!spec.states.includes(s)) throw new Error(`${spec.name}: table uses unknown state "${s}"`);
    }
    const rows = rowsByCommand.get(row.command) ?? [];
    if (rows.some((r) => r.from.some((f) => row.from.includes(f)))) {
      throw new Error(`${spec.name}: command "${row.command}" has two rows for the same source state`);
    }
    rows.push(row);
    rowsByCommand.set(row.command, rows);
  }
  const terminal = spec.states.filter((s) => !spec.table.some((r) => r.from.includes(s)));

  const findRow = (from: S, command: C): TransitionRow<S, C> | undefined =>
    rowsByCommand.get(command)?.find((r) => r.from.includes(from));

  function create(id: string, data: DataOf<St>, ctx: Ctx): { ok: true; state: St; audit: AuditEvent<St, C> } {
    const at = toIso(ctx.at);
    const state = { ...data, id, status: spec.initial, version: 1, createdAt: at, updatedAt: at } as unknown as St;
    const audit = auditEvent<St, C>(spec.name, id, 1, at, ctx, 'create', null, spec.initial, ctx.reason, data);
    return { ok: true, state, audit };
  }

  function transition(state: St, command: Cmd, ctx: Ctx): TransitionResult<St, C, G> {
    const type = command.type as C;
    const rows = rowsByCommand.get(type);
    if (rows === undefined) {
      return { ok: false, error: { code: 'UnknownCommand', message: `${spec.name} has no command "${type}"`, command: type } };
    }
    const pre = spec.precheck?.(state, command, ctx);
    if (pre !== undefined) return { ok: false, error: pre };
    const row = findRow(state.status, type);
    if (row === undefined) {
      const targets = [...new Set(rows.map((r) => r.to))];
      if (targets.length === 1 && targets[0] === state.status) {
        return {
          ok: false,
          error: {
            code: 'AlreadyInTargetState',
            message: `${spec.name} ${state.id} is already ${state.status}`,
            command: type,
            state: state.status,
          },
        };
      }
      const allowedFrom = rows.flatMap((r) => r.from);
      return {
        ok: false,
        error: {
          code: 'InvalidStateTransition',
          message: `${spec.name} ${state.id}: "${type}" is not allowed from ${state.status} (only from ${allowedFrom.join(', ')})`,
          command: type,
          from: state.status,
          to: targets.join('|'),
          allowedFrom,
        },
      };
    }
    const effect = (spec.effects as Record<string, ((s: St, c: Cmd, x: Ctx) => Effect<St, G>) | undefined> | undefined)?.[type];
    const result: Effect<St, G> = effect ? effect(state, command, ctx) : { ok: true };
    if (!result.ok) return result;
    const at = toIso(ctx.at);
    const changes = result.changes ?? {};
    const seq = state.version + 1;
    const audit = auditEvent<St, C>(spec.name, state.id, seq, at, ctx, type, state.status, row.to, command.reason ?? ctx.reason, changes);
    const next = { ...state, ...changes, status: row.to, version: seq, updatedAt: at } as St;
    return { ok: true, state: next, audit };
  }

  function applyEvent(
    state: St | undefined,
    event: AuditEvent<St, C>,
    index = 0,
  ): { ok: true; state: St } | { ok: false; error: ReplayError } {
    const fail = (message: string): { ok: false; error: ReplayError } => ({
      ok: false,
      error: { code: 'ReplayError', message: `event ${index + 1} (seq ${event.seq}, ${event.command}): ${message}`, index },
    });
    if (event.machine !== spec.name) return fail(`belongs to machine "${event.machine}", not "${spec.name}"`);
    if (state === undefined) {
      if (event.from !== null || event.command !== 'create') return fail('the first event must create the entity');
      if (event.seq !== 1) return fail('the first event must have seq 1');
      const data = event.changes as unknown as DataOf<St>;
      return { ok: true, state: create(event.subject, data, { at: event.at, actor: event.actor } as Ctx).state };
    }
    if (event.subject !== state.id) return fail(`is about ${event.subject}, not ${state.id}`);
    if (event.seq !== state.version + 1) return fail(`expected seq ${state.version + 1} (missing or duplicated event)`);
    if (event.from !== state.status) return fail(`starts from ${String(event.from)} but the entity is ${state.status}`);
    if (event.command === 'create') return fail('the entity already exists');
    const row = findRow(state.status, event.command);
    if (row === undefined || row.to !== event.to) {
      return fail(`the table does not allow ${state.status} → ${event.to} by "${event.command}"`);
    }
    return { ok: true, state: { ...state, ...event.changes, status: event.to, version: event.seq, updatedAt: event.at } as St };
  }

  function replay(events: readonly AuditEvent<St, C>[]): { ok: true; state: St } | { ok: false; error: ReplayError } {
    if (events.length === 0) return { ok: false, error: { code: 'ReplayError', message: 'empty log', index: 0 } };
    let state: St | undefined;
    for (const [i, event] of events.entries()) {
      const r = applyEvent(state, event, i);
      if (!r.ok) return r;
      state = r.state;
    }
    return { ok: true, state: state as St };
  }

  return {
    name: spec.name,
    states: spec.states,
    initial: spec.initial,
    table: spec.table,
    terminal,
    create,
    transition,
    allowedCommands: (status) => spec.table.filter((r) => r.from.includes(status)).map((r) => r.command),
    replay,
    applyEvent: (state, event) => applyEvent(state, event),
  };
}

function auditEvent<St extends EntityState, C extends string>(
  machine: string,
  subject: string,
  seq: number,
  at: string,
  ctx: TransitionContext,
  command: C | 'create',
  from: St['status'] | null,
  to: St['status'],
  reason: string | undefined,
  changes: Partial<DataOf<St>>,
): AuditEvent<St, C> {
  const event: AuditEvent<St, C> = { machine, subject, seq, at, actor: ctx.actor, command, from, to, changes };
  if (ctx.role !== undefined) event.role = ctx.role;
  if (reason !== undefined && reason !== '') event.reason = reason;
  return event;
}

/** Normalise an instant to ISO-8601 UTC; rejects invalid dates so no `Invalid Date` reaches the log. */
export function toIso(at: Date | string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError(`invalid instant: ${String(at)}`);
  return new Date(t).toISOString();
}
