/**
 * Redis for the harness: Devvit's RedisMock (the real Redis plugin semantics) over ioredis-mock, or
 * over a real Redis server when REDIS_URL is set. Each harness gets its own key prefix, deleted on
 * dispose, so tests sharing one server stay isolated.
 */
import { randomUUID } from 'node:crypto';
import { RedisMock } from '@devvit/redis/test';
import IORedis from 'ioredis';
import IORedisMock from 'ioredis-mock';

export interface HarnessRedis {
  mock: RedisMock;
  prefix: string;
  backend: 'ioredis-mock' | 'redis-server';
  dispose(): Promise<void>;
}

export function createRedis(): HarnessRedis {
  const url = process.env.REDIS_URL;
  const prefix = `cdtest:${randomUUID()}`;
  const conn = url ? new IORedis(url, { lazyConnect: false, maxRetriesPerRequest: 2 }) : new IORedisMock();
  const mock = new RedisMock(conn as unknown as ConstructorParameters<typeof RedisMock>[0], prefix);
  return {
    mock,
    prefix,
    backend: url ? 'redis-server' : 'ioredis-mock',
    async dispose() {
      await mock.clear();
      await conn.quit();
    },
  };
}
