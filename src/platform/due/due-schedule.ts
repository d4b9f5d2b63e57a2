import type { RedisClient, Scheduler } from '@devvit/public-api';
import { DUE_JOB, KEYS } from '../keys.js';

/** Records when the next-due job must look at `member` (`takedown:{id}`, `strikes:{user}`); undefined = never. */
export async function setDue(redis: RedisClient, member: string, at: Date | undefined): Promise<void> {
  if (at === undefined) await redis.zRem(KEYS.due, [member]);
  else await redis.zAdd(KEYS.due, { member, score: at.getTime() });
}

/** A retry of a failed due entry waits this long, so a broken entry cannot spin the job. */
export const RETRY_MS = 60_000;

interface ScheduledDueJob {
  id: string;
  runAt: number;
}

/**
 * Keeps exactly one one-off `enforcement-due` job, scheduled for the earliest due entry (never in
 * the past). Idempotent: when the stored job already runs at that time nothing changes; otherwise
 * the old job is cancelled and a new one scheduled. Called with `running` from the job itself: the
 * stored job whose time has come is the one running (the scheduler drops it), and entries still
 * due after the run (their effects failed) are retried a minute later.
 */
export async function scheduleNextDue(redis: RedisClient, scheduler: Scheduler, opts: { running?: boolean } = {}): Promise<Date | undefined> {
  const now = Date.now();
  const [first] = await redis.zRange(KEYS.due, 0, 0, { by: 'rank' });
  const storedJson = await redis.get(KEYS.dueJob);
  const stored = storedJson ? (JSON.parse(storedJson) as ScheduledDueJob) : undefined;
  const live = stored && !(opts.running && stored.runAt <= now) ? stored : undefined;
  if (!first) {
    if (live) await scheduler.cancelJob(live.id);
    if (stored) await redis.del(KEYS.dueJob);
    return undefined;
  }
  const runAt = first.score > now ? first.score : opts.running ? now + RETRY_MS : now;
  // A job that runs no later than needed is kept: if early, it finds nothing due and reschedules.
  if (live && live.runAt <= runAt) return new Date(live.runAt);
  if (live) await scheduler.cancelJob(live.id);
  const id = await scheduler.runJob({ name: DUE_JOB, runAt: new Date(runAt) });
  await redis.set(KEYS.dueJob, JSON.stringify({ id, runAt } satisfies ScheduledDueJob));
  return new Date(runAt);
}
