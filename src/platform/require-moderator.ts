import type { Context, ModeratorPermission } from '@devvit/public-api';

/** Outcome of a server-side moderator check. */
export type ModeratorCheck =
  | { ok: true; username: string; permissions: ModeratorPermission[] }
  | { ok: false; username?: string; message: string };

type AuthContext = Pick<Context, 'reddit' | 'userId' | 'username' | 'subredditName'>;

/**
 * Checks server-side that the calling user moderates this subreddit with every permission in
 * `required` ('all' satisfies any). Menu items' `forUserType: 'moderator'` only hides the item in
 * the UI, so every mod action must call this before it has any effect.
 */
export async function requireModerator(context: AuthContext, required: ModeratorPermission[] = []): Promise<ModeratorCheck> {
  const userId = context.userId;
  if (!userId) return { ok: false, message: 'creator-desk: you must be logged in to do this.' };
  const username = context.username ?? (await context.reddit.getUserById(userId))?.username;
  const subredditName = context.subredditName;
  if (!username || !subredditName) return { ok: false, message: 'creator-desk: could not identify you or this subreddit; nothing was done.' };
  const mods = await context.reddit.getModerators({ subredditName, username }).all();
  const me = mods.find((m) => m.username.toLowerCase() === username.toLowerCase());
  if (!me) return { ok: false, username, message: `creator-desk: only moderators of r/${subredditName} can do this; nothing was done.` };
  const permissions = me.moderatorInfo.modPermissions as ModeratorPermission[];
  const missing = permissions.includes('all') ? [] : required.filter((p) => !permissions.includes(p));
  if (missing.length > 0) {
    return { ok: false, username, message: `creator-desk: this needs the moderator permission(s) ${missing.join(', ')}; nothing was done.` };
  }
  return { ok: true, username, permissions };
}
