/**
 * Redis for the harness: Devvit's RedisMock (the real Redis plugin semantics) over ioredis-mock, or
 * over a real Redis server when REDIS_URL is set. Each harness gets its own key prefix, deleted on
 * dispose, so tests sharing one server stay isolated. Transactions get real semantics (transactions.ts).
 */
import { randomUUID } from 'node:crypto';
import { RedisMock } from '@devvit/redis/test';
import IORedis from 'ioredis';
import IORedisMock from 'ioredis-mock';
import { transactionalRedis, type TransactionalRedis } from './transactions.js';

export interface HarnessRedis {
  mock: RedisMock;
  /** The plugin the app talks to: the mock with real WATCH/MULTI/EXEC semantics (transactions.ts). */
  transactions: TransactionalRedis;
  prefix: string;
  backend: 'ioredis-mock' | 'redis-server';
  dispose(): Promise<void>;
}

/**
 * ioredis-mock 8 bug: `SET key v EX n` (and PX/EXAT/PXAT) on a key whose earlier expiry has passed
 * but was not purged yet stores the value without clearing the stale expiry, then its EXPIRE step
 * finds the key "expired" and deletes the new value. Real Redis replaces the key and its TTL. Any
 * read purges an expired key in the mock, so SET first checks the key exists: with that, SET behaves
 * like Redis. (Devvit's form-submit grant, a 10-minute key re-set when a form is re-opened after the
 * virtual clock jumped, is how tests met it.)
 */
export function purgeStaleExpiryOnSet<T extends { set: (...args: never[]) => unknown; exists: (...keys: string[]) => Promise<number> }>(conn: T): T {
  const set = conn.set.bind(conn) as (...args: unknown[]) => Promise<unknown>;
  const patched = async (key: string, ...rest: unknown[]) => {
    await conn.exists(key);
    return set(key, ...rest);
  };
  Object.defineProperty(conn, 'set', { value: patched, configurable: true, writable: true });
  return conn;
}

export function createRedis(): HarnessRedis {
  const url = process.env.REDIS_URL;
  const prefix = `cdtest:${randomUUID()}`;
  const conn = url ? new IORedis(url, { lazyConnect: false, maxRetriesPerRequest: 2 }) : purgeStaleExpiryOnSet(new IORedisMock());
  const mock = new RedisMock(conn as unknown as ConstructorParameters<typeof RedisMock>[0], prefix);
  const transactions = transactionalRedis(mock.plugin, url ? { conn: conn as IORedis, prefix } : undefined);
  return {
    mock,
    transactions,
    prefix,
    backend: url ? 'redis-server' : 'ioredis-mock',
    async dispose() {
      await mock.clear();
      await conn.quit();
    },
  };
}
