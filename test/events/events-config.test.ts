import { afterEach, describe, expect, it } from 'vitest';
import { CALENDAR_PAGE, EVENTS_DUE_MEMBER, EVENTS_PAGE } from '../../src/events/events-keys.js';
import { KEYS } from '../../src/platform/keys.js';
import { redisView } from '../harness/redis-view.js';
import type { Harness } from '../harness/index.js';
import { appPosts, eventsHarness, runUntil, WEEKLY_PAGE } from './fixture.js';

let h: Harness;
/** When the platform's one next-due job must look at the events feature (other capabilities, e.g. the roster sync, share the job). */
const eventsDueAt = async () => {
  const score = await redisView(h).zScore(KEYS.due, EVENTS_DUE_MEMBER);
  return score === undefined ? undefined : new Date(score).toISOString();
};
/** The one next-due job runs at the earliest due entry of any capability. */
const expectOneJobAtEarliestDue = async () => {
  const [first] = await redisView(h).zRange(KEYS.due, 0, 0, { by: 'rank' });
  expect([...h.scheduler.jobs.values()].map((j) => j.nextRunAt)).toEqual([Math.max(first!.score, h.clock.now())]);
};
afterEach(async () => h.dispose());

describe('the events page (creator-desk/events)', () => {
  it('is seeded on install as a commented example, mods only, and validates', async () => {
    h = await eventsHarness();
    const wp = h.reddit.wiki.get(EVENTS_PAGE)!;
    expect(wp.revisions[0]!.content).toContain('# events:');
    expect(wp.permLevel).toBe(2);
    expect(h.reddit.conversationsOf('modinbox')).toHaveLength(0);
  });

  it('an invalid edit is rejected with line numbers to the editor, and the old schedule keeps running', async () => {
    h = await eventsHarness();
    h.reddit.addModerator('mod_bob');
    const bad = WEEKLY_PAGE.replace('time_zone: America/New_York', 'time_zone: America/Nowhere').replace('18:00', '18:00\n    colour: red');
    h.reddit.editWikiPage(EVENTS_PAGE, bad, 'mod_bob');
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_bob'), 2);
    const inbox = h.reddit.conversationsOf('modinbox');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.subject).toMatch(/Events page edit rejected \(2 errors\)$/);
    const body = inbox[0]!.messages[0]!.body;
    expect(body).toContain('u/mod_bob');
    expect(body).toMatch(/^ {4}5:16: `America\/Nowhere` is not an IANA time zone/m);
    expect(body).toMatch(/^ {4}7:5: unknown key\(s\): colour/m);
    expect(body).toContain('(revision');
    await runUntil(h, '2026-03-04T00:00:00Z');
    expect(appPosts(h).map((p) => p.title)).toEqual(['Weekly drop — March 3']);
  });

  it('an accepted edit moves the schedule at once (the one due job follows it)', async () => {
    h = await eventsHarness();
    h.reddit.editWikiPage(EVENTS_PAGE, WEEKLY_PAGE.replace('BYDAY=TU', 'BYDAY=MO').replace('2026-03-03', '2026-03-02'), 'mod_alice');
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'));
    expect(await eventsDueAt()).toBe('2026-03-02T21:00:00.000Z');
    await expectOneJobAtEarliestDue();
    expect(h.reddit.wikiContent(CALENDAR_PAGE)).toContain('Mon, Mar 2, 2026 6:00 PM');
  });

  it('an accepted edit whose schedule refresh failed is not marked validated: the retried delivery refreshes it', async () => {
    h = await eventsHarness();
    h.calls.failNth('Wiki.EditWikiPage', 1, 500); // the calendar page write inside the refresh
    h.reddit.editWikiPage(EVENTS_PAGE, WEEKLY_PAGE.replace('BYDAY=TU', 'BYDAY=MO').replace('2026-03-03', '2026-03-02'), 'mod_alice');
    await expect(h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'))).rejects.toThrow(/HTTP 500/);
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'));
    expect(await eventsDueAt()).toBe('2026-03-02T21:00:00.000Z');
    expect(h.reddit.wikiContent(CALENDAR_PAGE)).toContain('Mon, Mar 2, 2026 6:00 PM');
  });

  it('on upgrade, stale jobs of the app are listed and cancelled; the one due job stays', async () => {
    h = await eventsHarness();
    const live = [...h.scheduler.jobs.keys()];
    h.scheduler.jobs.set('old-1', { id: 'old-1', name: 'enforcement-due', runAt: Date.parse('2026-03-05T00:00:00Z'), nextRunAt: Date.parse('2026-03-05T00:00:00Z') });
    h.scheduler.jobs.set('old-cron', { id: 'old-cron', name: 'events-tick', cron: '*/5 * * * *', nextRunAt: Date.parse('2026-03-02T10:05:00Z') });
    await h.trigger('AppUpgrade', h.events.appUpgrade());
    expect([...h.scheduler.jobs.keys()]).toEqual(live);
  });

  it('on upgrade, a recorded job that no longer exists is replaced, so the schedule keeps running', async () => {
    h = await eventsHarness();
    h.scheduler.jobs.clear();
    await h.trigger('AppUpgrade', h.events.appUpgrade());
    expect(await eventsDueAt()).toBe('2026-03-03T21:00:00.000Z');
    await expectOneJobAtEarliestDue();
    await runUntil(h, '2026-03-04T00:00:00Z');
    expect(appPosts(h).map((p) => p.title)).toEqual(['Weekly drop — March 3']);
  });
});

