import type { Context, TriggerContext } from '@devvit/public-api';

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
export function targetIdOf(context: Pick<Context, 'postId' | 'commentId'>, fallback?: string): string | undefined {
  return context.commentId ?? context.postId ?? fallback;
}
