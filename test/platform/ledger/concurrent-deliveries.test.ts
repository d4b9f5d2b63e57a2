/**
 * The concurrency proof of the effect ledger: Devvit may deliver a trigger, a form submission or a
 * job twice at the same time. Each case runs two deliveries of the same thing concurrently under
 * the harness's seeded scheduler (test/harness/interleave.ts), which interleaves them at every
 * Redis command and Reddit call, for SCHEDULES seeds; in every odd schedule a first delivery dies
 * right after one of its Reddit writes (chosen by the seed) and the two concurrent deliveries race
 * to take over its stale claim. A delivery that fails (another holds an effect) is delivered again
 * afterwards, as the runtime would. In every schedule every effect happens exactly once.
 * Runs in the `app` project, so CI runs it against the real Redis server too.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seededRandom } from '../../../packages/core/src/random/seeded-random.js';
import { KEYS } from '../../../src/platform/keys.js';
import { readEvents } from '../../../src/platform/records/event-store.js';
import { loadCase } from '../../../src/platform/records/takedown-record.js';
import { act, enforcementHarness, LABELS } from '../../enforcement/fixture.js';
import { redisView, type Harness } from '../../harness/index.js';
import { rulesHarness } from '../../moderation/rules-harness.js';

const SCHEDULES = Number(process.env.SCHEDULES ?? 200);
const STALE = 40_000;
/** Each case takes a few seconds alone; the bound leaves room for a loaded CI machine. */
const TIMEOUT = 120_000;

/** Redelivers until a delivery succeeds, as the runtime retries a failed one (bounded). */
async function untilDelivered(h: Harness, deliver: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 6; attempt++) {
    if (await deliver()) return;
    h.clock.advance(STALE);
  }
  throw new Error('not delivered after 6 retries');
}

/** The fields of a ledger hash that are not done (must be none once the event is complete). */
async function unfinished(h: Harness, key: string): Promise<string[]> {
  const r = (await h.redis.mock.plugin.HGetAll({ key } as never)) as { fieldValues: Record<string, string> };
  return Object.entries(r.fieldValues)
    .filter(([k, v]) => !k.startsWith('_') && !v.startsWith('done'))
    .map(([k, v]) => `${k}=${v}`);
}

/** An event log's seqs, to compare with 0, 1, 2, … (no seq twice, none skipped). */
function seqsOf(events: { seq: number }[]): number[] {
  return events.map((e) => e.seq);
}
const consecutive = (seqs: number[]): number[] => seqs.map((_, i) => i + 1);

interface Tally {
  schedules: number;
  steps: number;
  choices: number;
  conflicts: number;
}

const tallies: Record<string, Tally> = {};
function tally(name: string, h: Harness, run: { steps: number; choices: number }): void {
  const t = (tallies[name] ??= { schedules: 0, steps: 0, choices: 0, conflicts: 0 });
  t.schedules += 1;
  t.steps += run.steps;
  t.choices += run.choices;
  t.conflicts = h.redis.transactions.stats.conflicts;
}

afterAll(() => {
  for (const [name, t] of Object.entries(tallies)) {
    console.info(`concurrency proof, ${name}: ${t.schedules} schedules, ${t.steps} interleaved calls (${t.choices} scheduling choices), ${t.conflicts} EXEC conflicts retried`);
  }
});