describe('mod menu: Schedule event… and Upcoming events', () => {
  it('schedules a one-off event (once, even when submitted twice), lists it with the page events, and posts it on time', async () => {
    h = await eventsHarness();
    const opened = await h.menuAction('creator-desk: schedule event…', { as: 'mod_alice' });
    const values = { title: 'AMA with u/artist_ann', body: 'Ask away!', start: '2026-03-04 12:00', timeZone: 'Europe/London', announce: '30m', reminders: '', sticky: false };
    const first = await h.submitForm(opened.forms[0]!, values, { as: 'mod_alice' });
    const second = await h.submitForm(opened.forms[0]!, values, { as: 'mod_alice' });
    expect(first.toasts[0]).toMatch(/^creator-desk: scheduled once-2026-03-04-/);
    expect(second.toasts[0]).toMatch(/was already scheduled/);
    const upcoming = await h.menuAction('creator-desk: upcoming events', { as: 'mod_alice' });
    expect(upcoming.forms).toHaveLength(1);
    const listing = JSON.stringify(upcoming.effects);
    expect(listing).toContain('Tue, Mar 3, 2026 6:00 PM (America/New_York) — Weekly drop — March 3 [weekly-drop]');
    expect(listing).toContain('Wed, Mar 4, 2026 12:00 PM (Europe/London) — AMA with u/artist_ann');
    await runUntil(h, '2026-03-05T00:00:00Z');
    const ama = appPosts(h).filter((p) => p.title.startsWith('AMA'));
    expect(ama.map((p) => [p.title, new Date(p.createdUtc * 1000).toISOString()])).toEqual([['AMA with u/artist_ann', '2026-03-04T11:30:00.000Z']]);
  });

  it('refuses a bad one-off event with the reason, and a non-moderator server-side', async () => {
    h = await eventsHarness();
    h.reddit.addModerator('mod_bob');
    const opened = await h.menuAction('creator-desk: schedule event…', { as: 'mod_alice' });
    const openedByBob = await h.menuAction('creator-desk: schedule event…', { as: 'mod_bob' });
    const bad = await h.submitForm(opened.forms[0]!, { title: 'x', start: '2026-03-04 25:00', timeZone: 'Europe/London' }, { as: 'mod_alice' });
    expect(bad.toasts[0]).toBe('creator-desk: not scheduled — `2026-03-04 25:00` must be a local date and time, YYYY-MM-DD HH:mm');
    const past = await h.submitForm(opened.forms[0]!, { title: 'x', start: '2026-03-01 12:00', timeZone: 'Europe/London' }, { as: 'mod_alice' });
    expect(past.toasts[0]).toBe('creator-desk: not scheduled — 2026-03-01 12:00 Europe/London has already passed.');
    // Removed as a moderator after opening the form: the submission is checked again, server-side.
    h.reddit.moderators.delete('mod_bob');
    const sneaky = await h.submitForm(openedByBob.forms[0]!, { title: 'x', start: '2026-03-04 12:00', timeZone: 'UTC' }, { as: 'mod_bob' });
    expect(sneaky.toasts[0]).toMatch(/only moderators/);
    expect(await h.redisGet('cd:events:oneoff')).toBeUndefined();
  });
});
