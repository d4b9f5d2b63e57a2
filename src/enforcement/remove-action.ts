import type { Context, FormKey, FormOnSubmitEvent, JSONObject, MenuItemOnPressEvent } from '@devvit/public-api';
import { recordModeratorDecision } from '../platform/records/moderator-decision.js';
import type { Form } from '@devvit/public-api';
import { requireModerator } from '../platform/require-moderator.js';
import { loadEnforcementConfig } from '../platform/settings.js';
import { escalationEffect } from '../platform/records/escalation-record.js';
import { appCommentSince } from '../platform/effects/reddit-checks.js';
import { modNoteEffect } from '../platform/effects/mod-note.js';
import { beginOperation, openOperation, retryMessage, runOperation } from '../platform/ledger/operation.js';
import { authorizeItemSubmission, loadTarget } from './target.js';
import { renderEnforcementTemplate } from '../platform/templates.js';
import { selectValue, textValue } from './form-values.js';
import { reportCorruptRecords } from '../platform/records/corrupt-records.js';

const ACTION = 'remove';

/** The Remove form: a reason from the configured list (each names the team it is escalated to) and a note. */
export function removeForm(data: { reasons?: { label: string; value: string }[] }): Form {
  const options = data.reasons ?? [];
  return {
    title: 'Remove: unoriginal / AI-generated / policy',
    description: 'Removes the item, posts the removal reason as a distinguished comment, adds a mod note and escalates to the team named with the reason.',
    acceptLabel: 'Remove',
    fields: [
      { type: 'select', name: 'reason', label: 'Reason', options, required: true, defaultValue: options[0] ? [options[0].value] : [] },
      { type: 'paragraph', name: 'note', label: 'Note to the author (optional, shown in the comment)' },
    ],
  };
}

/** Menu item: checks the caller is a moderator, then opens the Remove form. */
export function onRemovePressed(formKey: FormKey) {
  return async (event: MenuItemOnPressEvent, context: Context): Promise<void> => {
    const auth = await requireModerator(context, ['posts']);
    if (!auth.ok) return context.ui.showToast(auth.message);
    const config = await loadEnforcementConfig(context.settings, new Date());
    await openOperation(context.redis, ACTION, event.targetId);
    const reasons = config.reasons.map((r) => ({ label: `${r.label} (→ ${r.team})`, value: r.value }));
    context.ui.showForm(formKey, { reasons } as unknown as JSONObject);
  };
}

interface RemoveValues {
  reason: string;
  team: string;
  note: string;
}

/** Form submission: removes, comments (distinguished), adds a mod note and records the escalation, each exactly once. */
export async function onRemoveSubmit(event: FormOnSubmitEvent<JSONObject>, context: Context): Promise<void> {
  const allowed = await authorizeItemSubmission(context, ['posts']);
  if (!allowed) return;
  const { username, thingId } = allowed;
  const config = await loadEnforcementConfig(context.settings, new Date());
  const chosen = selectValue(event.values.reason);
  const reason = config.reasons.find((r) => r.value === chosen);
  if (!reason) return context.ui.showToast('creator-desk: choose a removal reason; nothing was done.');
  const note = textValue(event.values.note);
  const op = await beginOperation<RemoveValues>(context.redis, ACTION, thingId, username, { reason: reason.label, team: reason.team, note });
  if (op.complete) return context.ui.showToast('creator-desk: this removal was already done.');
  const v = op.values;
  const subredditName = context.subredditName ?? '';
  try {
    const target = await loadTarget(context, thingId);
    const comment = renderEnforcementTemplate(config.templates.removal, {
      author: target.authorName,
      subreddit: subredditName,
      kind: target.kind,
      reason: v.reason,
      note: v.note,
      permalink: target.permalink,
    });
    await runOperation(context.redis, op.opId, [
      {
        key: 'remove',
        run: async () => {
          await recordModeratorDecision(context.redis, thingId, 'remove', op.actor, op.at);
          await context.reddit.remove(thingId, false);
        },
        alreadyDone: async () => (await loadTarget(context, thingId)).removed,
      },
      {
        key: 'comment',
        run: async () => (await context.reddit.submitComment({ id: thingId, text: comment })).id,
        alreadyDone: async ({ since }) => (await appCommentSince(context.reddit, context.appName, thingId, comment, since)) ?? false,
      },
      {
        key: 'distinguish',
        needs: ['comment'],
        run: async (results) => {
          const id = results.get('comment');
          if (!id) throw new Error('the removal comment is missing');
          // Sticky only under a post: a reply to a comment cannot be stickied.
          await (await context.reddit.getCommentById(id)).distinguish(target.kind === 'post');
        },
      },
      modNoteEffect(context, target.authorName, thingId, () => ({ note: `Removed by u/${op.actor}: ${v.reason}${v.note ? ` — ${v.note}` : ''}` })),
      escalationEffect(context.redis, op, { itemId: thingId, user: target.authorName, source: 'mod-menu:remove', team: v.team, reason: `${v.reason}${v.note ? `: ${v.note}` : ''}`, config: config.escalation }),
    ]);
    await reportCorruptRecords(context);
    context.ui.showToast(`creator-desk: removed (${v.reason}), reason posted, escalated to ${v.team}.`);
  } catch (e) {
    context.ui.showToast(retryMessage(e));
  }
}
