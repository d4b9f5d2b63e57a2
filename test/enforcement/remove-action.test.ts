import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escalationsOfUser } from '../../src/platform/records/escalation-record.js';
import { readEvents } from '../../src/platform/records/event-store.js';
import type { Harness } from '../harness/index.js';
import { act, enforcementHarness, LABELS, redisView, shownForm } from './fixture.js';

describe('creator-desk: remove (unoriginal / AI / policy)', () => {
  let h: Harness;
  beforeEach(() => {
    h = enforcementHarness();
  });
  afterEach(async () => h.dispose());

  it('a delivery that died after adding the mod note but before recording it does not add a second one', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'my art' });
    // The note is added, then every attempt to record it in the ledger fails: the delivery dies.
    h.calls.dieAfter('ModNote.PostNotes');
    const { opened, submitted } = await act(h, LABELS.remove, post.id, { reason: ['2'], note: '' });
    expect(submitted[0]?.toasts[0]).toContain('not finished');
    h.calls.clearFaults();
    await h.advance(40_000); // the dead delivery's claim is stale: the next one takes it over
    const again = await h.submitForm(opened.forms[0] ?? '', { reason: ['2'], note: '' }, { as: 'mod_alice', thingId: post.id, actionLabel: LABELS.remove });
    expect(again.toasts[0]).toContain('escalated to Trust & Safety');
    expect(h.reddit.modNotes.filter((n) => n.user === 'artist_ann')).toHaveLength(1);
    expect([...h.reddit.comments.values()].filter((c) => c.parentId === post.id)).toHaveLength(1);
  });

  it('a delivery that died after posting the removal reason does not post it twice; the found comment is distinguished', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'my art' });
    h.calls.dieAfter('LinksAndComments.Comment');
    const { opened, submitted } = await act(h, LABELS.remove, post.id, { reason: ['2'], note: '' });
    expect(submitted[0]?.toasts[0]).toContain('not finished');
    h.calls.clearFaults();
    await h.advance(40_000);
    const again = await h.submitForm(opened.forms[0] ?? '', { reason: ['2'], note: '' }, { as: 'mod_alice', thingId: post.id, actionLabel: LABELS.remove });
    expect(again.toasts[0]).toContain('escalated to Trust & Safety');
    const replies = [...h.reddit.comments.values()].filter((c) => c.parentId === post.id);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ distinguished: 'moderator', stickied: true });
  });

  it('offers the configured reasons, each with the team it escalates to', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'my art' });
    const opened = await h.menuAction(LABELS.remove, { as: 'mod_alice', postId: post.id });
    const form = shownForm(opened).json;
    expect(form).toContain('Unoriginal work (copied or traced) (→ Legal)');
    expect(form).toContain('AI-generated art presented as hand-made (→ Trust & Safety)');
  });

  it('removes the post, posts the reason as a stickied distinguished comment, adds a mod note and escalates to the reason’s team', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'my art' });
    const { submitted } = await act(h, LABELS.remove, post.id, { reason: ['2'], note: 'Please disclose AI tools. [click](https://evil.example) u/someone' });
    expect(submitted[0]?.toasts[0]).toContain('escalated to Trust & Safety');
    expect(h.reddit.posts.get(post.id)?.removed).toBe(true);
    const comments = [...h.reddit.comments.values()].filter((c) => c.parentId === post.id);
    expect(comments).toHaveLength(1);
    const comment = comments[0]!;
    expect(comment).toMatchObject({ authorName: 'creator-desk', distinguished: 'moderator', stickied: true });
    expect(comment.body).toContain('Hi u/artist_ann');
    expect(comment.body).toMatch(/AI\\?-generated art presented as hand\\-made/);
    // The moderator's note is text, not markdown: no link, no ping.
    expect(comment.body).not.toContain('](https://evil');
    expect(comment.body).not.toMatch(/(^|\s)u\/someone/);
    const notes = h.reddit.modNotes.filter((n) => n.user === 'artist_ann');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ redditId: post.id });
    expect(notes[0]?.note).toContain('Removed by u/mod_alice: AI-generated art');
    const escalations = await escalationsOfUser(redisView(h), 'artist_ann');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ status: 'escalated', team: 'Trust & Safety', escalatedBy: 'mod_alice', itemId: post.id, source: 'mod-menu:remove' });
    const events = await readEvents(redisView(h), 'escalation', escalations[0]!.id);
    expect(events.map((e) => [e.command, e.actor, e.at])).toEqual([
      ['create', 'mod_alice', new Date(h.clock.now()).toISOString()],
      ['escalate', 'mod_alice', new Date(h.clock.now()).toISOString()],
    ]);
  });

  it('on a comment, replies to the comment (distinguished, not stickied) and escalates unoriginal work to Legal', async () => {
    const post = h.reddit.addPost({ authorName: 'regular_bob', title: 'thread' });
    const c = h.reddit.addComment({ authorName: 'artist_ann', postId: post.id, body: 'look what I made' });
    await act(h, LABELS.remove, c.id, { reason: ['1'], note: '' });
    expect(h.reddit.comments.get(c.id)?.removed).toBe(true);
    const replies = [...h.reddit.comments.values()].filter((x) => x.parentId === c.id);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ distinguished: 'moderator', stickied: false });
    expect(replies[0]?.body).toContain('your comment was removed');
    expect((await escalationsOfUser(redisView(h), 'artist_ann'))[0]?.team).toBe('Legal');
  });

  it('does nothing twice when the form submission is delivered twice', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'my art' });
    const { submitted } = await act(h, LABELS.remove, post.id, { reason: ['3'], note: 'x' }, { times: 2 });
    expect(submitted[1]?.toasts[0]).toContain('already done');
    expect(h.calls.count('Moderation.Remove')).toBe(1);
    expect(h.calls.count('LinksAndComments.Comment')).toBe(1);
    expect(h.calls.count('ModNote.PostNotes')).toBe(1);
    expect([...h.reddit.comments.values()].filter((c) => c.parentId === post.id)).toHaveLength(1);
    expect(await escalationsOfUser(redisView(h), 'artist_ann')).toHaveLength(1);
  });

  it('refuses a non-moderator’s menu call with no effect', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'my art' });
    const r = await h.menuAction(LABELS.remove, { as: 'regular_bob', postId: post.id });
    expect(r.toasts[0]).toContain('only moderators');
    expect(r.forms).toEqual([]);
    expect(h.calls.redditWrites()).toEqual([]);
    expect(h.reddit.posts.get(post.id)?.removed).toBe(false);
  });

  it('checks the submitter again on submit: a moderator removed after opening the form is refused', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'my art' });
    const opened = await h.menuAction(LABELS.remove, { as: 'mod_alice', postId: post.id });
    h.reddit.moderators.delete('mod_alice');
    const r = await h.submitForm(opened.forms[0]!, { reason: ['1'] }, { as: 'mod_alice', thingId: post.id, actionLabel: LABELS.remove });
    expect(r.toasts[0]).toContain('only moderators');
    expect(h.calls.redditWrites()).toEqual([]);
    expect(await escalationsOfUser(redisView(h), 'artist_ann')).toHaveLength(0);
  });
});
