import type { RedisClient } from '@devvit/public-api';
import type { AuditEvent, EntityState, Machine } from '@creator-desk/core';
import { KEYS } from '../keys.js';

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
 * Appends events to an entity's log. The member is the event itself and the score its seq, so a
 * retried append of the same event is a no-op; a second writer racing on the same seq shows up
 * as a replay error instead of silently reordering the log.
 */
export async function appendEvents(redis: RedisClient, machine: string, id: string, events: readonly AuditEvent<EntityState, string>[]): Promise<void> {
  if (events.length === 0) return;
  await redis.zAdd(KEYS.events(machine, id), ...events.map((e) => ({ member: JSON.stringify(e), score: e.seq })));
}
