import { EVENT_CALENDAR_KEYS } from '../platform/event-calendar.js';

/** The events wiki page (YAML), mods only. */
export const EVENTS_PAGE = 'creator-desk/events';
/** The wiki page the app rewrites with the next occurrences. */
export const CALENDAR_PAGE = 'creator-desk/calendar';
/** The platform due entry of the events feature: one for all events, due at the next step. */
export const EVENTS_DUE_MEMBER = 'events:schedule';

/**
 * Redis keys of the events feature.
 *
 * | key | type | content |
 * | --- | --- | --- |
 * | `cd:events:active` / `:validation` / `:notified:{rev}` | string | the events page's last good revision and validation state (platform wiki-config) |
 * | `cd:events:oneoff` | hash | event id → JSON event input of a one-off event scheduled through the form |
 * | `cd:events:posts:{eventId}` | zset | announcement post ids of an event, score = occurrence start (ms) |
 * | `cd:fx:events:{eventId}:{startMs}` | hash | effect ledger of one occurrence (`announce` = `done:{postId}`, sticky, flair, rotation, reminders); kept 60 days |
 */
export const EVENT_KEYS = {
  page: EVENT_CALENDAR_KEYS.page,
  oneOff: EVENT_CALENDAR_KEYS.oneOff,
  posts: (eventId: string) => `cd:events:posts:${eventId}`,
  ledger: (eventId: string, startMs: number) => `cd:fx:events:${eventId}:${startMs}`,
} as const;

/** An occurrence's ledger outlives its announcement lead (≤ 14 days) and Devvit's retries by far. */
export const OCCURRENCE_LEDGER_TTL_SECONDS = 60 * 86400;
