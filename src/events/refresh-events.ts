import { dueSteps, nextStepAt, upcomingOccurrences, type ScheduledEvent } from '@creator-desk/core';
import type { TriggerContext } from '@devvit/public-api';
import { scheduleNextDue, setDue } from '../platform/due/due-schedule.js';
import { isStepComplete } from './announce-steps.js';
import { writeCalendarPage } from './calendar-page.js';
import { EVENTS_DUE_MEMBER } from './events-keys.js';
import { loadEvents } from '../platform/event-calendar.js';

type RefreshContext = Pick<TriggerContext, 'reddit' | 'redis' | 'scheduler' | 'subredditName'>;

/**
 * When the events' due entry must next run: now if a step is due and not complete, else the next
 * step's time or the next start, whichever is first (a start changes the calendar page's list).
 */
export async function nextEventsDue(context: Pick<TriggerContext, 'redis'>, events: readonly ScheduledEvent[], now: number): Promise<number | undefined> {
  for (const step of dueSteps(events, now)) if (!(await isStepComplete(context.redis, step))) return now;
  const times = [nextStepAt(events, now), upcomingOccurrences(events, now, 1)[0]?.occurrence.at].filter((t): t is number => t !== undefined);
  return times.length > 0 ? Math.min(...times) : undefined;
}

/**
 * After any change to the schedule (an accepted events page, a one-off event, install, upgrade):
 * the events' one due entry is set to the next step and the platform's one next-due job moved to
 * it, and the calendar page is rewritten. Idempotent.
 */
export async function refreshEvents(context: RefreshContext): Promise<void> {
  const now = Date.now();
  const { events, problems } = await loadEvents(context.redis);
  for (const p of problems) console.error(`creator-desk events: ${p}`);
  const list = events.map((e) => e.event);
  const due = await nextEventsDue(context, list, now);
  await setDue(context.redis, EVENTS_DUE_MEMBER, due === undefined ? undefined : new Date(due));
  await scheduleNextDue(context.redis, context.scheduler);
  await writeCalendarPage(context, list, now);
}
