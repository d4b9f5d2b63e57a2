import type { TriggerContext } from '@devvit/public-api';
import { z } from 'zod';
import { readStored } from '../config/rules-page.js';
import type { AuthorFacts } from './build-item.js';

/** Redis keys of per-user facts kept by other features (artist roster, strikes). */
export const userFactKeys = (username: string) => ({
  artist: `cd:artist:${username.toLowerCase()}`,
  strikes: `cd:strikes:count:${username.toLowerCase()}`,
});

/** A roster entry kept by the artist-onboarding feature under `cd:artist:<username>`. */
export const artistEntrySchema = z.looseObject({ since: z.string() });

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
export async function redditFacts(
  context: Pick<TriggerContext, 'reddit' | 'subredditName'>,
  username: string,
  now: number,
): Promise<Pick<AuthorFacts, 'accountAgeDays' | 'commentKarma' | 'postKarma' | 'isModerator' | 'isContributor'>> {
  const subredditName = context.subredditName ?? '';
  const [user, mods, approved] = await Promise.all([
    context.reddit.getUserByUsername(username),
    context.reddit.getModerators({ subredditName, username }).all(),
    context.reddit.getApprovedUsers({ subredditName, username }).all(),
  ]);
  const same = (u: { username: string }) => u.username.toLowerCase() === username.toLowerCase();
  return {
    accountAgeDays: user ? (now - user.createdAt.getTime()) / 86_400_000 : undefined,
    commentKarma: user?.commentKarma,
    postKarma: user?.linkKarma,
    isModerator: mods.some(same),
    isContributor: approved.some(same),
  };
}
