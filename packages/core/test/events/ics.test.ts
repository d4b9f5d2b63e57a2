import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { renderEventText, toIcs, upcomingOccurrences } from '../../src/events/index.js';
import { eventOf } from './helpers.js';

describe('toIcs', () => {
  it('is parsed back by ical.js with the same instants, titles and ids', () => {
    const event = eventOf(`id: drop\ntitle: "Drop, {{date MMMM d}}; bring \\\\ art"\ntime_zone: America/New_York\nstart: 2026-03-03 18:00\nrrule: FREQ=WEEKLY;BYDAY=TU\nduration: 90m`);
    const items = upcomingOccurrences([event], Date.parse('2026-03-01T00:00:00Z'), 3).map((u) => ({
      ...u,
      summary: renderEventText(u.event.title, u.occurrence.at, u.event.timeZone, {}, { plain: true }),
    }));
    const text = toIcs(items, { now: Date.parse('2026-03-01T00:00:00Z'), calendarName: 'r/test events' });
    const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(vevents.map((e) => [e.uid, e.summary, e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()])).toEqual([
      ['drop@2026-03-03T23:00:00.000Z@creator-desk', 'Drop, March 3; bring \\ art', '2026-03-03T23:00:00.000Z', '2026-03-04T00:30:00.000Z'],
      ['drop@2026-03-10T22:00:00.000Z@creator-desk', 'Drop, March 10; bring \\ art', '2026-03-10T22:00:00.000Z', '2026-03-10T23:30:00.000Z'],
      ['drop@2026-03-17T22:00:00.000Z@creator-desk', 'Drop, March 17; bring \\ art', '2026-03-17T22:00:00.000Z', '2026-03-17T23:30:00.000Z'],
    ]);
    expect(text.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
  });
});
