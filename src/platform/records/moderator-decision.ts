import type { RedisClient } from '@devvit/public-api';
import { z } from 'zod';
import { readStored } from '../stored-json.js';

/**
 * A moderator's approve/remove that the app performed on their behalf (mod-menu actions run as the
 * app's account, so Reddit and the mod log name the app). The rules' never-contradict-a-moderator
 * guard reads it to treat such an item as the moderator's decision, not automation's.
 *
 * | key | type | content |
 * | --- | --- | --- |
 * | `cd:moddecision:{thingId}` | string | JSON `{action: 'approve' \| 'remove', by, at}`: the latest such decision (TTL 90 days) |
 */
const key = (thingId: string) => `cd:moddecision:${thingId}`;
const TTL_MS = 90 * 86_400_000;

const decisionSchema = z.object({ action: z.enum(['approve', 'remove']), by: z.string(), at: z.string() });
/** A moderator's decision the app carried out. */
export type ModeratorDecision = z.infer<typeof decisionSchema>;

/** Records that `by` decided `action` on the item (safe to repeat: the latest decision wins). */
export async function recordModeratorDecision(redis: RedisClient, thingId: string, action: ModeratorDecision['action'], by: string, at: string): Promise<void> {
  await redis.set(key(thingId), JSON.stringify({ action, by, at }), { expiration: new Date(Date.now() + TTL_MS) });
}

/** The latest moderator decision the app carried out on the item, if any. */
export async function moderatorDecisionOf(redis: RedisClient, thingId: string): Promise<ModeratorDecision | undefined> {
  return readStored(decisionSchema, await redis.get(key(thingId)));
}

/** The moderator decisions of many items in one read (absent items have none). */
export async function moderatorDecisionsOf(redis: RedisClient, thingIds: readonly string[]): Promise<Map<string, ModeratorDecision>> {
  const out = new Map<string, ModeratorDecision>();
  if (thingIds.length === 0) return out;
  const values = await redis.mGet(thingIds.map(key));
  thingIds.forEach((id, i) => {
    const d = readStored(decisionSchema, values[i]);
    if (d) out.set(id, d);
  });
  return out;
}
