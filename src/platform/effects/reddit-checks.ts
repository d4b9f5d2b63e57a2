import type { Comment, Context, Post } from '@devvit/public-api';

type Reddit = Pick<Context, 'reddit'>['reddit'];

/**
 * The id of a comment the app posted under `parentId` with `text` at or after `since`, if any. A
 * delivery taking over a dead one's claim asks this before commenting, because the dead delivery
 * may have commented without recording it. Looks at the app's 100 newest comments: the dead
 * delivery is minutes old.
 */
export async function appCommentSince(reddit: Reddit, appName: string, parentId: string, text: string, since: string): Promise<string | undefined> {
  const from = Date.parse(since);
  const mine = await reddit.getCommentsByUser({ username: appName, sort: 'new', limit: 100 }).all();
  return mine.find((c) => c.parentId === parentId && c.body.trim() === text.trim() && c.createdAt.getTime() >= from - 1000)?.id;
}

/**
 * Whether the app started a mod-inbox conversation under `subject` (or a subject it accepts) at or
 * after `since` (the take-over check of a mod-inbox notice). Looks at the 100 most recently
 * updated conversations.
 */
export async function modInboxNoticeSince(reddit: Reddit, subredditName: string, appName: string, subject: string | ((subject: string) => boolean), since: string): Promise<boolean> {
  const { conversations } = await reddit.modMail.getConversations({ subreddits: [subredditName], state: 'all', sort: 'recent', limit: 100 });
  const from = Date.parse(since);
  return Object.values(conversations).some((c) => {
    if (typeof subject === 'string' ? c.subject !== subject : !subject(c.subject ?? '')) return false;
    const first = Object.values(c.messages ?? {}).sort((a, b) => Date.parse(a.date ?? '') - Date.parse(b.date ?? ''))[0];
    return first !== undefined && Date.parse(first.date ?? '') >= from && first.author?.name?.toLowerCase() === appName.toLowerCase();
  });
}

/** Whether the app's account has reported the item with `reason` (a report is listed on the item as a mod report). */
export function reportedByApp(thing: Post | Comment, appName: string, reason: string): boolean {
  return thing.modReports.some((r) => r.author?.toLowerCase() === appName.toLowerCase() && r.reason === reason);
}
