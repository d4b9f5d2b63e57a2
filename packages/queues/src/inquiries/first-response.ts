import { firstResponseClock, firstResponsePolicy, renderTemplate, type BusinessCalendar } from '@creator-desk/core';
import { TEMPLATE_PLACEHOLDERS, type InquiryCategory } from './categories.js';
import type { Inquiry } from './read-inquiries.js';

/** Where an inquiry stands against its first-response target. */
export interface FirstResponse {
  inquiry: Inquiry;
  category: InquiryCategory;
  /** breached: past the target unanswered; due-soon: inside the warning window; on-time; answered (achieved, possibly late). */
  state: 'breached' | 'due-soon' | 'on-time' | 'answered' | 'answered-late';
  breachAt?: Date;
  warnAt?: Date;
  targetMinutes: number;
  /** The category's answer template with the contractor and subject filled in. */
  suggestion: string;
}

/**
 * The first-response clock of each inquiry (core's modmail first-response policy: business time of
 * `calendar`, a target per category, the clock stops at `answered_at`). Inquiries closed without an
 * answer are not on the clock and are left to the caller.
 */
export function firstResponses(
  items: readonly { inquiry: Inquiry; category: InquiryCategory }[],
  calendar: BusinessCalendar,
  targets: Readonly<Record<InquiryCategory | 'default', number>>,
  warnBeforeMinutes: number,
  templates: Readonly<Record<InquiryCategory, string>>,
  now: Date,
): FirstResponse[] {
  const policy = firstResponsePolicy({ minutes: { ...targets }, warnBeforeMinutes }, calendar);
  return items.map(({ inquiry, category }) => {
    const clock = firstResponseClock(policy, category, inquiry.receivedAt, inquiry.answeredAt, now);
    const answered = inquiry.answeredAt !== undefined && inquiry.answeredAt <= now;
    const late = answered && clock.breachAt !== undefined && (inquiry.answeredAt as Date) > clock.breachAt;
    const state: FirstResponse['state'] = answered ? (late ? 'answered-late' : 'answered') : clock.state === 'breached' ? 'breached' : clock.warning ? 'due-soon' : 'on-time';
    const suggestion = renderTemplate(templates[category], { contractor: inquiry.contractor, subject: inquiry.subject, category }, { trusted: [...TEMPLATE_PLACEHOLDERS] });
    return { inquiry, category, state, targetMinutes: clock.targetMinutes, suggestion, ...(clock.breachAt ? { breachAt: clock.breachAt } : {}), ...(clock.warnAt ? { warnAt: clock.warnAt } : {}) };
  });
}
