import { escapeMarkdown, formatInZone, upcomingOccurrences, type ScheduledEvent } from '@creator-desk/core';
import type { TriggerContext } from '@devvit/public-api';
import { isMissingPageError } from '../platform/wiki-config/config-page.js';
import { occurrenceTexts } from './announce-steps.js';
import { CALENDAR_PAGE } from './events-keys.js';

/** How many occurrences the calendar page and the "Upcoming events" menu show. */
export const UPCOMING_COUNT = 10;

/** One line per upcoming occurrence: local time with its zone, title, event id (plain text). */
export function upcomingLines(events: readonly ScheduledEvent[], now: number, limit = UPCOMING_COUNT): string[] {
  return upcomingOccurrences(events, now, limit).map(({ event, occurrence }) => {
    const when = formatInZone(occurrence.at, event.timeZone, 'EEE, MMM d, yyyy h:mm a');
    return `${when} (${event.timeZone}) — ${occurrenceTexts(event, occurrence.at).title} [${event.id}]`;
  });
}

/** The calendar page's markdown: a table of the next occurrences; every text from the events page is escaped. */
export function calendarMarkdown(events: readonly ScheduledEvent[], now: number): string {
  const rows = upcomingOccurrences(events, now, UPCOMING_COUNT).map(({ event, occurrence }) => {
    const when = formatInZone(occurrence.at, event.timeZone, 'EEE, MMM d, yyyy h:mm a');
    const utc = `${new Date(occurrence.at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const cell = (text: string) => escapeMarkdown(text, { singleLine: true }).replace(/\|/g, '\\|');
    // Times are the app's own text (a zone name's underscores would italicise); the title and id come from the page and are escaped.
    return `| ${when} (${event.timeZone.replace(/_/g, '\\_')}) | ${utc} | ${cell(occurrenceTexts(event, occurrence.at).title)} | ${cell(event.id)} |`;
  });
  return [
    '# Upcoming events',
    '',
    `The next ${UPCOMING_COUNT} scheduled occurrences, rewritten by creator-desk whenever the schedule changes or an event passes.`,
    '',
    ...(rows.length > 0 ? ['| When (local) | UTC | Event | Id |', '| --- | --- | --- | --- |', ...rows] : ['Nothing is scheduled.']),
    '',
  ].join('\n');
}

type CalendarContext = Pick<TriggerContext, 'reddit' | 'subredditName'>;

/** Rewrites `creator-desk/calendar` when its content would change (so unchanged schedules make no revision). */
export async function writeCalendarPage(context: CalendarContext, events: readonly ScheduledEvent[], now: number): Promise<'unchanged' | 'written'> {
  const subredditName = context.subredditName ?? '';
  const content = calendarMarkdown(events, now);
  let current: string | undefined;
  try {
    current = (await context.reddit.getWikiPage(subredditName, CALENDAR_PAGE)).content;
  } catch (e) {
    if (!isMissingPageError(e)) throw e;
  }
  if (current === content) return 'unchanged';
  const opts = { subredditName, page: CALENDAR_PAGE, content, reason: 'creator-desk: upcoming events' };
  if (current === undefined) await context.reddit.createWikiPage(opts);
  else await context.reddit.updateWikiPage(opts);
  return 'written';
}
