import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { terminationReviewId, terminationReviewMachine } from '@creator-desk/core';
import { loadEntity } from '../../src/platform/records/event-store.js';
import { KEYS } from '../../src/platform/keys.js';
import { strikesOfUser } from '../../src/platform/records/strike-record.js';
import { casesOfUser, loadCase } from '../../src/platform/records/takedown-record.js';
import type { Harness } from '../harness/index.js';
import { act, enforcementHarness, LABELS, redisView } from './fixture.js';

const NOTICE = {
  reference: 'DMCA-2026-0042',
  complainant: 'Pixel Studio LLC',
  contact: 'legal@pixelstudio.example',
  work: 'The "Neon Fox" avatar series',
  signature: '/s/ Jane Counsel',
  goodFaith: true,
  accuracy: true,
};

const COUNTER = {
  signature: '/s/ Ann Artist',
  name: 'Ann Artist',
  address: '1 Main St, Springfield',
  phone: '+1 555 0100',
  mistake: true,
  jurisdiction: true,
  service: true,
  forwarded: true,
};

/** Moves the virtual clock to `iso` and delivers the jobs that became due. */
const advanceTo = (h: Harness, iso: string) => h.advance(Date.parse(iso) - h.clock.now());
const inbox = (h: Harness, subject: RegExp) => h.reddit.conversationsOf('modinbox').filter((c) => subject.test(c.subject));

