import type { TriggerContext } from '@devvit/public-api';
import type { AuthorFactSources } from '@creator-desk/core';
import { z } from 'zod';

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

/** Core's author-fact sources from cached Reddit facts and the two stored values read with them. */
export function authorSources(name: string, reddit: CachedRedditFacts, rosterEntry: string | null | undefined, strikes: string | null | undefined): AuthorFactSources {
  const { isModerator, isContributor, ...account } = reddit;
  return { name, account, isModerator, isContributor, rosterEntry: rosterEntry ?? null, strikes: strikes ?? null };
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
