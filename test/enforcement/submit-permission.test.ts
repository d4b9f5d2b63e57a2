import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCase, casesOfUser } from '../../src/platform/records/takedown-record.js';
import type { Harness } from '../harness/index.js';
import { act, enforcementHarness, LABELS, redisView } from './fixture.js';

const NOTICE = {
  reference: 'DMCA-1',
  complainant: 'Pixel Studio LLC',
  contact: 'legal@pixelstudio.example',
  work: 'Neon Fox',
  signature: '/s/ Jane Counsel',
  goodFaith: true,
  accuracy: true,
};

// Forms are opened by a moderator who is then removed from the team: only the server-side check on
// submission stands between the stale form and the effect.
describe('every enforcement form checks the submitter again on submission', () => {
  let h: Harness;
  beforeEach(() => {
    h = enforcementHarness();
    h.reddit.addModerator('mod_bob', ['all']);
  });
  afterEach(async () => h.dispose());

  const cases: [string, keyof typeof LABELS, Record<string, string | boolean | string[]>][] = [
    ['escalate', 'escalate', { team: ['Legal'], reason: 'looks traced' }],
    ['strike', 'strike', { kind: ['policy'], reason: 'traced', step: ['warn'] }],
    ['copyright takedown', 'takedown', NOTICE],
  ];
  it.each(cases)('%s', async (_name, label, values) => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'my art' });
    const opened = await h.menuAction(LABELS[label], { as: 'mod_bob', postId: post.id });
    expect(opened.forms).toHaveLength(1);
    h.reddit.moderators.delete('mod_bob');
    h.calls.reset();
    const r = await h.submitForm(opened.forms[0] ?? '', values, { as: 'mod_bob', thingId: post.id, actionLabel: LABELS[label] });
    expect(r.toasts[0]).toContain('only moderators');
    expect(h.calls.redditWrites()).toEqual([]);
    expect(h.calls.count('redis.ZAdd')).toBe(0);
  });

  it('record counter-notice', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'my art' });
    await act(h, LABELS.takedown, post.id, NOTICE);
    const [c] = await casesOfUser(redisView(h), 'artist_ann');
    const opened = await h.menuAction(LABELS.counterNotice, { as: 'mod_bob' });
    expect(opened.forms).toHaveLength(1);
    h.reddit.moderators.delete('mod_bob');
    h.calls.reset();
    const values = { case: [c?.id ?? ''], signature: '/s/ Ann', name: 'Ann', address: '1 Main St', phone: '+1 555 0100', mistake: true, jurisdiction: true, service: true, forwarded: true };
    const r = await h.submitForm(opened.forms[0] ?? '', values, { as: 'mod_bob' });
    expect(r.toasts[0]).toContain('only moderators');
    expect(h.calls.redditWrites()).toEqual([]);
    expect((await loadCase(redisView(h), c?.id ?? ''))?.status).toBe('uploader_notified');
  });
});
