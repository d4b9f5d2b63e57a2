import type { Context, Form, JSONObject } from '@devvit/public-api';
import { requireModerator } from '../platform/require-moderator.js';
import { upcomingLines } from './calendar-page.js';
import { loadEvents } from '../platform/event-calendar.js';

/** The read-only "Upcoming events" listing. */
export function upcomingEventsForm(data: { listing?: string }): Form {
  return {
    title: 'Upcoming events',
    description: 'The next occurrences of the events page and the one-off events (also on the wiki page creator-desk/calendar).',
    acceptLabel: 'Close',
    fields: [{ type: 'paragraph', name: 'listing', label: 'Next occurrences', defaultValue: data.listing ?? '', disabled: true, lineHeight: 12 }],
  };
}

/** Subreddit menu item "Upcoming events": the next occurrences, for moderators (checked server-side). */
export function onUpcomingEventsPressed(formKey: Parameters<Context['ui']['showForm']>[0]) {
  return async (_event: unknown, context: Context): Promise<void> => {
    const auth = await requireModerator(context);
    if (!auth.ok) return context.ui.showToast(auth.message);
    const { events, problems } = await loadEvents(context.redis);
    const lines = upcomingLines(events.map((e) => e.event), Date.now());
    if (lines.length === 0 && problems.length === 0) return context.ui.showToast('creator-desk: no upcoming events.');
    const listing = [...lines, ...problems.map((p) => `problem: ${p}`)].join('\n');
    context.ui.showForm(formKey, { listing } as unknown as JSONObject);
  };
}

/** The listing form's submit does nothing: it only closes. */
export async function onUpcomingEventsClosed(): Promise<void> {}
