/**
 * Real WATCH / MULTI / EXEC semantics for the harness's Redis plugin. Devvit's `RedisMock` queues a
 * transaction's commands but runs EXEC without looking at the watched keys and without
 * atomicity (each queued command is its own event-loop turn), so an app whose concurrency rests
 * on optimistic transactions would pass every test and still race in production. This wrapper:
 *
 * - serialises every Redis command of the harness (a Redis server runs one command at a time);
 * - fails EXEC when a watched key was written after WATCH by any other command: in the fake by a
 *   per-key write version, over a real server also by the server's own WATCH on a connection of
 *   the transaction's own (an empty MULTI/EXEC there answers nil when a watched key changed);
 * - applies the queued commands of a successful EXEC together, with no other command between them.
 *
 * A failed EXEC either throws (`conflict: 'throw'`) or answers an empty result (`'empty'`): which
 * one Devvit's server does is not documented, so apps must treat both as a conflict.
 */
import type IORedis from 'ioredis';

type Req = Record<string, unknown> & { transactionId?: { id: string } };
type PluginFn = (request: unknown, metadata?: unknown) => Promise<unknown>;
type Plugin = Record<string, PluginFn>;

/** Commands that never change data (everything else counts as a write of the keys it names). */
const READS = new Set([
  'Get', 'GetBytes', 'Exists', 'Type', 'HGet', 'HMGet', 'HGetAll', 'HScan', 'HKeys', 'HLen', 'GetRange', 'Strlen', 'MGet',
  'ExpireTime', 'ZScore', 'ZRank', 'ZCard', 'ZRange', 'ZScan', 'BitCount',
]);
const TX_CONTROL = new Set(['Watch', 'Multi', 'Exec', 'Discard', 'Unwatch']);

/** Every key a request names (`key`, `key.key`, `keys`, `kv[].key`, `newKey`). */
function keysOf(req: Req): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object' && typeof (v as { key?: unknown }).key === 'string') out.push((v as { key: string }).key);
  };
  add(req.key);
  add(req.newKey);
  if (Array.isArray(req.keys)) req.keys.forEach(add);
  if (Array.isArray(req.kv)) req.kv.forEach(add);
  return out;
}

const txKeyOf = (req: Req): { id: string } | undefined => req.transactionId ?? ((req.key as Req | undefined)?.transactionId as { id: string } | undefined);

class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const r = this.tail.then(fn, fn);
    this.tail = r.then(
      () => undefined,
      () => undefined,
    );
    return r;
  }
}

interface Tx {
  watched: Map<string, number>;
  /** Keys the queued commands write. */
  writes: string[];
  multi: boolean;
  /** Over a real server: the connection holding the server-side WATCH. */
  conn?: IORedis;
}

export interface TransactionStats {
  execs: number;
  conflicts: number;
}

export interface TransactionalRedis {
  plugin: Plugin;
  stats: TransactionStats;
  /** How a failed EXEC answers: throw (default) or an empty result. */
  setConflictMode(mode: 'throw' | 'empty'): void;
}

