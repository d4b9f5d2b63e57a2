import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../harness/index.js';
import { appComments, appPosts, eventsHarness, runUntil } from './fixture.js';

let h: Harness;
afterEach(async () => h.dispose());

/** The state after the first two drops: one post each, the first rotated, the second stickied. */
function expectTwoDrops(): void {
  const posts = appPosts(h);
  expect(posts.map((p) => p.title)).toEqual(['Weekly drop — March 3', 'Weekly drop — March 10']);
  const [first, second] = posts as [(typeof posts)[0], (typeof posts)[0]];
  expect(appComments(h, first.id).map((c) => c.body)).toEqual(['Reminder: **Weekly drop — March 3** starts in 1 hour, at 6:00 PM EST.', 'This drop has ended.']);
  expect(appComments(h, second.id).map((c) => c.body)).toEqual(['Reminder: **Weekly drop — March 10** starts in 1 hour, at 6:00 PM EDT.']);
  expect([first.stickied, first.locked, second.stickied, second.locked]).toEqual([false, true, true, false]);
  expect([first.flair?.text, second.flair?.text, first.distinguished, second.distinguished]).toEqual(['Drop Mar 3', 'Drop Mar 10', 'moderator', 'moderator']);
}

/** Runs the clock to `at` and delivers the job due then twice at the same time, interleaved by `seed`. */
async function twoDeliveriesAt(at: string, seed: number) {
  await runUntil(h, new Date(Date.parse(at) - 60_000).toISOString());
  h.clock.set(Date.parse(at));
  const [job] = h.scheduler.due();
  expect(job?.name).toBe('enforcement-due');
  h.scheduler.completed(job!);
  return h.concurrently(seed, [() => h.runJob(job!.name, job!.data), () => h.runJob(job!.name, job!.data)]);
}

describe('exactly once per occurrence', () => {
  it('a delivery that dies right after submitPost (its ledger writes fail): the retry finds the post and finishes, no second post', async () => {
    h = await eventsHarness();
    let failing = 0;
    h.calls.onCall('LinksAndComments.Submit', () => void (failing = 3));
    h.calls.onCall('redis.HSet', () => {
      if (failing > 0 && failing--) throw new Error('HTTP 500 (injected)');
    });
    await runUntil(h, '2026-03-03T21:00:30Z');
    // The post exists but nothing after it happened: not stickied, no flair.
    expect(appPosts(h).map((p) => [p.title, p.stickied, p.flair?.text])).toEqual([['Weekly drop — March 3', false, undefined]]);
    await runUntil(h, '2026-03-11T00:00:00Z');
    expectTwoDrops();
  });

  it('a job failing half-way (sticky refused once, after the post): the retry resumes at sticky without posting again', async () => {
    h = await eventsHarness();
    h.calls.onCall('LinksAndComments.Submit', () => h.calls.failNth('LinksAndComments.SetSubredditSticky', 1));
    await runUntil(h, '2026-03-11T00:00:00Z');
    expectTwoDrops();
    expect(h.calls.count('LinksAndComments.Submit')).toBe(2);
  });

  // Over a real Redis server each schedule costs real round trips: this needs more than vitest's 30 s default.
  it('two deliveries of the job at once, interleaved at every call (25 schedules): one post, one end note, one reminder each', { timeout: 120_000 }, async () => {
    for (let seed = 1; seed <= 25; seed++) {
      h = await eventsHarness();
      const run = await twoDeliveriesAt('2026-03-10T20:00:00Z', seed);
      expect(run.choices).toBeGreaterThan(10); // the two deliveries really interleaved
      await runUntil(h, '2026-03-11T00:00:00Z');
      try {
        expectTwoDrops();
        expect(h.scheduler.jobs.size).toBeLessThanOrEqual(2);
      } catch (e) {
        throw new Error(`seed ${seed}: ${e instanceof Error ? e.message : String(e)}`);
      }
      await h.dispose();
    }
    h = await eventsHarness();
  });

  it('two deliveries at once at the reminder (10 schedules): one reminder comment', async () => {
    for (let seed = 101; seed <= 110; seed++) {
      h = await eventsHarness();
      await twoDeliveriesAt('2026-03-03T22:00:00Z', seed);
      await runUntil(h, '2026-03-03T22:10:00Z');
      const [post] = appPosts(h);
      expect(appComments(h, post!.id).map((c) => c.body), `seed ${seed}`).toEqual(['Reminder: **Weekly drop — March 3** starts in 1 hour, at 6:00 PM EST.']);
      await h.dispose();
    }
    h = await eventsHarness();
  });
});
