import { compileEvent, parseEventsPage, type ScheduledEvent } from '@creator-desk/core';
import type { RedisClient } from '@devvit/public-api';
import { readStored } from '../platform/stored-json.js';
import { activeConfigSchema } from '../platform/wiki-config/config-page.js';
import { EVENT_KEYS } from './events-keys.js';

/** An event in force and where it comes from. */
export interface LoadedEvent {
  event: ScheduledEvent;
  origin: 'page' | 'form';
}

/** The parsed last good page, by revision: parsing is pure, so one parse per revision per instance. */
let cached: { revisionId: string; events: ScheduledEvent[] } | undefined;

/**
 * The events in force: the last good revision of the events page (never a rejected one) and the
 * one-off events scheduled through the form. A stored one-off that no longer compiles, or whose id
 * the page now uses, is reported in `problems` and left out — never silently.
 */
export async function loadEvents(redis: RedisClient): Promise<{ events: LoadedEvent[]; problems: string[] }> {
  const problems: string[] = [];
  const active = readStored(activeConfigSchema, await redis.get(EVENT_KEYS.page.active));
  let pageEvents: ScheduledEvent[] = [];
  if (active) {
    if (cached?.revisionId !== active.revisionId) cached = { revisionId: active.revisionId, events: parseEventsPage(active.source).events };
    pageEvents = cached.events;
  }
  const events: LoadedEvent[] = pageEvents.map((event) => ({ event, origin: 'page' }));
  const ids = new Set(pageEvents.map((e) => e.id));
  const stored = await redis.hGetAll(EVENT_KEYS.oneOff);
  for (const id of Object.keys(stored).sort()) {
    let raw: unknown;
    try {
      raw = JSON.parse(stored[id] ?? '');
    } catch {
      problems.push(`one-off event ${id}: stored entry is not JSON`);
      continue;
    }
    const { event, problems: p } = compileEvent(raw);
    if (!event) problems.push(`one-off event ${id}: ${p.map((x) => x.message).join('; ')}`);
    else if (ids.has(event.id)) problems.push(`one-off event ${id}: the events page now uses this id; the page's event is announced`);
    else events.push({ event, origin: 'form' });
  }
  return { events, problems };
}
