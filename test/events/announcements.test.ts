import { afterEach, describe, expect, it } from 'vitest';
import { CALENDAR_PAGE, EVENTS_PAGE } from '../../src/events/events-keys.js';
import type { Harness } from '../harness/index.js';
import { appComments, appPosts, eventsHarness, isoOf, runUntil, WEEKLY_PAGE } from './fixture.js';

let h: Harness;
afterEach(async () => h.dispose());

/** What four weekly drops (one before the 8 March DST change, three after) must look like. */
function expectFourWeeks(): void {
  const posts = appPosts(h);
  expect(posts.map((p) => [p.title, isoOf(p.createdUtc)])).toEqual([
    ['Weekly drop — March 3', '2026-03-03T21:00:00.000Z'], // 16:00 EST
    ['Weekly drop — March 10', '2026-03-10T20:00:00.000Z'], // 16:00 EDT
    ['Weekly drop — March 17', '2026-03-17T20:00:00.000Z'],
    ['Weekly drop — March 24', '2026-03-24T20:00:00.000Z'],
  ]);
  expect(posts[0]!.body).toBe('Drops open at 6:00 PM EST.');
  expect(posts[1]!.body).toBe('Drops open at 6:00 PM EDT.');
  for (const [i, p] of posts.entries()) {
    const comments = appComments(h, p.id).map((c) => [c.body, isoOf(c.createdUtc)]);
    const reminder = [`Reminder: **${p.title}** starts in 1 hour, at 6:00 PM ${i === 0 ? 'EST' : 'EDT'}.`, isoOf(p.createdUtc + 3600)];
    // Every post but the newest was rotated: end note when the next was announced a week later.
    expect(comments).toEqual(i < posts.length - 1 ? [reminder, ['This drop has ended.', isoOf(posts[i + 1]!.createdUtc)]] : [reminder]);
    expect(p.flair?.text).toBe(`Drop ${p.title.replace('Weekly drop — ', '').replace('March', 'Mar')}`);
    expect(p.distinguished).toBe('moderator');
    expect([p.stickied, p.locked]).toEqual(i < posts.length - 1 ? [false, true] : [true, false]);
  }
}

describe('scheduled event announcements over four weeks across a DST change (virtual clock)', () => {
  it('posts at 16:00 local before and after the switch, reminds, rotates; never more than one live job', async () => {
    h = await eventsHarness();
    const maxLive = await runUntil(h, '2026-03-25T00:00:00Z');
    expectFourWeeks();
    expect(maxLive).toBe(1);
    expect(h.scheduler.jobs.size).toBe(1);
  });

  it('every job delivered twice: still one post, one reminder and one rotation per occurrence', async () => {
    h = await eventsHarness();
    await runUntil(h, '2026-03-25T00:00:00Z', 2);
    expectFourWeeks();
  });

  it('rewrites creator-desk/calendar with the next 10 occurrences after each change', async () => {
    h = await eventsHarness();
    const calendar = () => h.reddit.wikiContent(CALENDAR_PAGE) ?? '';
    expect(calendar().match(/^\| .* \| weekly\\-drop \|$/gm)).toHaveLength(10);
    expect(calendar()).toContain('| Tue, Mar 3, 2026 6:00 PM (America/New\\_York) | 2026-03-03 23:00 UTC | Weekly drop — March 3 |');
    await runUntil(h, '2026-03-04T00:00:00Z');
    expect(calendar()).not.toContain('March 3 |');
    expect(calendar()).toContain('Weekly drop — May 12');
    h.reddit.editWikiPage(EVENTS_PAGE, WEEKLY_PAGE.replace('18:00', '19:30'), 'mod_alice');
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'));
    expect(calendar()).toContain('| Tue, Mar 10, 2026 7:30 PM (America/New\\_York) | 2026-03-10 23:30 UTC |');
  });
});
