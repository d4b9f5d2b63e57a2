import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../harness/index.js';
import { rulesHarness } from './rules-harness.js';

// No `time_zone:` — the schedule must follow the installation's time zone setting.
const NIGHT_RULE = `---
type: submission
title (includes-word): ["drop"]
time_of_day: '00:00-06:00'
action: filter
action_reason: "Drop announced overnight"
`;

const EXPLAIN = 'creator-desk: which rules match?';

describe('rule schedules default to the installation\'s time zone', () => {
  let h: Harness | undefined;
  afterEach(async () => h?.dispose());

  // Monday 2 March 2026, 10:00 UTC is 02:00 in Los Angeles.
  const start = new Date('2026-03-02T10:00:00Z');

  it('with the time zone set to America/Los_Angeles, a post at 02:00 there is overnight', async () => {
    h = await rulesHarness({ start, settings: { 'time-zone': 'America/Los_Angeles' } }, NIGHT_RULE);
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'new drop tonight' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(h.reddit.posts.get(post.id)?.removed).toBe(true);
  });

  it('without the setting the zone is UTC: 10:00 is not overnight', async () => {
    h = await rulesHarness({ start }, NIGHT_RULE);
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'new drop tonight' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(h.reddit.posts.get(post.id)?.removed).toBe(false);
  });

  it('"which rules match?" reads the schedule in the same zone and says so', async () => {
    h = await rulesHarness({ start, settings: { 'time-zone': 'Asia/Tokyo' } }, NIGHT_RULE);
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'new drop tonight' });
    const r = await h.menuAction(EXPLAIN, { as: 'mod_alice', postId: post.id });
    // 10:00 UTC is 19:00 in Tokyo.
    expect(r.toasts[0]).toContain('it is 19:00 in Asia/Tokyo');
  });
});
