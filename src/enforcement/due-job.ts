import type { JobContext, ScheduledJobEvent } from '@devvit/public-api';
import { escapeMarkdown, takedownReminderDue, type TakedownReminder, type TakedownState } from '@creator-desk/core';
import { loadEnforcementConfig } from './config.js';
import { RETRY_MS, scheduleNextDue, setDue } from './due-schedule.js';
import { formatInZone } from './format-time.js';
import { KEYS } from './keys.js';
import { TIME_BUDGET_MS } from '../rules/effect-ledger.js';
import { runOperation } from './operation.js';
import { refreshStrikeCount } from './strike-record.js';
import { loadCase } from './takedown-record.js';

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
 * The one "next due" job: takes every entry of `cd:enf:due` whose time has come — takedown cases
 * (window-open and overdue reminders to the mod inbox, each sent once by its stable key) and
 * users whose oldest strike expired (the strike count steps down) — within the time budget, then
 * schedules itself for the next entry. An entry whose effects fail stays due and is retried.
 */
export async function onEnforcementDue(_event: ScheduledJobEvent<undefined>, context: JobContext): Promise<void> {
  const started = Date.now();
  const now = new Date();
  const due = await context.redis.zRange(KEYS.due, 0, now.getTime(), { by: 'score' });
  const config = due.length > 0 ? await loadEnforcementConfig(context.settings, now) : undefined;
  for (const { member } of due) {
    if (!config || Date.now() - started > TIME_BUDGET_MS) break;
    const [kind, ...rest] = member.split(':');
    const id = rest.join(':');
    try {
      if (kind === 'takedown') {
        const state = await loadCase(context.redis, id);
        if (!state) {
          await setDue(context.redis, member, undefined);
          continue;
        }
        const check = takedownReminderDue(state, now);
        if (check.due) {
          const reminder = check.due;
          const { subject, body } = reminderMessage(reminder, state, config.calendar.timeZone);
          await runOperation(context.redis, `reminder-${reminder.key}`, [
            {
              key: 'modmail',
              run: async () => {
                await context.reddit.modMail.createModInboxConversation({ subredditId: context.subredditId as `t5_${string}`, subject: subject.slice(0, 100), bodyMarkdown: body });
              },
            },
          ]);
        }
        await setDue(context.redis, member, check.nextCheckAt);
      } else if (kind === 'strikes') {
        await refreshStrikeCount(context.redis, id, config.ladder, now);
      } else {
        await setDue(context.redis, member, undefined);
      }
    } catch (e) {
      // Left due: retried by the next run, a minute from now.
      console.error(`creator-desk: due entry ${member} failed: ${e instanceof Error ? e.message : String(e)}; retry in ${RETRY_MS / 1000} s`);
    }
  }
  await scheduleNextDue(context.redis, context.scheduler, { running: true });
}