describe(`two concurrent deliveries, ${SCHEDULES} seeded schedules each: every effect exactly once`, { timeout: TIMEOUT }, () => {
  it('a PostSubmit trigger (remove, lock, message, escalation; as in AutoModerator no rule runs after the removal)', async () => {
    const h = await rulesHarness();
    const writes = ['Moderation.Remove', 'LinksAndComments.Lock', 'NewModmail.CreateConversation'];
    try {
      for (let seed = 1; seed <= SCHEDULES; seed++) {
        h.redis.transactions.setConflictMode(seed % 4 < 2 ? 'throw' : 'empty');
        const post = h.reddit.addPost({ authorName: 'artist_ann', title: `huge giveaway made with midjourney #${seed}` });
        const deliver = () => h.trigger('PostSubmit', h.events.postSubmit(post));
        if (seed % 2 === 1) {
          h.calls.dieAfter(writes[Math.floor(seededRandom(seed)() * writes.length)] ?? '');
          await expect(deliver()).rejects.toThrow(/injected/);
          h.calls.clearFaults();
          h.clock.advance(STALE);
        }
        const run = await h.concurrently(seed, [deliver, deliver]);
        tally('trigger', h, run);
        if (run.results.some((r) => r.status === 'rejected')) {
          await untilDelivered(h, () => deliver().then(() => true, () => false));
        }
        const where = `schedule ${seed}`;
        const p = h.reddit.posts.get(post.id);
        expect(p, where).toMatchObject({ removed: true, locked: true });
        expect(h.reddit.modLog.filter((e) => e.targetId === post.id && e.action === 'removelink'), where).toHaveLength(1);
        expect(h.reddit.modLog.filter((e) => e.targetId === post.id && e.action === 'lock'), where).toHaveLength(1);
        // The AI-art rule (flair, sticky comment, mod note) matches too, but runs only if nothing removed the post.
        expect([...h.reddit.comments.values()].filter((c) => c.parentId === post.id), where).toHaveLength(0);
        expect(h.reddit.conversationsOf('user'), where).toHaveLength(seed);
        expect(h.reddit.modNotes.filter((n) => n.redditId === post.id), where).toHaveLength(0);
        const escalations = await redisView(h).zRange(KEYS.escalationsOfItem(post.id), 0, -1, { by: 'rank' });
        expect(escalations, where).toHaveLength(1);
        expect(seqsOf(await readEvents(redisView(h), 'escalation', escalations[0]?.member ?? '')), where).toEqual([1, 2]);
        expect(await unfinished(h, `cd:fx:${post.id}:PostSubmit:new`), where).toEqual([]);
      }
      expect(h.redis.transactions.stats.conflicts).toBeGreaterThan(0);
    } finally {
      await h.dispose();
    }
  });

  it('a menu form submission (remove with reason: remove, comment + distinguish, mod note, escalation)', async () => {
    const h = enforcementHarness();
    const writes = ['Moderation.Remove', 'LinksAndComments.Comment', 'Moderation.Distinguish', 'ModNote.PostNotes'];
    const values = { reason: ['2'], note: '' };
    try {
      for (let seed = 1; seed <= SCHEDULES; seed++) {
        h.redis.transactions.setConflictMode(seed % 4 < 2 ? 'throw' : 'empty');
        const post = h.reddit.addPost({ authorName: 'artist_ann', title: `my art #${seed}` });
        const opened = await h.menuAction(LABELS.remove, { as: 'mod_alice', postId: post.id });
        const formId = opened.forms[0] ?? '';
        const submit = async () => (await h.submitForm(formId, values, { as: 'mod_alice', thingId: post.id, actionLabel: LABELS.remove })).toasts[0] ?? '';
        if (seed % 2 === 1) {
          h.calls.dieAfter(writes[Math.floor(seededRandom(seed)() * writes.length)] ?? '');
          expect(await submit()).toContain('not finished');
          h.calls.clearFaults();
          h.clock.advance(STALE);
        }
        const run = await h.concurrently(seed, [submit, submit]);
        tally('form submission', h, run);
        const toasts = run.results.map((r) => (r.status === 'fulfilled' ? String(r.value) : ''));
        if (!toasts.some((t) => t.includes('escalated to'))) await untilDelivered(h, async () => (await submit()).includes('escalated to'));
        const where = `schedule ${seed}`;
        expect(h.reddit.modLog.filter((e) => e.targetId === post.id && e.action === 'removelink'), where).toHaveLength(1);
        const replies = [...h.reddit.comments.values()].filter((c) => c.parentId === post.id);
        expect(replies, where).toHaveLength(1);
        expect(replies[0], where).toMatchObject({ distinguished: 'moderator', stickied: true });
        expect(h.reddit.modNotes.filter((n) => n.redditId === post.id), where).toHaveLength(1);
        const escalations = await redisView(h).zRange(KEYS.escalationsOfItem(post.id), 0, -1, { by: 'rank' });
        expect(escalations, where).toHaveLength(1);
        expect(seqsOf(await readEvents(redisView(h), 'escalation', escalations[0]?.member ?? '')), where).toEqual([1, 2]);
      }
      expect(h.redis.transactions.stats.conflicts).toBeGreaterThan(0);
    } finally {
      await h.dispose();
    }
  });

  describe('a job', () => {
    const errors = vi.spyOn(console, 'error');
    beforeAll(() => errors.mockImplementation(() => undefined));
    afterAll(() => errors.mockRestore());

    it('the next-due job (takedown reminders to the mod inbox: window open, then overdue; the next job scheduled once)', async () => {
      const h = enforcementHarness({ start: new Date('2026-06-26T14:00:00Z') });
      const notice = { complainant: 'Pixel Studio LLC', contact: 'legal@pixelstudio.example', work: 'The "Neon Fox" avatar series', signature: '/s/ Jane Counsel', goodFaith: true, accuracy: true };
      const counter = { signature: '/s/ Ann Artist', name: 'Ann Artist', address: '1 Main St', phone: '+1 555 0100', mistake: true, jurisdiction: true, service: true, forwarded: true };
      const reminders = (subject: string) => h.reddit.conversationsOf('modinbox').filter((c) => c.subject === subject);
      try {
        let seed = 0;
        for (let n = 1; seed < SCHEDULES; n++) {
          // A case per two schedules: its restore window opens (one reminder), then closes unrestored (another).
          const reference = `DMCA-${n}`;
          // One uploader per case: their strikes stay below the repeat-infringer threshold.
          const uploader = h.reddit.addUser({ name: `artist_${n}`, createdDaysAgo: 400 }).name;
          const post = h.reddit.addPost({ authorName: uploader, title: `fox #${n}` });
          const { submitted } = await act(h, LABELS.takedown, post.id, { reference, ...notice });
          expect(submitted[0]?.toasts[0]).toContain('taken down');
          const caseId = (await h.redisGet(KEYS.takedownOfItem(post.id))) ?? '';
          const menu = await h.menuAction(LABELS.counterNotice, { as: 'mod_alice' });
          expect((await h.submitForm(menu.forms[0] ?? '', { case: [caseId], ...counter }, { as: 'mod_alice' })).toasts[0]).toContain('counter-notice recorded');
          const state = await loadCase(redisView(h), caseId);
          const phases = [
            { kind: 'restore_window_open', at: Date.parse(state?.restoreOpensAt ?? ''), subject: `Takedown ${reference}: restore window open` },
            { kind: 'restore_overdue', at: Date.parse(state?.restoreClosesAt ?? '') + 1, subject: `Takedown ${reference}: restore overdue` },
          ];
          for (const phase of phases) {
            seed += 1;
            h.redis.transactions.setConflictMode(seed % 4 < 2 ? 'throw' : 'empty');
            h.clock.advance(phase.at - h.clock.now() + 60_000);
            // The job the scheduler holds for this time, delivered (at least) twice, then dropped as the runtime does.
            const [scheduled] = h.scheduler.due();
            expect(scheduled?.name).toBe('enforcement-due');
            const job = () => h.runJob(scheduled?.name ?? '', scheduled?.data);
            const ledger = KEYS.ledger(`reminder-${caseId}:${phase.kind}`);
            if (seededRandom(seed)() < 0.5) {
              h.calls.dieAfter('NewModmail.CreateModmailConversation');
              await job();
              h.calls.clearFaults();
              expect(reminders(phase.subject), `schedule ${seed}: the dead delivery sent it`).toHaveLength(1);
              h.clock.advance(STALE);
            }
            const run = await h.concurrently(seed, [job, job]);
            tally('job', h, run);
            for (let retry = 0; retry < 6 && (await unfinished(h, ledger)).length > 0; retry++) {
              h.clock.advance(STALE);
              await job();
            }
            if (scheduled) h.scheduler.completed(scheduled);
            const where = `schedule ${seed}`;
            expect(reminders(phase.subject), where).toHaveLength(1);
            expect(await unfinished(h, ledger), where).toEqual([]);
            const seqs = seqsOf(await readEvents(redisView(h), 'takedown', caseId));
            expect(seqs, where).toEqual(consecutive(seqs));
            // The one next-due job: never two scheduled at once.
            expect([...h.scheduler.jobs.values()].filter((j) => j.name === 'enforcement-due').length, where).toBeLessThanOrEqual(1);
          }
        }
        expect(h.redis.transactions.stats.conflicts).toBeGreaterThan(0);
      } finally {
        await h.dispose();
      }
    });
  });
});
