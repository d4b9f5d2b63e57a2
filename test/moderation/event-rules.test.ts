import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../harness/index.js';
import { eventsHarness } from '../events/fixture.js';
import { installRules } from './rules-fixture.js';
import { RULES_KEYS, RULES_PAGE } from '../../src/platform/rules/rules-page.js';

// Drop Announcement posts are only allowed from 1 h before a weekly drop until it ends (Tuesday 18:00–19:00 New York).
const RULES = '---\ntype: submission\ntitle (includes-word): ["drop"]\nevent: {id: weekly-drop, before: 1h, active: false}\naction: remove\naction_reason: "Drop posts only around a drop"\n';

describe('content rules that know the calendar (event: checks with the events page in force)', () => {
  let h: Harness;
  afterEach(async () => h.dispose());

  it('removes a drop post outside the window, leaves one inside it, across the DST change', async () => {
    h = await eventsHarness();
    h.reddit.addUser({ name: 'artist_ann' });
    await installRules(h, RULES);
    const submitAt = async (iso: string) => {
      h.clock.set(Date.parse(iso));
      const post = h.reddit.addPost({ authorName: 'artist_ann', title: `my drop ${iso}` });
      await h.trigger('PostSubmit', h.events.postSubmit(post));
      return h.reddit.posts.get(post.id)?.removed;
    };
    expect(await submitAt('2026-03-03T12:00:00Z')).toBe(true); // 07:00 EST Tuesday
    expect(await submitAt('2026-03-03T22:30:00Z')).toBe(false); // 17:30 EST, within the hour before
    expect(await submitAt('2026-03-10T21:30:00Z')).toBe(false); // 17:30 EDT, after the switch
    expect(await submitAt('2026-03-10T22:30:00Z')).toBe(false); // 18:30 EDT, the drop is live (1 h by default)
    expect(await submitAt('2026-03-10T23:30:00Z')).toBe(true); // 19:30 EDT, over
  });

  it('rejects a rules page whose event: check names no event in force, at the check\'s line; the rules in force stay', async () => {
    h = await eventsHarness();
    await installRules(h, RULES);
    const active = await h.redisGet(RULES_KEYS.active);
    expect(active).toBeDefined();
    h.reddit.editWikiPage(RULES_PAGE, RULES.replace('weekly-drop', 'weekly-dorp'), 'mod_alice');
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'));
    const body = h.reddit.conversationsOf('modinbox').at(-1)?.messages[0]?.body ?? '';
    expect(body).toMatch(/^ {4}4:\d+: event: no event 'weekly-dorp' is in force \(known: weekly-drop\)/m);
    expect(await h.redisGet(RULES_KEYS.active)).toEqual(active);
  });
});
