import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../harness/index.js';
import { rulesHarness } from './rules-harness.js';

const LABEL = 'creator-desk: which rules match?';

describe('creator-desk: which rules match?', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await rulesHarness();
  });
  afterEach(async () => h.dispose());

  it('names the rules that would fire on a post, without acting', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway' });
    const r = await h.menuAction(LABEL, { as: 'mod_alice', postId: post.id });
    expect(r.toasts[0]).toMatch(/Would fire: line \d+/);
    expect(h.calls.redditWrites()).toEqual([]);
    expect(h.reddit.posts.get(post.id)?.removed).toBe(false);
  });

  it('for a comment that matches nothing, shows the closest miss with line:col of the failed check', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'x' });
    const c = h.reddit.addComment({ authorName: 'artist_ann', postId: post.id, body: 'lovely work' });
    const r = await h.menuAction(LABEL, { as: 'mod_alice', commentId: c.id });
    expect(r.toasts[0]).toMatch(/No rule would fire\. Closest miss line \d+.*: \d+:\d+ /);
  });

  it('says a removal rule is vetoed on a post a moderator approved, and by whom', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway', approved: true, approvedBy: 'mod_alice' });
    h.reddit.log('approvelink', 'mod_alice', { targetId: post.id, targetAuthor: 'artist_ann' });
    const r = await h.menuAction(LABEL, { as: 'mod_alice', postId: post.id });
    expect(r.toasts[0]).toMatch(/Would fire: line 22 \(giveaways[^)]*\) — vetoed: approved by u\/mod_alice, so none of its actions apply\./);
    expect(h.calls.redditWrites()).toEqual([]);
  });

  it('is refused for a non-moderator', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway' });
    const r = await h.menuAction(LABEL, { as: 'artist_ann', postId: post.id });
    expect(r.toasts[0]).toContain('only moderators');
  });
});