/** Wraps Devvit's RedisMock plugin; `server` (the real connection and key prefix) adds the server's own WATCH. */
export function transactionalRedis(inner: object, server?: { conn: IORedis; prefix: string }): TransactionalRedis {
  const base = inner as Plugin;
  const lock = new Mutex();
  const versions = new Map<string, number>();
  const txs = new Map<string, Tx>();
  const stats: TransactionStats = { execs: 0, conflicts: 0 };
  let mode: 'throw' | 'empty' = 'throw';
  const bump = (keys: readonly string[]) => {
    for (const k of keys) versions.set(k, (versions.get(k) ?? 0) + 1);
  };
  const serverKey = (key: string) => `${server?.prefix.endsWith(':') ? server.prefix : `${server?.prefix}:`}${key}`;
  const close = async (id: string) => {
    const tx = txs.get(id);
    txs.delete(id);
    if (tx?.conn) await tx.conn.quit().catch(() => tx.conn?.disconnect());
  };
  const tx = (id: { id: string } | undefined): Tx => {
    const t = id ? txs.get(id.id) : undefined;
    if (!t) throw new Error(`Unknown or closed transaction ${id?.id}`);
    return t;
  };

  const control: Plugin = {
    async Watch(request, metadata) {
      const req = request as Req & { keys: string[] };
      if (req.transactionId) {
        const t = tx(req.transactionId);
        for (const k of req.keys) t.watched.set(k, versions.get(k) ?? 0);
        if (t.conn) await t.conn.watch(...req.keys.map(serverKey));
        return base.Watch?.(request, metadata);
      }
      const created = (await base.Watch?.(request, metadata)) as { id: string };
      const t: Tx = { watched: new Map(req.keys.map((k) => [k, versions.get(k) ?? 0])), writes: [], multi: false };
      if (server) {
        t.conn = server.conn.duplicate();
        await t.conn.watch(...req.keys.map(serverKey));
      }
      txs.set(created.id, t);
      return created;
    },
    async Multi(request, metadata) {
      const t = tx(request as { id: string });
      if (t.multi) throw new Error('ERR MULTI calls can not be nested');
      t.multi = true;
      return base.Multi?.(request, metadata);
    },
    async Exec(request, metadata) {
      const id = request as { id: string };
      const t = tx(id);
      if (!t.multi) throw new Error('ERR EXEC without MULTI');
      stats.execs += 1;
      let conflict = [...t.watched].some(([k, v]) => (versions.get(k) ?? 0) !== v);
      if (t.conn) {
        // The server's own verdict on its WATCH: nil when a watched key changed.
        const r = await t.conn.multi().ping().exec();
        conflict ||= r === null;
      }
      if (conflict) {
        stats.conflicts += 1;
        await base.Discard?.(request, metadata);
        await close(id.id);
        if (mode === 'throw') throw new Error('ERR EXECABORT transaction discarded: a watched key changed');
        return { response: [] };
      }
      const r = await base.Exec?.(request, metadata);
      bump(t.writes);
      await close(id.id);
      return r;
    },
    async Discard(request, metadata) {
      const id = request as { id: string };
      tx(id);
      await base.Discard?.(request, metadata);
      await close(id.id);
      return {};
    },
    async Unwatch(request, metadata) {
      const id = request as { id: string };
      const t = tx(id);
      t.watched.clear();
      if (t.conn) await t.conn.unwatch();
      await base.Unwatch?.(request, metadata);
      // Nothing can follow an UNWATCH outside MULTI in this app's use: release the transaction.
      if (!t.multi) {
        await base.Discard?.(request, metadata);
        await close(id.id);
      }
      return {};
    },
  };

  const plugin = new Proxy(base, {
    get(target, prop, receiver) {
      if (typeof prop === 'symbol') return Reflect.get(target, prop, receiver);
      const fn = Reflect.get(target, prop, receiver) as PluginFn | undefined;
      if (typeof fn !== 'function') return fn;
      if (TX_CONTROL.has(prop)) return (request: unknown, metadata: unknown) => lock.run(() => (control[prop] as PluginFn)(request, metadata));
      return (request: unknown, metadata: unknown) =>
        lock.run(async () => {
          const req = (request ?? {}) as Req;
          const txId = txKeyOf(req);
          if (txId) {
            const t = tx(txId);
            if (!t.multi) throw new Error(`ERR ${prop} inside a transaction before MULTI (read with the client, not the transaction)`);
            if (!READS.has(prop)) t.writes.push(...keysOf(req));
            return fn.call(target, request, metadata);
          }
          const r = await fn.call(target, request, metadata);
          if (!READS.has(prop)) bump(keysOf(req));
          return r;
        });
    },
  }) as Plugin;

  return {
    plugin,
    stats,
    setConflictMode(m) {
      mode = m;
    },
  };
}
