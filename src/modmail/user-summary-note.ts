import type { TriggerContext } from '@devvit/public-api';
import { normaliseConversationId } from '@creator-desk/core';
import type { Effect } from '../platform/ledger/effect-ledger.js';
import { loadEnforcementConfig, type ModmailConfig } from '../platform/settings.js';
import { previousCategories } from './conversation-records.js';
import { loadUserSummary } from './user-summary.js';

export { normaliseConversationId };

type Ctx = Pick<TriggerContext, 'reddit' | 'redis' | 'settings' | 'appName' | 'subredditName'>;

const NOTE_HEADING = '**creator-desk summary for u/';
const REMOVAL_ACTIONS = new Set(['removelink', 'removecomment', 'spamlink', 'spamcomment']);
const REMOVALS_DAYS = 30;

/** The user's posts and comments the app removed in the last 30 days, from the mod log (one read). */
async function recentRemovalsByApp(context: Ctx, user: string, now: Date): Promise<{ at: Date; thingId: string; action: string }[]> {
  const entries = await context.reddit.getModerationLog({ subredditName: context.subredditName ?? '', moderatorUsernames: [context.appName], limit: 100 }).all();
  const cutoff = now.getTime() - REMOVALS_DAYS * 86_400_000;
  return entries
    .filter((e) => REMOVAL_ACTIONS.has(e.type) && (e.target?.author ?? '').toLowerCase() === user.toLowerCase() && e.createdAt.getTime() >= cutoff)
    .map((e) => ({ at: e.createdAt, thingId: e.target?.id ?? '?', action: e.type.startsWith('spam') ? 'spam' : 'removed' }));
}

/**
 * The internal note on a conversation's first message: the user's creator-desk summary (account,
 * roster, strikes, removals by the app, takedowns, escalations, earlier modmail categories — the
 * parts switched on in settings). A delivery taking over a dead one's claim first looks for the note.
 */
export function summaryNoteEffect(context: Ctx, conversationId: string, user: string, config: ModmailConfig, now: Date): Effect {
  return {
    key: 'summary-note',
    run: async () => {
      const { ladder } = await loadEnforcementConfig(context.settings, now);
      const parts = config.summaryParts;
      const [account, removals, categories] = await Promise.all([
        parts.has('account') ? context.reddit.getUserByUsername(user) : undefined,
        parts.has('removals') ? recentRemovalsByApp(context, user, now) : undefined,
        parts.has('categories') ? previousCategories(context.redis, user, conversationId) : undefined,
      ]);
      const body = await loadUserSummary(context.redis, user, ladder, now, {
        parts,
        ...(account ? { account: { createdAt: account.createdAt, commentKarma: account.commentKarma, postKarma: account.linkKarma } } : {}),
        ...(removals ? { removals } : {}),
        ...(categories ? { categories } : {}),
      });
      await context.reddit.modMail.reply({ conversationId, body, isInternal: true });
    },
    alreadyDone: async () => {
      const again = await context.reddit.modMail.getConversation({ conversationId });
      return Object.values(again.conversation?.messages ?? {}).some(
        (m) => m.isInternal && m.author?.name?.toLowerCase() === context.appName.toLowerCase() && (m.bodyMarkdown ?? m.body ?? '').startsWith(NOTE_HEADING),
      );
    },
  };
}
