import type { TriggerContext } from '@devvit/public-api';
import { loadEnforcementConfig } from '../platform/settings.js';
import { loadUserSummary } from './user-summary.js';
import { runEffectsOnce } from '../platform/ledger/effect-ledger.js';
import { reportCorruptRecords } from '../platform/records/corrupt-records.js';

/** The ModMail trigger's payload, as far as this handler reads it (no message body: Reddit sends none). */
export interface ModMailEventLike {
  conversationId: string;
  messageAuthor?: { name?: string } | undefined;
  messageAuthorType?: string;
  conversationType?: string;
}

type Ctx = Pick<TriggerContext, 'reddit' | 'redis' | 'settings' | 'appName' | 'subredditId' | 'subredditName'>;

const PREFIX = 'ModmailConversation_';
/** Marks a conversation whose summary note is posted (kept a year: conversations outlive the 6 h ledger). */
const summaryDoneKey = (conversationId: string) => `cd:modmail:summary:${conversationId}`;
const ledgerKey = (conversationId: string) => `cd:fx:modmail:${conversationId}`;
const YEAR_S = 365 * 86_400;
const NOTE_HEADING = '**creator-desk summary for u/';

/** The conversation id without the `ModmailConversation_` prefix the trigger sometimes adds. */
export function normaliseConversationId(id: string): string {
  return id.startsWith(PREFIX) ? id.slice(PREFIX.length) : id;
}

type Conversation = NonNullable<Awaited<ReturnType<TriggerContext['reddit']['modMail']['getConversation']>>['conversation']>;

/** Who wrote the conversation's first message (by date; Reddit's message map is unordered). */
function firstAuthor(c: Conversation): { name: string; isMod: boolean } | undefined {
  const first = Object.values(c.messages).sort((a, b) => Date.parse(a.date ?? '') - Date.parse(b.date ?? ''))[0];
  return first?.author?.name ? { name: first.author.name, isMod: Boolean(first.author.isMod) } : undefined;
}

/**
 * ModMail trigger: when a user starts a conversation with the mod team, posts the user's
 * creator-desk summary (strikes, escalations, takedowns) as an internal mod note, once per
 * conversation. Conversations started by the app or by a moderator, mod discussions and the
 * app's own messages are left alone. Duplicate and concurrent deliveries post one note: the
 * effect ledger claims the reply, and a delivery taking over a dead one's claim first looks for
 * the note in the conversation.
 */
export async function onModMailUserSummary(event: ModMailEventLike, context: Ctx): Promise<void> {
  const author = event.messageAuthor?.name ?? '';
  // Cheap exits first: the app's own notes and moderators' replies never need a summary.
  if (!author || author.toLowerCase() === context.appName.toLowerCase() || event.messageAuthorType === 'moderator') return;
  if (event.conversationType === 'internal') return;
  const conversationId = normaliseConversationId(event.conversationId);
  if (await context.redis.get(summaryDoneKey(conversationId))) return;
  const { conversation } = await context.reddit.modMail.getConversation({ conversationId });
  const user = conversation?.participant?.name;
  const starter = conversation ? firstAuthor(conversation) : undefined;
  if (!conversation || conversation.isInternal || !user || !starter) return;
  if (starter.isMod || starter.name.toLowerCase() === context.appName.toLowerCase() || starter.name.toLowerCase() !== user.toLowerCase()) return;
  await runEffectsOnce(context.redis, ledgerKey(conversationId), [
    {
      key: 'summary-note',
      run: async () => {
        const now = new Date();
        const config = await loadEnforcementConfig(context.settings, now);
        const body = await loadUserSummary(context.redis, user, config.ladder, now);
        await context.reddit.modMail.reply({ conversationId, body, isInternal: true });
      },
      alreadyDone: async () => {
        const again = await context.reddit.modMail.getConversation({ conversationId });
        return Object.values(again.conversation?.messages ?? {}).some(
          (m) => m.isInternal && m.author?.name?.toLowerCase() === context.appName.toLowerCase() && (m.bodyMarkdown ?? m.body ?? '').startsWith(NOTE_HEADING),
        );
      },
    },
  ]);
  await context.redis.set(summaryDoneKey(conversationId), new Date().toISOString(), { expiration: new Date(Date.now() + YEAR_S * 1000) });
  // The summary skips records it cannot read; the mod inbox hears of each once.
  await reportCorruptRecords(context);
}
