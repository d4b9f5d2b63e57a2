import type { RedisClient, TxClientLike } from '@devvit/public-api';
import type { AuditEvent, EntityState, Machine } from '@creator-desk/core';
import { z } from 'zod';
import { KEYS } from '../keys.js';
import { atomically } from '../ledger/optimistic.js';
import { noteCorrupt, type CorruptEntry } from './corrupt-records.js';

type AnyMachine<St extends EntityState> = Pick<Machine<St, { type: string }, never, string>, 'name' | 'applyEvent'>;

/** The shape every stored audit event has; a member that does not fit is a corrupt entry. */
const storedEventSchema = z.looseObject({
  machine: z.string(),
  subject: z.string(),
  seq: z.number().int().min(1),
  at: z.string(),
  actor: z.string(),
  command: z.string(),
  to: z.string(),
  changes: z.record(z.string(), z.unknown()),
});

/** An entity's log as stored: the events that parse, and the entries that do not. */
async function readLog<St extends EntityState>(redis: RedisClient, machine: string, id: string): Promise<{ events: AuditEvent<St, string>[]; corrupt: CorruptEntry[] }> {
  const key = KEYS.events(machine, id);
  const rows = await redis.zRange(key, 0, -1, { by: 'rank' });
  const events: AuditEvent<St, string>[] = [];
  const corrupt: CorruptEntry[] = [];
  for (const { member } of rows) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(member);
    } catch {
      corrupt.push({ key, entry: member, problem: 'not JSON' });
      continue;
    }
    const r = storedEventSchema.safeParse(parsed);
    if (r.success) events.push(r.data as unknown as AuditEvent<St, string>);
    else corrupt.push({ key, entry: member, problem: `not an audit event (${r.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; ')})` });
  }
  return { events, corrupt };
}

/**
 * Reads an entity's append-only log (oldest first). Entries that are not audit events are left
 * out and noted for the mod inbox (corrupt-records.ts), so one bad entry never fails the read.
 */
export async function readEvents<St extends EntityState>(redis: RedisClient, machine: string, id: string): Promise<AuditEvent<St, string>[]> {
  const { events, corrupt } = await readLog<St>(redis, machine, id);
  await noteCorrupt(redis, corrupt);
  return events;
}

/**
 * Folds a log into a state event by event. An event the machine cannot apply (an unknown command,
 * a transition the table does not have) is skipped as corrupt, its seq counted as used so the
 * events after it still apply: one bad event never hides the rest of the entity's history.
 */
export function foldEvents<St extends EntityState>(
  machine: AnyMachine<St>,
  key: string,
  events: readonly AuditEvent<St, string>[],
): { state: St | undefined; corrupt: CorruptEntry[] } {
  let state: St | undefined;
  const corrupt: CorruptEntry[] = [];
  for (const event of events) {
    const r = machine.applyEvent(state, event as never);
    if (r.ok) {
      state = r.state;
      continue;
    }
    corrupt.push({ key, entry: JSON.stringify(event), problem: r.error.message });
    if (state && event.seq === state.version + 1) state = { ...state, version: event.seq };
  }
  return { state, corrupt };
}

/**
 * The entity's state folded from its log, or undefined when it has none (or none that can be read:
 * the bad entries are then noted for the mod inbox, like every skipped entry).
 */
export async function loadEntity<St extends EntityState>(redis: RedisClient, machine: AnyMachine<St>, id: string): Promise<St | undefined> {
  const log = await readLog<St>(redis, machine.name, id);
  const folded = foldEvents(machine, KEYS.events(machine.name, id), log.events);
  await noteCorrupt(redis, [...log.corrupt, ...folded.corrupt]);
  return folded.state;
}

/** The entities an index (a sorted set of ids) lists, in index order, each folded from its log; ids without a readable log are skipped. */
export async function loadIndexed<St extends EntityState>(redis: RedisClient, machine: AnyMachine<St>, indexKey: string): Promise<St[]> {
  const ids = await redis.zRange(indexKey, 0, -1, { by: 'rank' });
  const out: St[] = [];
  for (const { member } of ids) {
    const s = await loadEntity(redis, machine, member);
    if (s) out.push(s);
  }
  return out;
}

/**
 * What else an append depends on and writes with it: a decision that reads other entities (a user's
 * other strikes) watches a key every such decision bumps, so two concurrent decisions cannot both
 * miss each other; the writes land in the same MULTI as the events, or not at all.
 */
export interface LogGuard {
  keys: readonly string[];
  writes: readonly ((tx: TxClientLike) => Promise<unknown>)[];
}

/**
 * Appends events to an entity's log, atomically with the read they were decided on: `decide` gets
 * the log as it is and returns the events to append (none = leave it) and a result. The append
 * is one MULTI/EXEC under a WATCH of the log, so if another delivery appended in between the log
 * is read and decided again: two writers never give two events the same seq, and an event a
 * retry finds already logged is not appended twice.
 */
export async function appendToLog<St extends EntityState, R>(
  redis: RedisClient,
  machine: string,
  id: string,
  decide: (events: AuditEvent<St, string>[]) => Promise<{ append: readonly AuditEvent<EntityState, string>[]; result: R }> | { append: readonly AuditEvent<EntityState, string>[]; result: R },
  guard?: LogGuard,
): Promise<R> {
  const key = KEYS.events(machine, id);
  return atomically(redis, [key, ...(guard?.keys ?? [])], async () => {
    const { append, result } = await decide(await readEvents<St>(redis, machine, id));
    if (append.length === 0) return { value: result };
    const members = append.map((e) => ({ member: JSON.stringify(e), score: e.seq }));
    return { value: result, writes: [(tx) => tx.zAdd(key, ...members), ...(guard?.writes ?? [])] };
  });
}
