import type { RedisClient } from '@devvit/public-api';
import type { AuditEvent, EntityState, Machine } from '@creator-desk/core';
import { KEYS } from '../keys.js';
import { atomically } from '../ledger/optimistic.js';

type AnyMachine<St extends EntityState> = Pick<Machine<St, { type: string }, never, string>, 'name' | 'replay'>;

/** Reads an entity's append-only log (oldest first). */
export async function readEvents<St extends EntityState>(redis: RedisClient, machine: string, id: string): Promise<AuditEvent<St, string>[]> {
  const rows = await redis.zRange(KEYS.events(machine, id), 0, -1, { by: 'rank' });
  return rows.map((r) => JSON.parse(r.member) as AuditEvent<St, string>);
}

/** The entity's state folded from its log, or undefined when it has none. Throws on a corrupt log. */
export async function loadEntity<St extends EntityState>(redis: RedisClient, machine: AnyMachine<St>, id: string): Promise<St | undefined> {
  const events = await readEvents<St>(redis, machine.name, id);
  if (events.length === 0) return undefined;
  const r = machine.replay(events as never);
  if (!r.ok) throw new Error(`${machine.name} ${id}: ${r.error.message}`);
  return r.state;
}

/** The entities an index (a sorted set of ids) lists, in index order, each folded from its log; ids without a log are skipped. */
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
): Promise<R> {
  const key = KEYS.events(machine, id);
  return atomically(redis, [key], async () => {
    const { append, result } = await decide(await readEvents<St>(redis, machine, id));
    if (append.length === 0) return { value: result };
    const members = append.map((e) => ({ member: JSON.stringify(e), score: e.seq }));
    return { value: result, writes: [(tx) => tx.zAdd(key, ...members)] };
  });
}
