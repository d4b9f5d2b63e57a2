import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escalationsOfUser } from '../../src/platform/records/escalation-record.js';
import { KEYS } from '../../src/platform/keys.js';
import type { Harness } from '../harness/index.js';
import { act, enforcementHarness, LABELS, redisView, shownForm } from './fixture.js';

describe('creator-desk: escalate', () => {
  let h: Harness;
  beforeEach(() => {
    h = enforcementHarness({ settings: { 'enforcement-teams': 'Legal, Trust & Safety, Brand, Engineering, Payments' } });
  });
  afterEach(async () => h.dispose());

  it('offers the configured teams and records the escalation with actor and time, readable by the queues', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'shop listing broken' });
    const { opened, submitted } = await act(h, LABELS.escalate, post.id, { team: ['Payments'], reason: 'Stripe payout missing for 3 weeks' });
    expect(shownForm(opened).json).toContain('Payments');
    expect(submitted[0]?.toasts[0]).toContain('escalated to Payments');
    const [e] = await escalationsOfUser(redisView(h), 'artist_ann');
    expect(e).toMatchObject({
      status: 'escalated',
      team: 'Payments',
      escalatedBy: 'mod_alice',
      escalatedAt: new Date(h.clock.now()).toISOString(),
      escalationReason: 'Stripe payout missing for 3 weeks',
      itemId: post.id,
    });
    // The queues' index: every escalation id by time, and per item.
    const index = await redisView(h).zRange(KEYS.escalationIndex, 0, -1, { by: 'rank' });
    expect(index.map((m) => m.member)).toEqual([e!.id]);
    const byItem = await redisView(h).zRange(KEYS.escalationsOfItem(post.id), 0, -1, { by: 'rank' });
    expect(byItem.map((m) => m.member)).toEqual([e!.id]);
    // On Reddit's side: a mod note on the author.
    expect(h.reddit.modNotes.map((n) => n.note)).toEqual(['Escalated to Payments by u/mod_alice: Stripe payout missing for 3 weeks']);
  });

  it('refuses a team that is not configured and records nothing', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'x' });
    const { submitted } = await act(h, LABELS.escalate, post.id, { team: ['Marketing'], reason: 'x' });
    expect(submitted[0]?.toasts[0]).toContain('choose a team');
    expect(await escalationsOfUser(redisView(h), 'artist_ann')).toEqual([]);
    expect(h.calls.redditWrites()).toEqual([]);
  });

  it('records one escalation when the submission arrives twice', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'x' });
    await act(h, LABELS.escalate, post.id, { team: ['Legal'], reason: 'trademark' }, { times: 2 });
    expect(await escalationsOfUser(redisView(h), 'artist_ann')).toHaveLength(1);
    expect(h.reddit.modNotes).toHaveLength(1);
  });

  it('refuses a non-moderator', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'x' });
    const r = await h.menuAction(LABELS.escalate, { as: 'regular_bob', postId: post.id });
    expect(r.toasts[0]).toContain('only moderators');
    expect(r.forms).toEqual([]);
    expect(h.calls.count('redis.ZAdd')).toBe(0);
  });
});
