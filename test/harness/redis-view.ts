import type { RedisClient } from '@devvit/public-api';
import type { Harness } from './harness.js';

/**
 * A view of the app's Redis (sorted sets and strings) through the harness's Redis plugin, typed as
 * the RedisClient the app's readers take — so tests read what the app wrote the way the queues and
 * the modmail summary would. It reads, plus the one write readers make (`zAdd`: noting an entry
 * they skipped as unreadable). Calls through it are not counted as the app's.
 */
export function redisView(h: Harness): RedisClient {
  const plugin = h.redis.mock.plugin as unknown as {
    ZRange(req: unknown): Promise<{ members: { member: string; score: number }[] }>;
    ZScore(req: unknown, metadata: unknown): Promise<{ value: number }>;
    ZAdd(req: unknown): Promise<unknown>;
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
    async zScore(key: string, member: string) {
      // Asked as the app's client asks, so a missing member is nil, not 0.
      const r = await plugin.ZScore({ key: { key }, member }, { 'throw-redis-nil': { values: ['true'] } }).catch(() => undefined);
      return r === undefined || r === null ? undefined : r.value;
    },
    async zAdd(key: string, ...members: { member: string; score: number }[]) {
      await plugin.ZAdd({ key, members });
      return members.length;
    },
  };
  return view as unknown as RedisClient;
}
