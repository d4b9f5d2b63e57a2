import type { DueHandler } from '../platform/due/due-job.js';
import { RETRY_MS, setDue } from '../platform/due/due-schedule.js';
import { TimeBudgetExceeded } from '../platform/ledger/effect-ledger.js';
import { dueSteps } from '@creator-desk/core';
import { performStep } from './announce-steps.js';
import { writeCalendarPage } from './calendar-page.js';
import { nextEventsDue } from './refresh-events.js';
import { EVENTS_DUE_MEMBER } from './events-keys.js';
import { loadEvents } from '../platform/event-calendar.js';

/**
 * The events' due entry: performs every step due now (announcements, then reminders, in time
 * order; each exactly once through the occurrence's ledger), rewrites the calendar page, and sets
 * the entry to the next step. A step that failed, or that another delivery is performing, makes
 * the entry due again a minute later, when it resumes where it stopped.
 */
export const onEventsDue: DueHandler = async ({ now, context }) => {
  const started = Date.now();
  const { events, problems } = await loadEvents(context.redis);
  for (const p of problems) console.error(`creator-desk events: ${p}`);
  const list = events.map((e) => e.event);
  let unfinished = false;
  for (const step of dueSteps(list, now.getTime())) {
    try {
      await performStep(context, step, started);
    } catch (e) {
      unfinished = true;
      console.error(`creator-desk events: ${step.kind} of ${step.event.id} at ${step.occurrence.local} not finished: ${e instanceof Error ? e.message : String(e)}`);
      if (e instanceof TimeBudgetExceeded) break;
    }
  }
  const next = unfinished ? now.getTime() + RETRY_MS : await nextEventsDue(context, list, now.getTime());
  await setDue(context.redis, EVENTS_DUE_MEMBER, next === undefined ? undefined : new Date(Math.max(next, now.getTime() + 1)));
  await writeCalendarPage(context, list, now.getTime());
};
