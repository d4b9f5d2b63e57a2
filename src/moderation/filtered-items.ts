import type { Comment, Context, MenuItemOnPressEvent, Post, TriggerContext } from '@devvit/public-api';
import { escapeMarkdown } from '@creator-desk/core';
import { z } from 'zod';
import { requireModerator } from '../platform/require-moderator.js';
import { beginKeyedOperation, retryMessage, runOperation } from '../platform/ledger/operation.js';
import type { Effect } from '../platform/ledger/effect-ledger.js';
import { readStored } from '../platform/stored-json.js';
import { modInboxNoticeSince } from '../platform/effects/reddit-checks.js';
import { recordModeratorDecision } from '../platform/records/moderator-decision.js';

/**
 * `filter` without a modqueue (Devvit 0.14.6 cannot send an item there): the item is removed and
 * listed in the mod inbox, one conversation per item, with one mod-menu action to approve it.
 *
 * | key | type | content |
 * | --- | --- | --- |
 * | `cd:filtered:{thingId}` | hash | `filtered`: JSON of the filter (rule, reason, inbox conversation); `approved`: JSON `{by, at}` once a moderator approved it |
 */
export const filteredKey = (thingId: string) => `cd:filtered:${thingId}`;

/** The label of the mod-menu action that approves a filtered item. */
export const APPROVE_FILTERED_LABEL = 'creator-desk: approve filtered item';

const filteredSchema = z.object({
  thingId: z.string(),
  author: z.string(),
  rule: z.string(),
  reason: z.string(),
  at: z.string(),
  conversationId: z.string().optional(),
});
const approvedSchema = z.object({ by: z.string(), at: z.string() });

type Ctx = Pick<TriggerContext, 'reddit' | 'redis' | 'subredditId' | 'subredditName' | 'appName'>;

/** What the notice says about the filter. */
export interface FilterNotice {
  thingId: string;
  author: string;
  kind: 'submission' | 'comment';
  /** The rule as moderators name it ("line 3 (new accounts)"). */
  rule: string;
  reason: string;
}

/** The notice's subject: names the item, so a take-over can tell whether it was already sent. */
export function filterNoticeSubject(notice: Pick<FilterNotice, 'thingId' | 'author' | 'kind'>): string {
  return `Filtered for review: ${notice.kind === 'comment' ? 'comment' : 'post'} by u/${notice.author} (${notice.thingId})`.slice(0, 100);
}

/**
 * The ledger effects after a performed `filter`: a mod-inbox conversation naming the item, the rule
 * and how to approve it, then the record the approve action reads (two effects, so a delivery that
 * dies between them neither loses the record nor sends the notice twice). Exactly once per event.
 */
export function filterNoticeEffects(ctx: Ctx, key: string, notice: FilterNotice, fetchThing: () => Promise<Post | Comment>): Effect[] {
  const subject = filterNoticeSubject(notice);
  return [
    {
      key,
      // A dead delivery may have sent it without recording it: look in the mod inbox first.
      alreadyDone: ({ since }) => modInboxNoticeSince(ctx.reddit, ctx.subredditName ?? '', ctx.appName, subject, since),
      run: async () => {
        const thing = await fetchThing();
        const what = notice.kind === 'comment' ? 'comment' : 'post';
        const title = 'title' in thing ? ` “${escapeMarkdown(thing.title, { singleLine: true, maxLength: 120 })}”` : '';
        return ctx.reddit.modMail.createModInboxConversation({
          subredditId: ctx.subredditId as `t5_${string}`,
          subject,
          bodyMarkdown: [
            `creator-desk removed the ${what}${title} by u/${escapeMarkdown(notice.author)} and holds it for a moderator (rule ${escapeMarkdown(notice.rule, { singleLine: true, maxLength: 120 })}: ${escapeMarkdown(notice.reason, { singleLine: true, maxLength: 200 })}).`,
            '',
            `https://www.reddit.com${thing.permalink}`,
            '',
            `To approve it, open the ${what} and choose **${APPROVE_FILTERED_LABEL}** in the mod menu. To keep it removed, do nothing.`,
          ].join('\n'),
        });
      },
    },
    {
      key: `${key}:record`,
      needs: [key],
      run: async (results) => {
        // Without the id (a take-over found the notice already sent) the approval is still recorded, just not noted in it.
        const conversationId = results.get(key);
        const record = { thingId: notice.thingId, author: notice.author, rule: notice.rule, reason: notice.reason, at: new Date().toISOString(), ...(conversationId ? { conversationId } : {}) };
        await ctx.redis.hSet(filteredKey(notice.thingId), { filtered: JSON.stringify(record) });
      },
    },
  ];
}

/**
 * Post/comment menu item "approve filtered item": approves an item creator-desk filtered, records who
 * approved it, and notes that in (and archives) the item's mod-inbox conversation, each exactly once.
 * Refused for items creator-desk did not filter.
 */
export async function onApproveFilteredPressed(event: MenuItemOnPressEvent, context: Context): Promise<void> {
  const auth = await requireModerator(context, ['posts']);
  if (!auth.ok) return context.ui.showToast(auth.message);
  const thingId = event.targetId;
  const [filteredJson, approvedJson] = await context.redis.hMGet(filteredKey(thingId), ['filtered', 'approved']);
  const filtered = readStored(filteredSchema, filteredJson);
  if (!filtered) return context.ui.showToast('creator-desk: creator-desk did not filter this item; nothing was done.');
  const earlier = readStored(approvedSchema, approvedJson);
  if (earlier) return context.ui.showToast(`creator-desk: already approved by u/${earlier.by}.`);
  const op = await beginKeyedOperation(context.redis, `approve-filtered-${thingId}`, auth.username, {});
  if (op.complete) return context.ui.showToast('creator-desk: this filtered item was already approved.');
  const fetch = () => (thingId.startsWith('t1_') ? context.reddit.getCommentById(thingId) : context.reddit.getPostById(thingId));
  try {
    await runOperation(context.redis, op.opId, [
      {
        key: 'approve',
        run: async () => {
          // Recorded first: the rules must see the approval as this moderator's, not the app's.
          await recordModeratorDecision(context.redis, thingId, 'approve', op.actor, op.at);
          await context.reddit.approve(thingId);
        },
        alreadyDone: async () => (await fetch()).approved,
      },
      { key: 'record', run: async () => void (await context.redis.hSet(filteredKey(thingId), { approved: JSON.stringify({ by: op.actor, at: op.at }) })) },
      ...(filtered.conversationId
        ? [
            {
              key: 'inbox',
              run: async () => {
                const id = filtered.conversationId as string;
                await context.reddit.modMail.reply({ conversationId: id, body: `Approved by u/${escapeMarkdown(op.actor)} with ${APPROVE_FILTERED_LABEL}.`, isInternal: true });
                await context.reddit.modMail.archiveConversation(id);
              },
            },
          ]
        : []),
    ]);
    context.ui.showToast(`creator-desk: approved; the filter by ${filtered.rule} is recorded as approved by u/${op.actor}.`.slice(0, 280));
  } catch (e) {
    context.ui.showToast(retryMessage(e));
  }
}
