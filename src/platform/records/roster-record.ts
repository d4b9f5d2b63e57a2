import type { RedisClient } from '@devvit/public-api';
import { z } from 'zod';
import { readStored } from '../stored-json.js';

/**
 * The artist roster: one entry per user who was ever onboarded, the single source of the rules'
 * `author: is_artist` / `artist_since` and of the modmail user summary. Written only by the
 * onboarding capability.
 *
 * | key | type | content |
 * | --- | --- | --- |
 * | `cd:artist:{user}` | string | JSON `RosterEntry` (user lower-case); `offboardedAt` once offboarded |
 * | `cd:roster:index` | zset | lower-case names of every entry, score = onboarded at (ms) |
 * | `cd:roster:synced` | string | ISO instant the first sync of a roster page naming artists completed |
 */
export const ROSTER_KEYS = {
  entry: (user: string) => `cd:artist:${user.toLowerCase()}`,
  index: 'cd:roster:index',
  synced: 'cd:roster:synced',
} as const;

/** One artist on the roster, as stored. */
export const rosterEntrySchema = z.object({
  username: z.string(),
  /** ISO instant the artist joined (the rules' `artist_since`). */
  since: z.string(),
  /** The moderator who onboarded them, or the roster page's editor. */
  by: z.string(),
  source: z.enum(['roster', 'menu']),
  shopName: z.string().optional(),
  /** Onboardings of this user so far minus one: a re-onboarding after offboarding is a new one. */
  generation: z.number().int().min(0),
  offboardedAt: z.string().optional(),
  offboardedBy: z.string().optional(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** The stored roster entry of a user, if any (an unreadable one counts as absent). */
export async function readRosterEntry(redis: RedisClient, user: string): Promise<RosterEntry | undefined> {
  return readStored(rosterEntrySchema, await redis.get(ROSTER_KEYS.entry(user)));
}

/** Whether a roster entry names a current artist. */
export const isActiveArtist = (entry: RosterEntry | undefined): boolean => entry !== undefined && entry.offboardedAt === undefined;

/** Writes a user's roster entry and indexes it (both idempotent: a retry writes the same). */
export async function writeRosterEntry(redis: RedisClient, entry: RosterEntry): Promise<void> {
  await redis.set(ROSTER_KEYS.entry(entry.username), JSON.stringify(entry));
  await redis.zAdd(ROSTER_KEYS.index, { member: entry.username.toLowerCase(), score: Date.parse(entry.since) || 0 });
}

/** Every roster entry, active and offboarded, oldest first (one zRange and one mGet). */
export async function listRoster(redis: RedisClient): Promise<RosterEntry[]> {
  const names = (await redis.zRange(ROSTER_KEYS.index, 0, -1, { by: 'rank' })).map((m) => m.member);
  if (names.length === 0) return [];
  const values = await redis.mGet(names.map((n) => ROSTER_KEYS.entry(n)));
  return values.map((v) => readStored(rosterEntrySchema, v)).filter((e): e is RosterEntry => e !== undefined);
}

/** When a roster naming artists was first synced, if ever. */
export async function rosterSyncedAt(redis: RedisClient): Promise<string | undefined> {
  return (await redis.get(ROSTER_KEYS.synced)) ?? undefined;
}
