import type { Context, MenuItemOnPressEvent } from '@devvit/public-api';
import { escapeMarkdown, takedownMachine } from '@creator-desk/core';
import { requireModerator } from '../platform/require-moderator.js';
import { loadEnforcementConfig } from '../platform/settings.js';
import { scheduleNextDue } from '../platform/due/due-schedule.js';
import { formatInZone } from './format-time.js';
import { KEYS } from '../platform/keys.js';
import { beginKeyedOperation, retryMessage, runOperation } from '../platform/ledger/operation.js';
import { applyToCase, loadCase } from '../platform/records/takedown-record.js';
import { conversationStartedSince } from '../platform/effects/sent-conversation.js';
import { loadTarget } from './target.js';
import { recordModeratorDecision } from '../platform/records/moderator-decision.js';
import { reportCorruptRecords } from '../platform/records/corrupt-records.js';

/**
 * Post/comment menu item "Restore (takedown)": once the case's restore window is open, approves the
 * item back, records `restore` (the case closes as restored), tells the uploader and the mod inbox
 * forgets the reminders. Refused, with the date, before the window opens.
 */
export async function onRestorePressed(event: MenuItemOnPressEvent, context: Context): Promise<void> {
  const auth = await requireModerator(context, ['posts']);
  if (!auth.ok) return context.ui.showToast(auth.message);
  const thingId = event.targetId;
  const caseId = await context.redis.get(KEYS.takedownOfItem(thingId));
  const state = caseId ? await loadCase(context.redis, caseId) : undefined;
  if (!caseId || !state) return context.ui.showToast('creator-desk: this item has no takedown case; nothing was done.');
  const config = await loadEnforcementConfig(context.settings, new Date());
  const tz = config.calendar.timeZone;
  if (state.status !== 'restore_window' && state.status !== 'restored') {
    return context.ui.showToast(`creator-desk: case ${caseId} is ${state.status.replaceAll('_', ' ')}; it can be restored only after a counter-notice is recorded and forwarded.`);
  }
  const op = await beginKeyedOperation(context.redis, `restore-${caseId}`, auth.username, {});
  if (op.complete) return context.ui.showToast(`creator-desk: case ${caseId} was already restored.`);
  const ctx = { at: op.at, actor: op.actor, role: 'moderator' as const };
  const dry = state.status === 'restored' ? { ok: true as const } : takedownMachine.transition(state, { type: 'restore' }, ctx);
  if (!dry.ok) {
    // Nothing happened: let a later press start afresh at its own time.
    await context.redis.del(KEYS.ledger(op.opId));
    const when = state.restoreOpensAt ? formatInZone(state.restoreOpensAt, tz) : '?';
    return context.ui.showToast(`creator-desk: too early — the restore window opens ${when} (10 business days after the counter-notice). Nothing was done.`);
  }
  const subredditName = context.subredditName ?? '';
  const subject = `Restored: copyright notice ${state.notice.reference}`.slice(0, 100);
  try {
    const target = await loadTarget(context, thingId);
    await runOperation(context.redis, op.opId, [
      {
        key: 'approve',
        run: async () => {
          // Recorded first: the rules must see the approval as this moderator's, not the app's.
          await recordModeratorDecision(context.redis, thingId, 'approve', op.actor, op.at);
          await context.reddit.approve(thingId);
        },
        alreadyDone: async () => (await loadTarget(context, thingId)).approved,
      },
      {
        key: 'restore',
        run: async () => {
          const r = await applyToCase(context.redis, caseId, { type: 'restore' }, ctx);
          if (!r.ok) throw new Error(r.error.message);
        },
      },
      {
        key: 'notify',
        alreadyDone: () => conversationStartedSince(context.reddit, subredditName, state.uploader, subject, op.at),
        run: async () => {
          await context.reddit.modMail.createConversation({
            subredditName,
            to: state.uploader,
            subject,
            body:
              `Hi u/${escapeMarkdown(state.uploader)}, after your counter-notice the moderators of r/${subredditName} have restored your ${target.kind}: ${target.permalink}\n\n` +
              `Notice reference: ${escapeMarkdown(state.notice.reference)}.`,
            isAuthorHidden: true,
          });
        },
      },
      { key: 'schedule', run: async () => void (await scheduleNextDue(context.redis, context.scheduler)) },
    ]);
    await reportCorruptRecords(context);
    context.ui.showToast(`creator-desk: restored ${thingId}; case ${caseId} closed as restored.`);
  } catch (e) {
    context.ui.showToast(retryMessage(e));
  }
}
