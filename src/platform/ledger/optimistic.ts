import type { RedisClient, TxClientLike } from '@devvit/public-api';

/** Thrown when an optimistic transaction kept conflicting: the delivery fails and is retried later. */
export class TransactionConflict extends Error {
  constructor(
    readonly keys: readonly string[],
    readonly attempts: number,
  ) {
    super(`another delivery kept changing ${keys.join(', ')} (${attempts} attempts); retry later`);
    this.name = 'TransactionConflict';
  }
}

/** What one attempt decided: a value, and the writes to apply only if nothing watched changed. */
export interface Attempt<T> {
  value: T;
  /** One Redis command each, queued between MULTI and EXEC. */
  writes?: readonly ((tx: TxClientLike) => Promise<unknown>)[];
}

/** Bounded: each conflict means another delivery made progress, so a few attempts settle it. */
const ATTEMPTS = 12;

/**
 * An optimistic transaction without read-then-write races: WATCHes `keys`, lets `attempt` read
 * them (with the ordinary client, after the WATCH) and decide, then applies its writes in one
 * MULTI/EXEC that fails if any watched key changed since the WATCH. A failed EXEC — thrown, or
 * answered with a result of the wrong length, which Devvit's server may do instead — is a
 * conflict: the attempt is read and decided again. An attempt with no writes returns at once.
 */
export async function atomically<T>(redis: RedisClient, keys: readonly string[], attempt: () => Promise<Attempt<T>>): Promise<T> {
  for (let i = 1; i <= ATTEMPTS; i++) {
    const tx = await redis.watch(...keys);
    let decided: Attempt<T>;
    try {
      decided = await attempt();
    } catch (e) {
      await tx.unwatch().catch(() => undefined);
      throw e;
    }
    const writes = decided.writes ?? [];
    if (writes.length === 0) {
      await tx.unwatch();
      return decided.value;
    }
    await tx.multi();
    for (const write of writes) await write(tx);
    let result: unknown;
    try {
      result = await tx.exec();
    } catch {
      result = undefined;
    }
    if (Array.isArray(result) && result.length === writes.length) return decided.value;
  }
  throw new TransactionConflict(keys, ATTEMPTS);
}
