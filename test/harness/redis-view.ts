import type { RedisClient } from '@devvit/public-api';
import type { Harness } from './harness.js';

/**
 * A read-only view of the app's Redis (sorted sets, strings and mGet) through the harness's Redis plugin,
 * typed as the RedisClient the app's readers take — so tests read what the app wrote the way the
 * queues and the modmail summary would. Calls through it are not counted as the app's.
 */
export function redisView(h: Harness): RedisClient {
  const plugin = h.redis.mock.plugin as unknown as {
    ZRange(req: unknown): Promise<{ members: { member: string; score: number }[] }>;
  };
  const view = {
    async zRange(key: string, start: number, stop: number, opts?: { by?: string }) {
      const byScore = opts?.by === 'score';
      const r = await plugin.ZRange({ key: { key }, start: String(start), stop: String(stop), byScore, byLex: false, rev: false, offset: 0, count: 0 });
      return r.members.map((m) => ({ member: m.member, score: m.score }));
    },
    async get(key: string) {
      return h.redisGet(key);
    },
    async mGet(keys: string[]) {
      return Promise.all(keys.map(async (k) => (await h.redisGet(k)) ?? null));
    },
  };
  return view as unknown as RedisClient;
}
