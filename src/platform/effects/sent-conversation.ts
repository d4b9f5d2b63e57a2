import type { Context } from '@devvit/public-api';

/**
 * Whether a modmail conversation with `to` under `subject` was started at or after `since` (when
 * the operation or the dead delivery's claim began). A delivery taking over a dead one's claim asks this before
 * messaging the user, because the dead delivery may have sent the message without recording it.
 * Looks at the 100 most recently updated conversations: the dead delivery is minutes old.
 */
export async function conversationStartedSince(reddit: Pick<Context, 'reddit'>['reddit'], subredditName: string, to: string, subject: string, since: string): Promise<boolean> {
  const { conversations } = await reddit.modMail.getConversations({ subreddits: [subredditName], state: 'all', sort: 'recent', limit: 100 });
  const from = Date.parse(since);
  return Object.values(conversations).some((c) => {
    if (c.participant?.name?.toLowerCase() !== to.toLowerCase() || c.subject !== subject) return false;
    const dates = Object.values(c.messages ?? {}).map((m) => Date.parse(m.date ?? ''));
    return dates.length > 0 && Math.min(...dates) >= from;
  });
}
