import type { Context, ModeratorPermission, TriggerContext } from '@devvit/public-api';
import { requireModerator } from '../platform/require-moderator.js';

/** The post or comment an enforcement action is about. */
export interface Target {
  thingId: string;
  kind: 'post' | 'comment';
  authorName: string;
  /** Absolute permalink, built by the app (trusted in templates). */
  permalink: string;
  removed: boolean;
  approved: boolean;
}

/** Loads the post or comment `thingId` (t3_/t1_). */
export async function loadTarget(context: Pick<Context | TriggerContext, 'reddit'>, thingId: string): Promise<Target> {
  const thing = thingId.startsWith('t1_')
    ? await context.reddit.getCommentById(thingId)
    : await context.reddit.getPostById(thingId);
  const permalink = thing.permalink.startsWith('http') ? thing.permalink : `https://www.reddit.com${thing.permalink}`;
  return {
    thingId,
    kind: thingId.startsWith('t1_') ? 'comment' : 'post',
    authorName: thing.authorName,
    permalink,
    removed: thing.removed,
    approved: thing.approved,
  };
}

/** The post or comment a menu item or its form acts on. */
function targetIdOf(context: Pick<Context, 'postId' | 'commentId'>, fallback?: string): string | undefined {
  return context.commentId ?? context.postId ?? fallback;
}

/**
 * The checks every post/comment form submission starts with, on each delivery (server-side): the
 * caller is a moderator with `permissions`, and there is an item to act on. On refusal the toast
 * is shown and undefined returned.
 */
export async function authorizeItemSubmission(context: Context, permissions: ModeratorPermission[] = []): Promise<{ username: string; thingId: string } | undefined> {
  const auth = await requireModerator(context, permissions);
  if (!auth.ok) {
    context.ui.showToast(auth.message);
    return undefined;
  }
  const thingId = targetIdOf(context);
  if (!thingId) {
    context.ui.showToast('creator-desk: no post or comment to act on; nothing was done.');
    return undefined;
  }
  return { username: auth.username, thingId };
}
