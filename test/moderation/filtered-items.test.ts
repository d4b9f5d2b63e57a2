import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPROVE_FILTERED_LABEL } from '../../src/moderation/filtered-items.js';
import type { Harness } from '../harness/index.js';
import { rulesHarness } from './rules-harness.js';

const filteredNotices = (h: Harness) => h.reddit.conversationsOf('modinbox').filter((c) => c.subject.startsWith('Filtered for review'));

describe('filter is never a silent removal', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await rulesHarness();
  });
  afterEach(async () => h.dispose());

  it('a filtered post is removed and listed in the mod inbox once, with the rule and how to approve it, even when delivered twice', async () => {
    const post = h.reddit.addPost({ authorName: 'newbie', title: 'my *first* drop' });
    await h.trigger('PostSubmit', h.events.postSubmit(post), 2);
    expect(h.reddit.posts.get(post.id)?.removed).toBe(true);
    const notices = filteredNotices(h);
    expect(notices.map((c) => c.subject)).toEqual([`Filtered for review: post by u/newbie (${post.id})`]);
    const body = notices[0]?.messages[0]?.body ?? '';
    // The rule's name is wiki text: escaped, so it can carry no markup.
    expect(body).toContain('rule line 3 \\(new accounts\\: filter and tell the mods\\): New account');
    expect(body).toMatch(new RegExp(`^https://www\\.reddit\\.com/r/CollectibleCreators/comments/${post.id.slice(3)}/`, 'm'));
    expect(body).toContain(`choose **${APPROVE_FILTERED_LABEL}** in the mod menu`);
    // The title is the author's text: inert in the notice.
    expect(body).toContain('my \\*first\\* drop');
  });

  it('a removal that fails is retried by the next delivery and the item is listed exactly once', async () => {
    const post = h.reddit.addPost({ authorName: 'newbie', title: 'hello' });
    h.calls.failNth('NewModmail.CreateModmailConversation', 1, 500);
    await expect(h.trigger('PostSubmit', h.events.postSubmit(post))).rejects.toThrow();
    h.calls.clearFaults();
    await h.trigger('PostSubmit', h.events.postSubmit(post), 2);
    expect(h.reddit.posts.get(post.id)?.removed).toBe(true);
    expect(filteredNotices(h)).toHaveLength(1);
  });

  it('"approve filtered item" approves it, records who, notes it in the inbox conversation and archives it — once', async () => {
    const post = h.reddit.addPost({ authorName: 'newbie', title: 'hello' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    const r = await h.menuAction(APPROVE_FILTERED_LABEL, { as: 'mod_alice', postId: post.id });
    expect(r.toasts[0]).toContain('approved; the filter by line 3');
    expect(h.reddit.posts.get(post.id)).toMatchObject({ removed: false, approved: true });
    const [notice] = filteredNotices(h);
    expect(notice?.state).toBe(2);
    expect(notice?.messages.slice(1).map((m) => [m.body, m.isInternal])).toEqual([[`Approved by u/mod\\_alice with ${APPROVE_FILTERED_LABEL}.`, true]]);
    const again = await h.menuAction(APPROVE_FILTERED_LABEL, { as: 'mod_alice', postId: post.id });
    expect(again.toasts[0]).toBe('creator-desk: already approved by u/mod_alice.');
    expect(h.calls.count('Moderation.Approve')).toBe(1);
    expect(filteredNotices(h)[0]?.messages).toHaveLength(2);
    // A later delivery of the same event does not filter it again: the moderator decided.
    await h.trigger('PostUpdate', h.events.postUpdate(post));
    expect(h.reddit.posts.get(post.id)?.removed).toBe(false);
  });

  it('is refused for a non-moderator and for an item creator-desk did not filter', async () => {
    const filtered = h.reddit.addPost({ authorName: 'newbie', title: 'hello' });
    await h.trigger('PostSubmit', h.events.postSubmit(filtered));
    const byUser = await h.menuAction(APPROVE_FILTERED_LABEL, { as: 'artist_ann', postId: filtered.id });
    expect(byUser.toasts[0]).toContain('only moderators');
    const other = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway' });
    await h.trigger('PostSubmit', h.events.postSubmit(other)); // removed, not filtered
    const notFiltered = await h.menuAction(APPROVE_FILTERED_LABEL, { as: 'mod_alice', postId: other.id });
    expect(notFiltered.toasts[0]).toBe('creator-desk: creator-desk did not filter this item; nothing was done.');
    expect(h.reddit.posts.get(other.id)?.removed).toBe(true);
    expect(h.calls.count('Moderation.Approve')).toBe(0);
  });
});
