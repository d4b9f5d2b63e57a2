import type { TriggerContext } from '@devvit/public-api';
import { z } from 'zod';
import { readStored } from '../platform/stored-json.js';
import type { AuthorFacts } from './build-item.js';

/** Redis keys of per-user facts: kept by other features (roster, strikes) or cached here (reddit). */
export const userFactKeys = (username: string) => ({
  artist: `cd:artist:${username.toLowerCase()}`,
  strikes: `cd:strikes:count:${username.toLowerCase()}`,
  reddit: `cd:userfacts:${username.toLowerCase()}`,
});

/**
 * How long Reddit's facts about an author are reused. Short, because moderator and approved-user
 * status decide exemptions; long enough that an active commenter costs Reddit reads a few times an
 * hour instead of on every comment.
 */
export const REDDIT_FACTS_TTL_SECONDS = 10 * 60;

/** Reddit's facts about an author as cached in Redis (`createdUtc` in seconds). */
export const cachedRedditFactsSchema = z.object({
  createdUtc: z.number().optional(),
  commentKarma: z.number().optional(),
  postKarma: z.number().optional(),
  isModerator: z.boolean(),
  isContributor: z.boolean(),
});
export type CachedRedditFacts = z.infer<typeof cachedRedditFactsSchema>;

/** Author facts from cached Reddit facts at time `now`. */
export function factsFromCache(c: CachedRedditFacts, now: number): Pick<AuthorFacts, 'accountAgeDays' | 'commentKarma' | 'postKarma' | 'isModerator' | 'isContributor'> {
  return {
    accountAgeDays: c.createdUtc === undefined ? undefined : (now - c.createdUtc * 1000) / 86_400_000,
    commentKarma: c.commentKarma,
    postKarma: c.postKarma,
    isModerator: c.isModerator,
    isContributor: c.isContributor,
  };
}

/** A roster entry kept by the artist-onboarding feature under `cd:artist:<username>`. */
const artistEntrySchema = z.looseObject({ since: z.string() });

/** Parses the Redis values fetched with the event's config read (one MGET for all three). */
export function redisFacts(artistJson: string | null | undefined, strikes: string | null | undefined, now: number): Pick<AuthorFacts, 'isArtist' | 'artistSinceDays' | 'strikes'> {
  let artistSinceDays: number | undefined;
  const entry = readStored(artistEntrySchema, artistJson);
  if (entry) {
    const since = Date.parse(entry.since);
    if (!Number.isNaN(since)) artistSinceDays = Math.floor((now - since) / 86_400_000);
  }
  return { isArtist: Boolean(artistJson), artistSinceDays, strikes: Number(strikes ?? 0) || 0 };
}

/** Reads what Reddit knows about an author: age, karma, moderator and approved-user status. */
export async function fetchRedditFacts(context: Pick<TriggerContext, 'reddit' | 'subredditName'>, username: string): Promise<CachedRedditFacts> {
  const subredditName = context.subredditName ?? '';
  const [user, mods, approved] = await Promise.all([
    context.reddit.getUserByUsername(username),
    context.reddit.getModerators({ subredditName, username }).all(),
    context.reddit.getApprovedUsers({ subredditName, username }).all(),
  ]);
  const same = (u: { username: string }) => u.username.toLowerCase() === username.toLowerCase();
  return {
    createdUtc: user ? Math.floor(user.createdAt.getTime() / 1000) : undefined,
    commentKarma: user?.commentKarma,
    postKarma: user?.linkKarma,
    isModerator: mods.some(same),
    isContributor: approved.some(same),
  };
}
