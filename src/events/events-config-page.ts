import { parseEventsPage } from '@creator-desk/core';
import type { ConfigPage } from '../platform/wiki-config/config-page.js';
import { EVENT_KEYS, EVENTS_PAGE } from './events-keys.js';
import { refreshEvents } from './refresh-events.js';
import { SEED_EVENTS } from './seed-events.js';

/** The events' wiki config page: each event checked (zone, recurrence, templates) with line:col. */
export const eventsConfigPage: ConfigPage = {
  page: EVENTS_PAGE,
  noun: 'events',
  noneInForce: 'no scheduled events are announced',
  keys: EVENT_KEYS.page,
  seed: SEED_EVENTS,
  async validate(source) {
    const parsed = parseEventsPage(source, { source: EVENTS_PAGE });
    return { diagnostics: parsed.diagnostics, entries: parsed.events.length };
  },
  afterChange: refreshEvents,
};
