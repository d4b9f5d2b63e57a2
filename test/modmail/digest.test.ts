import { afterEach, describe, expect, it } from 'vitest';
import { waitingRecordOf } from '../../src/modmail/conversation-records.js';
import { DIGEST_DUE, DIGEST_SUBJECT } from '../../src/modmail/digest-job.js';
import { DUE_JOB } from '../../src/platform/keys.js';
import { redisView, type Harness } from '../harness/index.js';
import { notesIn, triageHarness, userWrites } from './triage-fixture.js';

// Friday 2026-12-04 15:00 in New York; business hours mon-fri 09:00-17:00 there.
const FRIDAY_3PM_NY = new Date('2026-12-04T20:00:00Z');
const settings = { 'time-zone': 'America/New_York' };

const digestConversations = (h: Harness) => [...h.reddit.conversations.values()].filter((c) => c.subject === DIGEST_SUBJECT);

describe('modmail first-response SLA and digest', () => {
  let h: Harness;
  afterEach(async () => h.dispose());

  it('the clock skips the weekend: exact warnAt / breachAt in business hours of the installation time zone', async () => {
    h = await triageHarness({ start: FRIDAY_3PM_NY, settings });
    const payout = await userWrites(h, 'artist_ann', 'Where is my money?', "I haven't been paid for October.");
    // 8 h target: 2 h on Friday (15:00-17:00), 6 h on Monday from 09:00 → Monday 15:00 New York; warned 2 h before.
    expect(await waitingRecordOf(redisView(h), payout)).toMatchObject({
      category: 'payout',
      waitingSince: '2026-12-04T20:00:00.000Z',
      warnAt: '2026-12-07T18:00:00.000Z',
      breachAt: '2026-12-07T20:00:00.000Z',
    });
  });

  it('the digest is an entry of the one next-due job, due at the next cadence instant (no job of its own)', async () => {
    h = await triageHarness({ start: FRIDAY_3PM_NY, settings: { ...settings, 'modmail-digest-every-minutes': 30 } });
    await h.trigger('AppUpgrade', h.events.appUpgrade('mod_alice'));
    expect(await redisView(h).zRange('cd:enf:due', 0, -1, { by: 'rank' })).toContainEqual({ member: DIGEST_DUE, score: Date.parse('2026-12-04T20:30:00Z') });
    expect([...h.scheduler.jobs.values()].map((j) => j.name)).toEqual([DUE_JOB]);
    // Each run puts it due again one cadence later.
    await h.advance(30 * 60_000);
    expect(await redisView(h).zRange('cd:enf:due', 0, -1, { by: 'rank' })).toContainEqual({ member: DIGEST_DUE, score: Date.parse('2026-12-04T21:00:00Z') });
    // Nothing was waiting: that digest posted nothing.
    expect(digestConversations(h)).toEqual([]);
  });

  it('lists exactly the waiting conversations near breach or breached, oldest first, in one conversation updated per digest', async () => {
    h = await triageHarness({ start: FRIDAY_3PM_NY, settings });
    const payout = await userWrites(h, 'artist_ann', 'Where is my money?', "I haven't been paid for October."); // breach Mon 20:00Z, warn 18:00Z
    h.clock.advance(60_000);
    const takedown = await userWrites(h, 'artist_cho', 'DMCA', 'Someone filed a DMCA takedown on my art.'); // 4 h: breach Mon 16:01Z
    h.clock.advance(60_000);
    const answered = await userWrites(h, 'regular_bob', 'counter-notice', 'How do I file a counter-notice for copyright?');
    h.clock.advance(60_000);
    const archived = await userWrites(h, 'regular_bob', 'ban appeal', 'Please unban me, it was a mistake.');
    // Monday 10:00 New York: a fresh question, far from its target.
    h.clock.set(new Date('2026-12-07T15:00:00Z'));
    const fresh = await userWrites(h, 'artist_ann', 'Winter contest', 'When is the drop date for the winter contest?');
    // A moderator answers one (the trigger arrives); another is archived on Reddit (no trigger).
    const reply = h.reddit.modRepliesModmail('mod_alice', answered, 'Here is how: …');
    await h.trigger('ModMail', h.events.modMail(answered, reply.messageId, 'mod_alice'));
    h.reddit.conversations.get(archived)!.state = 2;
    // An internal note by a moderator is not an answer.
    const note = h.reddit.modRepliesModmail('mod_alice', payout, 'looking into it', { internal: true });
    await h.trigger('ModMail', h.events.modMail(payout, note.messageId, 'mod_alice'));

    h.clock.set(new Date('2026-12-07T19:00:00Z')); // Monday 14:00 New York
    await h.runJob(DUE_JOB, undefined, 2); // delivered twice: one note
    const [digest, ...others] = digestConversations(h);
    expect(others).toEqual([]);
    expect(digest?.kind).toBe('modinbox');
    const first = digest!.messages.map((m) => m.body);
    expect(first).toEqual([
      [
        '**Modmail first-response digest, 2026-12-07 19:00 UTC** — 1 breached, 1 near breach',
        '',
        `- **near breach** · payout · u/artist\\_ann: Where is my money? — waiting since 2026-12-04 20:00 UTC, breaches in 1 h 0 min · [open](https://mod.reddit.com/mail/all/${payout})`,
        `- **breached** · takedown · u/artist\\_cho: DMCA — waiting since 2026-12-04 20:01 UTC, breached 2 h 59 min ago · [open](https://mod.reddit.com/mail/all/${takedown})`,
        '',
        '(Business hours America/New_York.)',
      ].join('\n'),
    ]);
    expect(first.join('\n')).not.toContain(fresh);

    // The next digest is an internal note in the same conversation; the answered payout leaves the list.
    const r = h.reddit.modRepliesModmail('mod_alice', payout, 'Paid today.');
    await h.trigger('ModMail', h.events.modMail(payout, r.messageId, 'mod_alice'));
    h.clock.set(new Date('2026-12-07T20:05:00Z'));
    await h.runJob(DUE_JOB);
    expect(digestConversations(h)).toHaveLength(1);
    const notes = notesIn(h, digest!.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.body).toContain('— 1 breached, 0 near breach');
    expect(notes[0]?.body).toContain(takedown);
    expect(notes[0]?.body).not.toContain(payout);
    expect(notes[0]?.body).not.toContain(archived);
  });

  it('two digest deliveries at once create one conversation with one digest, in every interleaving tried', async () => {
    for (let seed = 1; seed <= 10; seed++) {
      h = await triageHarness({ start: FRIDAY_3PM_NY, settings });
      await userWrites(h, 'artist_cho', 'DMCA', 'Someone filed a DMCA takedown on my art.');
      h.clock.set(new Date('2026-12-07T19:00:00Z'));
      await h.concurrently(seed, [() => h.runJob(DUE_JOB), () => h.runJob(DUE_JOB)]);
      await h.runJob(DUE_JOB); // the runtime retries a delivery that found the other in flight
      const digests = digestConversations(h);
      expect(digests, `seed ${seed}`).toHaveLength(1);
      expect(digests[0]?.messages, `seed ${seed}`).toHaveLength(1);
      if (seed < 10) await h.dispose();
    }
  });
});
