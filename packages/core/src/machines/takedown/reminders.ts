/**
 * What the mod inbox should be told about a takedown case at a given instant. Pure: the scheduled job
 * calls it, posts what is due (deduplicated by `key`, since jobs run at least once) and schedules the
 * next run at `nextCheckAt`.
 */
import type { TakedownState } from './machine.js';

/** A reminder that is due now. `key` is stable per case and kind, for exactly-once delivery. */
export type TakedownReminder =
  | { kind: 'forward_counter_notice'; key: string; caseId: string; message: string }
  | { kind: 'restore_window_open'; key: string; caseId: string; message: string; opensAt: Date; closesAt: Date }
  | { kind: 'restore_overdue'; key: string; caseId: string; message: string; closesAt: Date };

/** The reminder due at `now` (if any) and when to look again (if ever). */
export interface TakedownReminderCheck {
  due: TakedownReminder | undefined;
  nextCheckAt: Date | undefined;
}

/** Which reminder is due for `takedown` at `now`: forward the counter-notice, window open, or overdue. */
export function takedownReminderDue(takedown: TakedownState, now: Date): TakedownReminderCheck {
  const { id } = takedown;
  const opensAt = takedown.restoreOpensAt !== undefined ? new Date(takedown.restoreOpensAt) : undefined;
  const closesAt = takedown.restoreClosesAt !== undefined ? new Date(takedown.restoreClosesAt) : undefined;
  const ref = takedown.notice.reference;
  if (takedown.status === 'counter_notice_received') {
    // §512(g)(2)(B): the counter-notice goes to the complainant promptly; nag until it is recorded as forwarded.
    return {
      due: {
        kind: 'forward_counter_notice',
        key: `${id}:forward_counter_notice`,
        caseId: id,
        message: `Takedown ${ref}: forward the counter-notice to the complainant and tell them the content returns from ${opensAt?.toISOString() ?? '?'}.`,
      },
      nextCheckAt: opensAt,
    };
  }
  if (takedown.status !== 'restore_window' || opensAt === undefined || closesAt === undefined) {
    return { due: undefined, nextCheckAt: undefined };
  }
  const t = now.getTime();
  if (t < opensAt.getTime()) return { due: undefined, nextCheckAt: opensAt };
  if (t <= closesAt.getTime()) {
    return {
      due: {
        kind: 'restore_window_open',
        key: `${id}:restore_window_open`,
        caseId: id,
        message: `Takedown ${ref}: the restore window is open; restore ${takedown.itemId} by ${closesAt.toISOString()} unless the complainant reports a lawsuit.`,
        opensAt,
        closesAt,
      },
      nextCheckAt: new Date(closesAt.getTime() + 1),
    };
  }
  return {
    due: {
      kind: 'restore_overdue',
      key: `${id}:restore_overdue`,
      caseId: id,
      message: `Takedown ${ref}: restoring ${takedown.itemId} is overdue since ${closesAt.toISOString()} (more than 14 business days after the counter-notice).`,
      closesAt,
    },
    nextCheckAt: undefined,
  };
}