describe('copyright takedown → counter-notice → restore (17 U.S.C. §512)', () => {
  let h: Harness;
  // Friday 26 June 2026, 10:00 in New York.
  beforeEach(() => {
    h = enforcementHarness({ start: new Date('2026-06-26T14:00:00Z'), settings: { 'time-zone': 'America/New_York' } });
  });
  afterEach(async () => h.dispose());

  async function takedown(): Promise<{ postId: string; caseId: string }> {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'Neon fox v2' });
    const { submitted } = await act(h, LABELS.takedown, post.id, NOTICE);
    expect(submitted[0]?.toasts[0]).toContain('taken down');
    const caseId = await h.redisGet(KEYS.takedownOfItem(post.id));
    return { postId: post.id, caseId: caseId! };
  }

  async function counterNotice(values: Record<string, string | boolean | string[]> = {}) {
    const opened = await h.menuAction(LABELS.counterNotice, { as: 'mod_alice' });
    const caseId = JSON.stringify(opened.effects).match(/"value":"(td-[^"]+)"/)?.[1];
    return h.submitForm(opened.forms[0]!, { case: [caseId!], ...COUNTER, ...values }, { as: 'mod_alice' });
  }

  it('a delivery that died after notifying the uploader but before recording it does not notify twice', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'Neon Fox remix' });
    // The notice is sent, then every attempt to record it in the ledger fails: the delivery dies.
    h.calls.dieAfter('NewModmail.CreateConversation');
    const { opened, submitted } = await act(h, LABELS.takedown, post.id, NOTICE);
    expect(submitted[0]?.toasts[0]).toContain('not finished');
    h.calls.clearFaults();
    await h.advance(40_000); // the dead delivery's claim is stale: the next one takes it over
    const again = await h.submitForm(opened.forms[0] ?? '', NOTICE, { as: 'mod_alice', thingId: post.id, actionLabel: LABELS.takedown });
    expect(again.toasts[0]).toContain('taken down');
    expect(h.reddit.conversationsOf('user').filter((c) => c.participant === 'artist_ann')).toHaveLength(1);
    expect((await casesOfUser(redisView(h), 'artist_ann'))[0]?.status).toBe('uploader_notified');
  });

  it('takes the item down, notifies the uploader by modmail with the notice reference, opens the case and records a copyright strike (no ban)', async () => {
    const { postId, caseId } = await takedown();
    expect(h.reddit.posts.get(postId)?.removed).toBe(true);
    const toUploader = h.reddit.conversationsOf('user').filter((c) => c.participant === 'artist_ann');
    expect(toUploader).toHaveLength(1);
    expect(toUploader[0]?.subject).toBe('Copyright notice DMCA-2026-0042');
    expect(toUploader[0]?.messages[0]?.body).toContain('DMCA\\-2026\\-0042');
    expect(toUploader[0]?.messages[0]?.body).toContain('counter-notice');
    const state = await loadCase(redisView(h), caseId);
    expect(state).toMatchObject({ status: 'uploader_notified', uploader: 'artist_ann', itemId: postId, notice: { reference: 'DMCA-2026-0042' } });
    const strikes = await strikesOfUser(redisView(h), 'artist_ann');
    expect(strikes).toHaveLength(1);
    expect(strikes[0]).toMatchObject({ kind: 'copyright', status: 'confirmed', source: caseId, enforcement: { action: 'none' } });
    expect(h.reddit.bans.size).toBe(0);
    expect(h.reddit.modNotes[0]?.note).toContain('Copyright takedown DMCA-2026-0042');
  });

  it('the third copyright strike opens a termination review (§512(i)) and tells the mod inbox once — no ban', async () => {
    await takedown();
    await takedown();
    expect(inbox(h, /Repeat infringer/)).toHaveLength(0);
    await takedown();
    const notices = inbox(h, /Repeat infringer: u\/artist_ann \(3 copyright strikes\)/);
    expect(notices).toHaveLength(1);
    const strikeIds = (await strikesOfUser(redisView(h), 'artist_ann')).map((s) => s.id);
    const review = await loadEntity(redisView(h), terminationReviewMachine, terminationReviewId('artist_ann', strikeIds));
    expect(review).toMatchObject({ status: 'open', user: 'artist_ann', threshold: 3 });
    expect(h.reddit.bans.size).toBe(0);
  });

  it('refuses a notice missing statutory elements, naming them, and does nothing', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'x' });
    const { submitted } = await act(h, LABELS.takedown, post.id, { ...NOTICE, goodFaith: false });
    expect(submitted[0]?.toasts[0]).toContain('not a valid notice');
    expect(submitted[0]?.toasts[0]).toContain('§512(c)(3)(A)(v)');
    expect(h.calls.redditWrites()).toEqual([]);
    expect(await casesOfUser(redisView(h), 'artist_ann')).toEqual([]);
  });

  it('restores on the right business day: the window skips the observed Independence Day holiday (Fri 3 July 2026)', async () => {
    const { postId, caseId } = await takedown();
    await advanceTo(h, '2026-06-30T14:00:00Z'); // Tue 30 June, 10:00 EDT
    const recorded = await counterNotice();
    expect(recorded.toasts[0]).toContain('restore from Wed, 15 Jul 2026, 10:00');
    expect(recorded.toasts[0]).toContain('to Tue, 21 Jul 2026, 10:00');
    expect(inbox(h, /counter-notice recorded/)).toHaveLength(1);
    expect((await loadCase(redisView(h), caseId))?.status).toBe('restore_window');

    // Tue 14 July (the 10th business day without the holiday): too early, nothing happens.
    await advanceTo(h, '2026-07-14T14:00:00Z');
    expect(inbox(h, /restore window open/)).toHaveLength(0);
    const early = await h.menuAction(LABELS.restore, { as: 'mod_alice', postId });
    expect(early.toasts[0]).toContain('too early');
    expect(h.reddit.posts.get(postId)?.removed).toBe(true);

    // Wed 15 July 10:00 EDT: the one next-due job tells the mod inbox the window is open.
    const ran = await advanceTo(h, '2026-07-15T14:00:00Z');
    expect(ran).toEqual(['enforcement-due']);
    const open = inbox(h, /restore window open/);
    expect(open).toHaveLength(1);
    expect(open[0]?.messages[0]?.body).toContain('Tue, 21 Jul 2026, 10:00');

    const restored = await h.menuAction(LABELS.restore, { as: 'mod_alice', postId });
    expect(restored.toasts[0]).toContain('closed as restored');
    expect(h.reddit.posts.get(postId)).toMatchObject({ removed: false, approved: true });
    expect(await loadCase(redisView(h), caseId)).toMatchObject({ status: 'restored', restoredLate: false });
    expect(h.reddit.conversationsOf('user').filter((c) => c.subject.startsWith('Restored:'))).toHaveLength(1);

    // No overdue reminder; the one job left is for the copyright strike's expiry (180 days), not the case.
    await advanceTo(h, '2026-07-30T14:00:00Z');
    expect(inbox(h, /overdue/)).toHaveLength(0);
    const jobs = [...h.scheduler.jobs.values()].filter((j) => j.name === 'enforcement-due');
    expect(jobs.map((j) => new Date(j.nextRunAt).toISOString())).toEqual(['2026-12-23T14:00:00.000Z']);
  });

  it('a counter-notice dated (date only) the same day as the notice is a day in the subreddit\'s time zone, not midnight UTC', async () => {
    const { caseId } = await takedown(); // Fri 26 June, 10:00 EDT
    await advanceTo(h, '2026-06-26T20:00:00Z'); // 16:00 EDT the same day
    const recorded = await counterNotice({ receivedAt: '2026-06-26' });
    expect(recorded.toasts[0]).toContain('counter-notice recorded');
    const c = await loadCase(redisView(h), caseId);
    // Received that day, after the notice: counted from the notice, 10 business days (3 July observed holiday skipped).
    expect(c).toMatchObject({ status: 'restore_window', counterNoticeReceivedAt: '2026-06-26T14:00:00.000Z', restoreOpensAt: '2026-07-13T14:00:00.000Z' });
  });

  it('a date-only counter-notice is refused only when its day is before the notice\'s day, and an unparsable date is named', async () => {
    await takedown();
    const before = await counterNotice({ receivedAt: '2026-06-25' });
    expect(before.toasts[0]).toContain('a counter-notice received on 2026-06-25 predates the notice (received 2026-06-26 in America/New_York)');
    const bad = await counterNotice({ receivedAt: '26/06/2026' });
    expect(bad.toasts[0]).toContain('"26/06/2026" is not a date (YYYY-MM-DD)');
  });

  it('without the holiday list the same window opens a business day earlier', async () => {
    await h.dispose();
    h = enforcementHarness({ start: new Date('2026-06-26T14:00:00Z'), settings: { 'time-zone': 'America/New_York', 'takedown-us-federal-holidays': false } });
    await takedown();
    await advanceTo(h, '2026-06-30T14:00:00Z');
    const recorded = await counterNotice();
    expect(recorded.toasts[0]).toContain('restore from Tue, 14 Jul 2026, 10:00');
  });

  it('reminds once when the window opens and once when restoring is overdue, even if the job runs twice', async () => {
    await takedown();
    await advanceTo(h, '2026-06-30T14:00:00Z');
    await counterNotice();
    await advanceTo(h, '2026-07-15T14:00:00Z');
    await h.runJob('enforcement-due', undefined, 2); // duplicate deliveries
    expect(inbox(h, /restore window open/)).toHaveLength(1);
    await advanceTo(h, '2026-07-21T14:00:01Z'); // just after the 14th business day
    await h.runJob('enforcement-due', undefined, 2);
    const overdue = inbox(h, /restore overdue/);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.messages[0]?.body).toContain('more than 14 business days');
    // One pending job at most, never one per case.
    expect([...h.scheduler.jobs.values()].filter((j) => j.name === 'enforcement-due').length).toBeLessThanOrEqual(1);
  });

  it('keeps one next-due job for many cases, scheduled for the earliest', async () => {
    const a = await takedown();
    const b = await takedown();
    await advanceTo(h, '2026-06-30T14:00:00Z');
    const opened = await h.menuAction(LABELS.counterNotice, { as: 'mod_alice' });
    await h.submitForm(opened.forms[0]!, { case: [a.caseId], ...COUNTER }, { as: 'mod_alice' });
    await advanceTo(h, '2026-07-01T14:00:00Z');
    const opened2 = await h.menuAction(LABELS.counterNotice, { as: 'mod_alice' });
    await h.submitForm(opened2.forms[0]!, { case: [b.caseId], ...COUNTER }, { as: 'mod_alice' });
    const jobs = [...h.scheduler.jobs.values()].filter((j) => j.name === 'enforcement-due');
    expect(jobs).toHaveLength(1);
    expect(new Date(jobs[0]!.nextRunAt).toISOString()).toBe('2026-07-15T14:00:00.000Z');
  });

  it('restore: refused for a non-moderator, for an item without a case, and before a counter-notice', async () => {
    const { postId } = await takedown();
    expect((await h.menuAction(LABELS.restore, { as: 'regular_bob', postId })).toasts[0]).toContain('only moderators');
    expect((await h.menuAction(LABELS.restore, { as: 'mod_alice', postId })).toasts[0]).toContain('is uploader notified');
    const other = h.reddit.addPost({ authorName: 'artist_ann', title: 'x' });
    expect((await h.menuAction(LABELS.restore, { as: 'mod_alice', postId: other.id })).toasts[0]).toContain('no takedown case');
    expect(h.reddit.posts.get(postId)).toMatchObject({ removed: true, approved: false });
    expect(h.calls.count('Moderation.Approve')).toBe(0);
  });

  it('refuses a counter-notice missing elements and a non-moderator’s takedown', async () => {
    const { caseId } = await takedown();
    const r = await counterNotice({ jurisdiction: false });
    expect(r.toasts[0]).toContain('not a valid counter-notice');
    expect((await loadCase(redisView(h), caseId))?.status).toBe('uploader_notified');
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'x' });
    const bob = await h.menuAction(LABELS.takedown, { as: 'regular_bob', postId: post.id });
    expect(bob.toasts[0]).toContain('only moderators');
    expect(bob.forms).toEqual([]);
    const bobCounter = await h.menuAction(LABELS.counterNotice, { as: 'regular_bob' });
    expect(bobCounter.forms).toEqual([]);
  });
});
