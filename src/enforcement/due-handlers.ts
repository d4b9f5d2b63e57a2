import { escapeMarkdown, takedownReminderDue, type TakedownReminder, type TakedownState } from '@creator-desk/core';
import type { DueHandler } from '../platform/due/due-job.js';
import { setDue } from '../platform/due/due-schedule.js';
import { runOperation } from '../platform/ledger/operation.js';
import { refreshStrikeCount } from '../platform/records/strike-record.js';
import { loadCase } from '../platform/records/takedown-record.js';
import { modInboxNoticeSince } from '../platform/effects/reddit-checks.js';
import { formatInZone } from './format-time.js';

/** The mod-inbox text of a takedown reminder (user-written references escaped, times in the installation's zone). */
function reminderMessage(reminder: TakedownReminder, state: TakedownState, timeZone: string): { subject: string; body: string } {
  const ref = escapeMarkdown(state.notice.reference);
  const when = (iso: string | undefined) => (iso ? formatInZone(iso, timeZone) : '?');
  switch (reminder.kind) {
    case 'forward_counter_notice':
      return {
        subject: `Takedown ${state.notice.reference}: forward the counter-notice`,
        body: `Forward the counter-notice on ${state.itemId} (notice ${ref}) to the complainant and tell them the content returns from ${when(state.restoreOpensAt)}.`,
      };
    case 'restore_window_open':
      return {
        subject: `Takedown ${state.notice.reference}: restore window open`,
        body:
          `The restore window for ${state.itemId} (notice ${ref}, uploader u/${escapeMarkdown(state.uploader)}) is open until ${when(state.restoreClosesAt)}. ` +
          'Unless the complainant has reported a lawsuit, use "creator-desk: restore (takedown)" on the item.',
      };
    case 'restore_overdue':
      return {
        subject: `Takedown ${state.notice.reference}: restore overdue`,
        body: `Restoring ${state.itemId} (notice ${ref}) is overdue since ${when(state.restoreClosesAt)} — more than 14 business days after the counter-notice.`,
      };
  }
}

/**
 * A takedown case whose time has come: the window-open and overdue reminders go to the mod inbox,
 * each sent once by its stable key; the case is then due again at its next check.
 */
export const onTakedownDue: DueHandler = async ({ id, member, now, config, context }) => {
  const state = await loadCase(context.redis, id);
  if (!state) {
    await setDue(context.redis, member, undefined);
    return;
  }
  const check = takedownReminderDue(state, now);
  if (check.due) {
    const reminder = check.due;
    const { subject, body } = reminderMessage(reminder, state, config.calendar.timeZone);
    await runOperation(context.redis, `reminder-${reminder.key}`, [
      {
        key: 'modmail',
        alreadyDone: ({ since }) => modInboxNoticeSince(context.reddit, context.subredditName ?? '', context.appName, subject.slice(0, 100), since),
        run: async () => {
          await context.reddit.modMail.createModInboxConversation({ subredditId: context.subredditId as `t5_${string}`, subject: subject.slice(0, 100), bodyMarkdown: body });
        },
      },
    ]);
  }
  await setDue(context.redis, member, check.nextCheckAt);
};

/** A user whose oldest strike expired: the strike count steps down. */
export const onStrikesDue: DueHandler = async ({ id, now, config, context }) => {
  await refreshStrikeCount(context.redis, id, config.ladder, now);
};
