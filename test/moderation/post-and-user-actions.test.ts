import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../harness/index.js';
import { rulesHarness } from './rules-harness.js';

const RULES = `---
type: submission
title (includes-word): ["announcement"]
set_sticky: true
set_nsfw: true
set_spoiler: true
comment: "Pinned by the moderators."
comment_locked: true
author:
    set_flair: ["Verified Creator", "verified"]
---
type: comment
body (includes-word): ["verified"]
action: approve
---
type: comment
body (includes-word): ["lockthis"]
parent_submission:
    set_locked: true
---
type: comment
is_edited: true
body (includes-word): ["spam"]
action: remove
---
type: comment
reports: 2
action: remove
action_reason: "2 reports"
`;

describe('post, user and comment actions', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await rulesHarness({}, RULES);
  });
  afterEach(async () => h.dispose());

  it('sticky, nsfw, spoiler, a locked reply and user flair', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'Drop announcement' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(h.reddit.posts.get(post.id)).toMatchObject({ stickied: true, nsfw: true, spoiler: true });
    const reply = [...h.reddit.comments.values()].find((c) => c.postId === post.id);
    expect(reply).toMatchObject({ body: 'Pinned by the moderators.', locked: true, distinguished: 'moderator', stickied: false });
    expect(h.reddit.userFlair.get('artist_ann')).toMatchObject({ text: 'Verified Creator', cssClass: 'verified' });
  });

  it('approves a comment that no moderator removed', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'x' });
    const c = h.reddit.addComment({ authorName: 'artist_ann', postId: post.id, body: 'verified seller' });
    await h.trigger('CommentSubmit', h.events.commentSubmit(c));
    expect(h.reddit.comments.get(c.id)).toMatchObject({ approved: true, approvedBy: 'creator-desk' });
  });

  it('parent_submission actions act on the post of a comment', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'x' });
    const c = h.reddit.addComment({ authorName: 'artist_ann', postId: post.id, body: 'please lockthis' });
    await h.trigger('CommentSubmit', h.events.commentSubmit(c));
    expect(h.reddit.posts.get(post.id)?.locked).toBe(true);
  });

  it('CommentUpdate runs edited-content rules once per edit', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'x' });
    const c = h.reddit.addComment({ authorName: 'artist_ann', postId: post.id, body: 'nice' });
    await h.trigger('CommentSubmit', h.events.commentSubmit(c));
    h.clock.advance(5_000);
    c.body = 'buy my spam';
    c.editedUtc = h.reddit.nowSeconds();
    await h.trigger('CommentUpdate', h.events.commentUpdate(c, 'nice'), 2);
    expect(h.reddit.comments.get(c.id)?.removed).toBe(true);
    expect(h.calls.count('Moderation.Remove')).toBe(1);
  });

  it('CommentReport (no author in the payload) acts when reports reach the threshold', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'x' });
    const c = h.reddit.addComment({ authorName: 'artist_ann', postId: post.id, body: 'hm', reports: [{ reason: 'rude' }] });
    await h.trigger('CommentReport', h.events.commentReport(c, 'rude'));
    expect(h.reddit.comments.get(c.id)?.removed).toBe(false);
    c.reports.push({ reason: 'rude' });
    await h.trigger('CommentReport', h.events.commentReport(c, 'rude'), 2);
    expect(h.reddit.comments.get(c.id)?.removed).toBe(true);
    expect(h.calls.count('Moderation.Remove')).toBe(1);
  });
});
