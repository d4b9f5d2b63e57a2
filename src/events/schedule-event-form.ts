import { compileEvent, nextOccurrence, type EventInput } from '@creator-desk/core';
import type { Context, Form, FormOnSubmitEvent, JSONObject } from '@devvit/public-api';
import { requireModerator } from '../platform/require-moderator.js';
import { loadEnforcementConfig } from '../platform/settings.js';
import { EVENT_KEYS } from './events-keys.js';
import { loadEvents } from '../platform/event-calendar.js';
import { refreshEvents } from './refresh-events.js';

/** The "Schedule event…" form: a one-off announcement, times local to the given zone. */
export function scheduleEventForm(data: { timeZone?: string }): Form {
  return {
    title: 'Schedule a one-off event announcement',
    description: 'Posted once at the given local time (minus the lead). Recurring events go on the wiki page creator-desk/events.',
    acceptLabel: 'Schedule',
    fields: [
      { type: 'string', name: 'title', label: 'Title (may use {{date MMMM d}})', required: true },
      { type: 'paragraph', name: 'body', label: 'Body (markdown)' },
      { type: 'string', name: 'start', label: 'Starts at (local date and time, YYYY-MM-DD HH:mm)', required: true },
      { type: 'string', name: 'timeZone', label: 'Time zone (IANA, e.g. America/New_York)', defaultValue: data.timeZone ?? 'UTC', required: true },
      { type: 'string', name: 'announce', label: 'Announce this long before the start (e.g. 1d, 2h; 0m = at the start)', defaultValue: '0m' },
      { type: 'string', name: 'reminders', label: 'Reminder comments, before the start (e.g. 24h, 1h)' },
      { type: 'boolean', name: 'sticky', label: 'Sticky the announcement', defaultValue: false },
    ],
  };
}

/** Subreddit menu item "Schedule event…": opens the form with the installation's time zone. */
export function onScheduleEventPressed(formKey: Parameters<Context['ui']['showForm']>[0]) {
  return async (_event: unknown, context: Context): Promise<void> => {
    const auth = await requireModerator(context, ['posts']);
    if (!auth.ok) return context.ui.showToast(auth.message);
    const config = await loadEnforcementConfig(context.settings, new Date());
    context.ui.showForm(formKey, { timeZone: config.calendar.timeZone } as unknown as JSONObject);
  };
}

/** FNV-1a, so a resubmitted form (same title and start) maps to the same event id. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * Form submission (checked server-side: moderator with `posts`): the event is validated exactly
 * like a page event, stored once under an id derived from its title and start (a duplicate
 * delivery or double click stores nothing more), and the schedule and calendar page are refreshed.
 */
export async function onScheduleEventSubmit(event: FormOnSubmitEvent<JSONObject>, context: Context): Promise<void> {
  const auth = await requireModerator(context, ['posts']);
  if (!auth.ok) return context.ui.showToast(auth.message);
  const v = event.values;
  const start = text(v.start);
  const id = `once-${start.slice(0, 10)}-${shortHash(`${text(v.title)}\n${start}\n${text(v.timeZone)}`)}`;
  const reminders = text(v.reminders).split(/[\s,]+/).filter((r) => r !== '');
  const input: EventInput = {
    id,
    title: text(v.title),
    body: text(v.body),
    time_zone: text(v.timeZone),
    start,
    announce: text(v.announce) || '0m',
    reminders,
    ...(v.sticky === true ? { sticky: 1 as const } : {}),
  };
  const { event: compiled, problems } = compileEvent(input);
  if (!compiled) return context.ui.showToast(`creator-desk: not scheduled — ${problems.map((p) => p.message).join('; ')}`.slice(0, 280));
  // An event already over would be stored and never posted: say so instead.
  if (!nextOccurrence(compiled.schedule, Date.now())) return context.ui.showToast(`creator-desk: not scheduled — ${start} ${compiled.timeZone} has already passed.`);
  const { events } = await loadEvents(context.redis);
  if (events.some((e) => e.origin === 'page' && e.event.id === id)) return context.ui.showToast(`creator-desk: the events page already has an event ${id}; nothing was scheduled.`);
  const stored = await context.redis.hSetNX(EVENT_KEYS.oneOff, id, JSON.stringify(input));
  await refreshEvents(context);
  context.ui.showToast(stored ? `creator-desk: scheduled ${id}.` : `creator-desk: ${id} was already scheduled.`);
}
