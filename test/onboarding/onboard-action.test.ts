import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRosterEntry } from '../../src/platform/records/roster-record.js';
import { redisView, type Harness } from '../harness/index.js';
import { conversationsWith, LABELS, onboardingHarness } from './fixture.js';

describe('onboarding one artist from the mod menu', () => {
  let h: Harness;
  beforeEach(() => {
    h = onboardingHarness();
  });
  afterEach(async () => h.dispose());

  const submitOnboard = async (values: Record<string, string>, as = 'mod_alice') => {
    const opened = await h.menuAction(LABELS.onboard, { as });
    const formId = opened.forms[0];
    if (!formId) return opened.toasts;
    return (await h.submitForm(formId, values, { as })).toasts;
  };

  it('sets flair, approves, welcomes as the subreddit, adds a mod note and records the roster entry; the toast says so', async () => {
    const toasts = await submitOnboard({ username: 'u/Artist_Ann', shop: 'Moon Studio' });
    expect(toasts).toEqual([
      'creator-desk: u/artist_ann is an artist — done: flair "Artist · Moon Studio", approved user, welcome message (modmail, as the subreddit), mod note, roster entry.',
    ]);
    expect(h.reddit.userFlair.get('artist_ann')).toMatchObject({ text: 'Artist · Moon Studio' });
    expect(h.reddit.approvedUsers.has('artist_ann')).toBe(true);
    const welcome = conversationsWith(h, 'artist_ann');
    expect(welcome).toHaveLength(1);
    expect(welcome[0]).toMatchObject({ subject: 'Welcome to the creator program', authorHidden: true });
    expect(welcome[0]?.messages[0]?.body).toContain('Hi u/artist_ann');
    expect(h.reddit.modNotes.filter((n) => n.user === 'artist_ann').map((n) => n.note)).toEqual(['Onboarded as an artist by u/mod_alice (shop: Moon Studio)']);
    expect(await readRosterEntry(redisView(h), 'artist_ann')).toMatchObject({ username: 'artist_ann', by: 'mod_alice', source: 'menu', shopName: 'Moon Studio', since: new Date(h.clock.now()).toISOString() });
  });

  it('an artist already onboarded: nothing is repeated, and the toast says since when and by whom', async () => {
    await submitOnboard({ username: 'artist_ann' });
    h.calls.reset();
    const toasts = await submitOnboard({ username: 'artist_ann', shop: 'Other' });
    expect(toasts[0]).toMatch(/^creator-desk: u\/artist_ann is already an artist \(since 2026-03-02, by u\/mod_alice via the menu\); nothing was repeated\.$/);
    expect(h.calls.redditWrites()).toEqual([]);
    expect(conversationsWith(h, 'artist_ann')).toHaveLength(1);
    expect(h.reddit.userFlair.get('artist_ann')?.text).toBe('Artist');
  });

  it('an already approved user: approval is skipped and the toast says why', async () => {
    h.reddit.approvedUsers.set('artist_ann', 1);
    const toasts = await submitOnboard({ username: 'artist_ann' });
    expect(toasts[0]).toContain('skipped: approval (already an approved user)');
    expect(h.calls.count('Users.Friend')).toBe(0);
  });

  it('the one-click post menu onboards the author; a comment works too', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'my first drop' });
    const r = await h.menuAction(LABELS.onboardAuthor, { as: 'mod_alice', postId: post.id });
    expect(r.toasts[0]).toContain('u/artist_ann is an artist — done:');
    expect(h.reddit.modNotes.find((n) => n.user === 'artist_ann')?.redditId).toBe(post.id);
    const comment = h.reddit.addComment({ authorName: 'regular_bob', postId: post.id });
    expect((await h.menuAction(LABELS.onboardAuthor, { as: 'mod_alice', commentId: comment.id })).toasts[0]).toContain('u/regular_bob is an artist');
  });

  it('refuses a bad name, an unknown, suspended or deleted account, and a bad shop name, doing nothing', async () => {
    h.reddit.addUser({ name: 'gone_user', deleted: true });
    h.reddit.addUser({ name: 'susp_user', suspended: true });
    expect(await submitOnboard({ username: 'no spaces allowed' })).toEqual(['creator-desk: "no spaces allowed" is not a Reddit username (3–20 letters, digits, _ or -); nothing was done.']);
    for (const name of ['nobody_here', 'gone_user', 'susp_user']) {
      expect(await submitOnboard({ username: name })).toEqual([`creator-desk: u/${name} does not exist, or is suspended or deleted; nothing was done.`]);
    }
    expect(await submitOnboard({ username: 'artist_ann', shop: 'a,b' })).toEqual(['creator-desk: a shop name cannot contain a comma; nothing was done.']);
    expect(h.calls.redditWrites()).toEqual([]);
  });

  it('moderators only, checked on press and again on submit', async () => {
    expect((await h.menuAction(LABELS.onboard, { as: 'regular_bob' })).toasts[0]).toContain('only moderators');
    const opened = await h.menuAction(LABELS.onboard, { as: 'mod_alice' });
    h.reddit.moderators.delete('mod_alice');
    const r = await h.submitForm(opened.forms[0] ?? '', { username: 'artist_ann' }, { as: 'mod_alice' });
    expect(r.toasts[0]).toContain('only moderators');
    expect(h.calls.redditWrites()).toEqual([]);
    const post = h.reddit.addPost({ authorName: 'artist_ann' });
    expect((await h.menuAction(LABELS.onboardAuthor, { as: 'regular_bob', postId: post.id })).toasts[0]).toContain('only moderators');
    expect(h.calls.redditWrites()).toEqual([]);
  });

  it('a submission delivered twice, and twice at once, welcomes once', async () => {
    const opened = await h.menuAction(LABELS.onboard, { as: 'mod_alice' });
    const formId = opened.forms[0] ?? '';
    const { results } = await h.concurrently(7, [1, 2].map(() => () => h.submitForm(formId, { username: 'artist_ann' }, { as: 'mod_alice' })));
    await h.submitForm(formId, { username: 'artist_ann' }, { as: 'mod_alice' });
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(conversationsWith(h, 'artist_ann')).toHaveLength(1);
    expect(h.reddit.modNotes.filter((n) => n.user === 'artist_ann')).toHaveLength(1);
  });

  it('offboarding reverses flair and approval, marks the entry; the rules no longer see an artist; onboarding again works', async () => {
    await submitOnboard({ username: 'artist_ann' });
    const opened = await h.menuAction(LABELS.offboard, { as: 'mod_alice' });
    const r = await h.submitForm(opened.forms[0] ?? '', { username: 'artist_ann' }, { as: 'mod_alice' });
    expect(r.toasts[0]).toBe('creator-desk: u/artist_ann is no longer an artist — done: flair removed, approval removed, mod note, roster entry.');
    expect(h.reddit.userFlair.has('artist_ann')).toBe(false);
    expect(h.reddit.approvedUsers.has('artist_ann')).toBe(false);
    expect(await readRosterEntry(redisView(h), 'artist_ann')).toMatchObject({ offboardedBy: 'mod_alice', generation: 0 });
    const again = await submitOnboard({ username: 'artist_ann' });
    expect(again[0]).toContain('is an artist — done:');
    expect(conversationsWith(h, 'artist_ann')).toHaveLength(2);
    expect(await readRosterEntry(redisView(h), 'artist_ann')).toMatchObject({ generation: 1 });
    expect((await readRosterEntry(redisView(h), 'artist_ann'))?.offboardedAt).toBeUndefined();
  });

  it('offboarding keeps flair and approval when the settings say so', async () => {
    await h.dispose();
    h = onboardingHarness({ settings: { 'offboard-removes-flair': false, 'offboard-removes-approval': false } });
    await submitOnboard({ username: 'artist_ann' });
    const post = h.reddit.addPost({ authorName: 'artist_ann' });
    const r = await h.menuAction(LABELS.offboardAuthor, { as: 'mod_alice', postId: post.id });
    expect(r.toasts[0]).toBe('creator-desk: u/artist_ann is no longer an artist — done: mod note, roster entry; skipped: flair (kept by the settings), approval (kept by the settings).');
    expect(h.reddit.approvedUsers.has('artist_ann')).toBe(true);
  });
});
