import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEYS } from '../../src/platform/keys.js';
import { strikesOfUser } from '../../src/platform/records/strike-record.js';
import type { Harness } from '../harness/index.js';
import { act, enforcementHarness, LABELS, redisView, shownForm } from './fixture.js';

const DAY = 86_400_000;

describe('creator-desk: strike (warn → temporary ban → permanent ban)', () => {
  let h: Harness;
  beforeEach(() => {
    h = enforcementHarness({ settings: { 'strike-ladder': 'warn, ban 7, permanent', 'strike-expiry-days': 30 } });
  });
  afterEach(async () => h.dispose());

  const strike = async (reason: string, values: Record<string, string | number | string[]> = {}) => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: reason });
    return act(h, LABELS.strike, post.id, { kind: ['policy'], reason, step: ['ladder'], ...values });
  };

  it('shows the user’s current strikes and the next step before confirming', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'x' });
    let form = shownForm(await h.menuAction(LABELS.strike, { as: 'mod_alice', postId: post.id }));
    expect(form.description).toContain('u/artist_ann has 0 active strikes');
    expect(form.description).toContain('applies a warning');
    await strike('traced art');
    form = shownForm(await h.menuAction(LABELS.strike, { as: 'mod_alice', postId: post.id }));
    expect(form.description).toContain('u/artist_ann has 1 active strike (');
    expect(form.description).toContain('policy: traced art');
    expect(form.description).toContain('applies a 7-day ban');
  });

  it('escalates warn → 7-day ban → permanent ban, with the ban message from the template; no ban without a moderator', async () => {
    const first = await strike('traced art');
    expect(first.submitted[0]?.toasts[0]).toContain('warning sent');
    expect(h.reddit.bans.size).toBe(0);
    const warning = h.reddit.conversationsOf('user').find((c) => c.participant === 'artist_ann');
    expect(warning?.messages[0]?.body).toContain('formal warning');
    expect(warning?.messages[0]?.body).toContain('(strike 1)');

    await h.advance(DAY);
    const second = await strike('AI art, undisclosed');
    expect(second.submitted[0]?.toasts[0]).toContain('banned for 7 days');
    const ban = h.reddit.bans.get('artist_ann');
    expect(ban).toMatchObject({ durationDays: 7 });
    expect(ban?.message).toContain('banned for 7 days');
    expect(ban?.message).toContain('(strike 2)');
    expect(ban?.message).toMatch(/AI art, undisclosed/);

    await h.advance(8 * DAY);
    const third = await strike('again');
    expect(third.submitted[0]?.toasts[0]).toContain('banned permanently');
    expect(h.reddit.bans.get('artist_ann')?.durationDays).toBeUndefined();
    expect(h.reddit.modNotes.map((n) => n.label)).toEqual(['ABUSE_WARNING', 'BAN', 'PERMA_BAN']);
    expect(await h.redisGet(KEYS.strikeCount('artist_ann'))).toBe('3');
  });

  it('strikes expire: the count steps down on time (next-due job) and the ladder starts over', async () => {
    await strike('one');
    await h.advance(10 * DAY);
    await strike('two');
    expect(await h.redisGet(KEYS.strikeCount('artist_ann'))).toBe('2');
    // Day 30 after the first strike: it expires; the job re-counts.
    const ran = await h.advance(20 * DAY + 1000);
    expect(ran).toContain('enforcement-due');
    expect(await h.redisGet(KEYS.strikeCount('artist_ann'))).toBe('1');
    await h.advance(10 * DAY);
    expect(await h.redisGet(KEYS.strikeCount('artist_ann'))).toBe('0');
    // Both expired: the next strike is a warning again, not a ban.
    h.reddit.bans.clear();
    const again = await strike('three');
    expect(again.submitted[0]?.toasts[0]).toContain('warning sent');
    expect(h.reddit.bans.size).toBe(0);
    const strikes = await strikesOfUser(redisView(h), 'artist_ann');
    expect(strikes.map((s) => s.enforcement?.action)).toEqual(['warn', 'temp_ban', 'warn']);
  });

  it('a delivery that died after sending the warning but before recording it does not warn twice; an earlier warning does not count', async () => {
    await strike('first');
    await h.advance(60_000);
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'second' });
    h.calls.dieAfter('NewModmail.CreateConversation');
    const values = { kind: ['policy'], reason: 'second', step: ['warn'] };
    const { opened, submitted } = await act(h, LABELS.strike, post.id, values);
    expect(submitted[0]?.toasts[0]).toContain('not finished');
    h.calls.clearFaults();
    await h.advance(40_000);
    const again = await h.submitForm(opened.forms[0] ?? '', values, { as: 'mod_alice', thingId: post.id, actionLabel: LABELS.strike });
    expect(again.toasts[0]).toContain('warning sent');
    expect(h.reddit.conversationsOf('user').filter((c) => c.participant === 'artist_ann')).toHaveLength(2);
  });

  it('refuses a submission with a kind the form does not offer: nothing recorded, nobody messaged', async () => {
    const r = await strike('x', { kind: ['made-up'] });
    expect(r.submitted[0]?.toasts[0]).toContain('unknown strike kind');
    expect(await strikesOfUser(redisView(h), 'artist_ann')).toEqual([]);
    expect(h.reddit.conversationsOf('user')).toHaveLength(0);
  });

  it('a moderator may choose a different step; it is recorded as an override', async () => {
    await strike('severe', { step: ['temp_ban'], days: 30 });
    expect(h.reddit.bans.get('artist_ann')?.durationDays).toBe(30);
    const [s] = await strikesOfUser(redisView(h), 'artist_ann');
    expect(s).toMatchObject({ status: 'confirmed', confirmedBy: 'mod_alice', overridden: true, enforcement: { action: 'temp_ban', durationDays: 30 } });
  });

  it('a duplicate submission strikes and bans once', async () => {
    await strike('one');
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'dup' });
    await act(h, LABELS.strike, post.id, { kind: ['policy'], reason: 'two', step: ['ladder'] }, { times: 2 });
    expect(h.calls.count('Users.Friend')).toBe(1);
    expect(await strikesOfUser(redisView(h), 'artist_ann')).toHaveLength(2);
  });

  it('two strikes for one user confirmed at the same moment: one warning, one 7-day ban, never two warnings', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const user = `artist_${seed}`;
      h.reddit.addUser({ name: user, createdDaysAgo: 400 });
      const posts = [h.reddit.addPost({ authorName: user, title: 'a' }), h.reddit.addPost({ authorName: user, title: 'b' })];
      const forms = await Promise.all(posts.map(async (p) => (await h.menuAction(LABELS.strike, { as: 'mod_alice', postId: p.id })).forms[0] ?? ''));
      const values = { kind: ['policy'], reason: 'traced art', step: ['ladder'] };
      const run = await h.concurrently(
        seed,
        posts.map((p, i) => () => h.submitForm(forms[i] ?? '', values, { as: 'mod_alice', thingId: p.id, actionLabel: LABELS.strike })),
      );
      expect(run.results.every((r) => r.status === 'fulfilled')).toBe(true);
      const strikes = await strikesOfUser(redisView(h), user);
      expect(strikes.map((s) => s.enforcement?.action).sort()).toEqual(['temp_ban', 'warn']);
      expect(h.reddit.bans.get(user)).toMatchObject({ durationDays: 7 });
      expect(await h.redisGet(KEYS.strikeCount(user))).toBe('2');
    }
  });

  it('refuses a non-moderator and a moderator without the access permission', async () => {
    h.reddit.addModerator('mod_posts_only', ['posts']);
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'x' });
    expect((await h.menuAction(LABELS.strike, { as: 'regular_bob', postId: post.id })).toasts[0]).toContain('only moderators');
    expect((await h.menuAction(LABELS.strike, { as: 'mod_posts_only', postId: post.id })).toasts[0]).toContain('access');
    expect(h.calls.redditWrites()).toEqual([]);
    expect(await strikesOfUser(redisView(h), 'artist_ann')).toEqual([]);
  });
});
