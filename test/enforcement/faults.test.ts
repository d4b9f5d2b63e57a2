import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escalationsOfUser } from '../../src/platform/records/escalation-record.js';
import { strikesOfUser } from '../../src/platform/records/strike-record.js';
import { casesOfUser } from '../../src/platform/records/takedown-record.js';
import type { Harness } from '../harness/index.js';
import { act, enforcementHarness, LABELS, redisView } from './fixture.js';

/** The Reddit RPCs the enforcement effects use (reads included: a failed read fails the delivery too). */
const REDDIT_RPCS = /^(Moderation|LinksAndComments|ModNote|NewModmail)\.|^Users\.Friend$/;

/**
 * Delivers a menu item + form submission until it reports success, as a moderator would re-submit
 * after an error toast (or the client after a failed request). Returns the number of deliveries.
 */
async function untilDone(h: Harness, label: string, thingId: string, values: Record<string, string | number | boolean | string[]>): Promise<number> {
  for (let attempt = 1; attempt <= 25; attempt++) {
    try {
      const { submitted } = await act(h, label, thingId, values);
      const toast = submitted[0]?.toasts[0] ?? '';
      if (!toast.includes('not finished')) return attempt;
    } catch {
      // A fault outside the effect ledger (e.g. reading the item): deliver again.
    }
  }
  throw new Error(`${label} on ${thingId} never completed`);
}

describe('10 % injected Reddit API faults: no half-done action is left unrecorded', () => {
  let h: Harness;
  beforeEach(() => {
    h = enforcementHarness();
    for (let i = 0; i < 6; i++) h.reddit.addUser({ name: `artist_${i}` });
  });
  afterEach(async () => h.dispose());

  it('remove, escalate, strike and takedown each complete exactly once across retried deliveries', async () => {
    h.calls.failFraction(REDDIT_RPCS, 0.1, { seed: 7 });
    const removed: string[] = [];
    let deliveries = 0;
    for (let i = 0; i < 6; i++) {
      const post = h.reddit.addPost({ authorName: `artist_${i}`, title: `art ${i}` });
      deliveries += await untilDone(h, LABELS.remove, post.id, { reason: [String((i % 3) + 1)], note: `note ${i}` });
      removed.push(post.id);
      const other = h.reddit.addPost({ authorName: `artist_${i}`, title: `other ${i}` });
      deliveries += await untilDone(h, LABELS.escalate, other.id, { team: ['Brand'], reason: `brand issue ${i}` });
      deliveries += await untilDone(h, LABELS.strike, other.id, { kind: ['policy'], reason: `strike ${i}`, step: ['ladder'] });
      const third = h.reddit.addPost({ authorName: `artist_${i}`, title: `copy ${i}` });
      deliveries += await untilDone(h, LABELS.takedown, third.id, {
        reference: `REF-${i}`,
        complainant: 'Owner',
        contact: 'owner@example.com',
        work: 'work',
        signature: '/s/ Owner',
        goodFaith: true,
        accuracy: true,
      });
    }
    const injected = h.calls.log.filter((c) => c.failed).length;
    console.info(`faults: ${injected} injected failures, ${deliveries} deliveries for 24 actions`);
    expect(injected).toBeGreaterThan(0); // the faults really happened
    expect(deliveries).toBeGreaterThan(24); // and forced re-deliveries
    for (let i = 0; i < 6; i++) {
      const user = `artist_${i}`;
      const mine = [...h.reddit.posts.values()].filter((p) => p.authorName === user);
      // Remove: removed once, one distinguished reason comment.
      const removedPost = mine.find((p) => p.title === `art ${i}`)!;
      expect(removedPost.removed).toBe(true);
      const replies = [...h.reddit.comments.values()].filter((c) => c.parentId === removedPost.id);
      expect(replies).toHaveLength(1);
      expect(replies[0]?.distinguished).toBe('moderator');
      // Escalations: one from the removal, one from the escalate action.
      expect(await escalationsOfUser(redisView(h), user)).toHaveLength(2);
      // Strikes: the policy strike (warning) and the copyright strike; one warning message.
      const strikes = await strikesOfUser(redisView(h), user);
      expect(strikes.map((s) => s.kind).sort()).toEqual(['copyright', 'policy']);
      expect(h.reddit.conversationsOf('user').filter((c) => c.participant === user && c.subject.startsWith('Warning'))).toHaveLength(1);
      // Takedown: one case, notified once.
      const cases = await casesOfUser(redisView(h), user);
      expect(cases.map((c) => c.status)).toEqual(['uploader_notified']);
      expect(h.reddit.conversationsOf('user').filter((c) => c.participant === user && c.subject.startsWith('Copyright notice'))).toHaveLength(1);
      // Mod notes: one per action (remove, escalate, strike, takedown).
      expect(h.reddit.modNotes.filter((n) => n.user === user)).toHaveLength(4);
    }
    expect(h.reddit.bans.size).toBe(0);
  });

  it('a fault mid-action leaves the done steps recorded; the next delivery performs only the missing ones', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_0', title: 'x' });
    h.calls.failNth('LinksAndComments.Comment', 1, 500);
    const first = await act(h, LABELS.remove, post.id, { reason: ['1'], note: '' });
    expect(first.submitted[0]?.toasts[0]).toContain('not finished');
    expect(h.reddit.posts.get(post.id)?.removed).toBe(true); // the removal happened and is recorded
    expect([...h.reddit.comments.values()].filter((c) => c.parentId === post.id)).toHaveLength(0);
    const second = await act(h, LABELS.remove, post.id, { reason: ['3'], note: 'changed my mind' });
    expect(second.submitted[0]?.toasts[0]).toContain('removed');
    expect(h.calls.count('Moderation.Remove')).toBe(1);
    const replies = [...h.reddit.comments.values()].filter((c) => c.parentId === post.id);
    expect(replies).toHaveLength(1);
    // The operation keeps the inputs of its first submission.
    expect(replies[0]?.body).toContain('Unoriginal work');
    expect(await escalationsOfUser(redisView(h), 'artist_0')).toMatchObject([{ team: 'Legal' }]);
  });

  it('a failed reminder stays due and is delivered once by the next run', async () => {
    h = (await h.dispose(), enforcementHarness({ start: new Date('2026-06-26T14:00:00Z'), settings: { 'time-zone': 'America/New_York' } }));
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'x' });
    await act(h, LABELS.takedown, post.id, { reference: 'R1', complainant: 'O', contact: 'o@example.com', work: 'w', signature: 's', goodFaith: true, accuracy: true });
    await h.advance(Date.parse('2026-06-30T14:00:00Z') - h.clock.now());
    const opened = await h.menuAction(LABELS.counterNotice, { as: 'mod_alice' });
    const caseId = JSON.stringify(opened.effects).match(/"value":"(td-[^"]+)"/)?.[1];
    await h.submitForm(opened.forms[0]!, { case: [caseId!], signature: 's', name: 'Ann', address: 'a', phone: '1', mistake: true, jurisdiction: true, service: true, forwarded: true }, { as: 'mod_alice' });
    h.calls.failNth('NewModmail.CreateModmailConversation', 1, 500);
    await h.advance(Date.parse('2026-07-15T14:00:00Z') - h.clock.now());
    const open = () => h.reddit.conversationsOf('modinbox').filter((c) => /restore window open/.test(c.subject));
    expect(open()).toHaveLength(0); // the fault hit it
    await h.advance(61_000);
    expect(open()).toHaveLength(1);
    await h.advance(3_600_000);
    expect(open()).toHaveLength(1);
  });
});
