import { addBusinessDays, takedownReminderDue, type BusinessCalendar } from '@creator-desk/core';
import type { ReplayedCase } from './replay-case.js';

/** What is due on an open case, by when, and whether that has passed. */
export interface CaseDeadline {
  /** A short key for what is due (stable, for the JSON). */
  due:
    | 'validate_notice'
    | 'disable_content'
    | 'notify_uploader'
    | 'await_counter_notice'
    | 'validate_counter_notice'
    | 'forward_counter_notice'
    | 'restore_from'
    | 'restore_now'
    | 'restore_overdue'
    | 'await_complainant'
    | 'litigation_hold';
  /** One sentence for the coordinator. */
  text: string;
  /** The exact instant of the deadline on the business calendar, when the step has one. */
  deadline: Date | undefined;
  overdue: boolean;
  /** For a restore window not yet open: when it opens (restoring earlier loses the safe harbour). */
  opensAt?: Date;
}

/**
 * The next deadline of a case at `now`, or undefined when the case is no longer open (restored, closed,
 * retracted). "Expeditiously" (validating, disabling, notifying) is `actWithin` business days; the
 * counter-notice steps are core's takedown reminders over the machine's restore window.
 */
export function caseDeadline(c: ReplayedCase, now: Date, calendar: BusinessCalendar, actWithin: number): CaseDeadline | undefined {
  const at = (deadline: Date | undefined): { deadline: Date | undefined; overdue: boolean } => ({ deadline, overdue: deadline !== undefined && now.getTime() > deadline.getTime() });
  const within = (from: Date | undefined): Date | undefined => (from === undefined ? undefined : addBusinessDays(calendar, from, actWithin));
  if (c.state === undefined) {
    if (c.phase === 'notice_pending') return { due: 'validate_notice', text: 'check the notice for the six §512(c)(3)(A) elements and disable the content', ...at(within(c.noticeReceivedAt)) };
    if (c.phase === 'notice_rejected') {
      return { due: 'await_complainant', text: 'waiting for the complainant to complete the notice; silence until the deadline counts as a retraction', deadline: c.impliedRetractionAt, overdue: false };
    }
    return undefined;
  }
  const s = c.state;
  switch (s.status) {
    case 'received':
      return { due: 'disable_content', text: 'disable the content (the notice is valid)', ...at(within(new Date(s.noticeReceivedAt))) };
    case 'disabled':
      return { due: 'notify_uploader', text: 'notify the uploader (how to send a counter-notice)', ...at(within(s.disabledAt !== undefined ? new Date(s.disabledAt) : undefined)) };
    case 'uploader_notified':
      return c.counterReceivedAt !== undefined
        ? { due: 'validate_counter_notice', text: 'check the counter-notice for the §512(g)(3) elements; the restore window counts from its receipt', deadline: undefined, overdue: false }
        : { due: 'await_counter_notice', text: 'waiting for a counter-notice (the content stays down)', deadline: undefined, overdue: false };
    case 'litigation_hold':
      // The suit's reference is the log's text: it is in the JSON, not in this report-authored sentence.
      return { due: 'litigation_hold', text: 'the complainant reported a suit: the content stays down', deadline: undefined, overdue: false };
    case 'counter_notice_received':
    case 'restore_window': {
      const opensAt = s.restoreOpensAt !== undefined ? new Date(s.restoreOpensAt) : undefined;
      const closesAt = s.restoreClosesAt !== undefined ? new Date(s.restoreClosesAt) : undefined;
      const reminder = takedownReminderDue(s, now).due;
      if (s.status === 'counter_notice_received') {
        // The complainant must have the counter-notice before the content can go back.
        return { due: 'forward_counter_notice', text: 'forward the counter-notice to the complainant before the restore window opens', ...at(opensAt) };
      }
      if (reminder?.kind === 'restore_overdue') return { due: 'restore_overdue', text: 'restore the content: the restore window has closed', deadline: closesAt, overdue: true };
      if (reminder?.kind === 'restore_window_open') return { due: 'restore_now', text: 'restore the content (window open) unless the complainant reports a suit', deadline: closesAt, overdue: false };
      return { due: 'restore_from', text: 'restore within the window (not before it opens) unless the complainant reports a suit', deadline: closesAt, overdue: false, ...(opensAt !== undefined ? { opensAt } : {}) };
    }
    default:
      return undefined;
  }
}
