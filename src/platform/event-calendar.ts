import { compileEvent, eventChecksOf, parseEventsPage, type CompiledRules, type ScheduledEvent } from '@creator-desk/core';
import type { RedisClient } from '@devvit/public-api';
import { readStored } from './stored-json.js';
import { activeConfigSchema, configPageKeys } from './wiki-config/config-page.js';

/**
 * Where the events in force live: the events page's last good revision (platform wiki-config keys)
 * and the one-off events of the "Schedule event…" form. In the platform because two capabilities
 * read them: events (announcements) and moderation (rules' `event:` checks).
 */
export const EVENT_CALENDAR_KEYS = {
  page: configPageKeys('events'),
  /** hash: event id → JSON event input of a one-off event. */
  oneOff: 'cd:events:oneoff',
} as const;

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
  const active = readStored(activeConfigSchema, await redis.get(EVENT_CALENDAR_KEYS.page.active));
  let pageEvents: ScheduledEvent[] = [];
  if (active) {
    if (cached?.revisionId !== active.revisionId) cached = { revisionId: active.revisionId, events: parseEventsPage(active.source).events };
    pageEvents = cached.events;
  }
  const events: LoadedEvent[] = pageEvents.map((event) => ({ event, origin: 'page' }));
  const ids = new Set(pageEvents.map((e) => e.id));
  const stored = await redis.hGetAll(EVENT_CALENDAR_KEYS.oneOff);
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

const usesEvents = new WeakMap<CompiledRules, boolean>();

/** Whether any rule has an `event:` check (then a trigger loads the events; otherwise it costs nothing). */
export function rulesUseEvents(compiled: CompiledRules): boolean {
  let v = usesEvents.get(compiled);
  if (v === undefined) {
    v = eventChecksOf(compiled.rules.map((c) => c.rule)).length > 0;
    usesEvents.set(compiled, v);
  }
  return v;
}

/** The events for the rules' facts: loaded only when a rule asks (`facts.events`), so other configs pay nothing. */
export async function eventFacts(redis: RedisClient, compiled: CompiledRules): Promise<{ events?: ScheduledEvent[] }> {
  if (!rulesUseEvents(compiled)) return {};
  const { events } = await loadEvents(redis);
  return { events: events.map((e) => e.event) };
}
