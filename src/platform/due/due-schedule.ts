import type { RedisClient, Scheduler } from '@devvit/public-api';
import { z } from 'zod';
import { DUE_JOB, KEYS } from '../keys.js';
import { atomically } from '../ledger/optimistic.js';
import { readStored } from '../stored-json.js';

/** Records when the next-due job must look at `member` (`takedown:{id}`, `strikes:{user}`); undefined = never. */
export async function setDue(redis: RedisClient, member: string, at: Date | undefined): Promise<void> {
  if (at === undefined) await redis.zRem(KEYS.due, [member]);
  else await redis.zAdd(KEYS.due, { member, score: at.getTime() });
}

/** A retry of a failed due entry waits this long, so a broken entry cannot spin the job. */
export const RETRY_MS = 60_000;

const scheduledDueJobSchema = z.object({ id: z.string(), runAt: z.number() });
type ScheduledDueJob = z.infer<typeof scheduledDueJobSchema>;

/**
 * Keeps exactly one one-off `enforcement-due` job, scheduled for the earliest due entry (never in
 * the past). Idempotent: when the stored job already runs at that time nothing changes; otherwise
 * a new job is scheduled and recorded, and the old one cancelled. Called with `running` from the
 * job itself: the stored job whose time has come is the one running (the scheduler drops it), and
 * entries still due after the run (their effects failed) are retried a minute later.
 *
 * Safe when two deliveries call it at once: a new job is recorded only by an optimistic
 * transaction over the due set and the job record, so of two racing callers one records its job
 * and the other, seeing that job, cancels its own.
 */
export async function scheduleNextDue(redis: RedisClient, scheduler: Scheduler, opts: { running?: boolean } = {}): Promise<Date | undefined> {
  const now = Date.now();
  const look = async () => {
    const [first] = await redis.zRange(KEYS.due, 0, 0, { by: 'rank' });
    const stored = readStored(scheduledDueJobSchema, await redis.get(KEYS.dueJob));
    const live = stored && !(opts.running && stored.runAt <= now) ? stored : undefined;
    const runAt = first ? (first.score > now ? first.score : opts.running ? now + RETRY_MS : now) : undefined;
    return { stored, live, runAt };
  };
  const seen = await look();
  if (seen.runAt === undefined) {
    const cancel = await atomically<string | undefined>(redis, [KEYS.due, KEYS.dueJob], async () => {
      const { stored, live, runAt } = await look();
      if (runAt !== undefined || !stored) return { value: undefined };
      return { value: live?.id, writes: [(tx) => tx.del(KEYS.dueJob)] };
    });
    if (cancel) await scheduler.cancelJob(cancel);
    return undefined;
  }
  // A job that runs no later than needed is kept: if early, it finds nothing due and reschedules.
  if (seen.live && seen.live.runAt <= seen.runAt) return new Date(seen.live.runAt);
  const runAt = seen.runAt;
  const id = await scheduler.runJob({ name: DUE_JOB, runAt: new Date(runAt) });
  const outcome = await atomically<{ cancel?: string; at: number }>(redis, [KEYS.due, KEYS.dueJob], async () => {
    const { live } = await look();
    // Another delivery recorded a job at least as early meanwhile: that one stays, ours goes.
    if (live && live.runAt <= runAt) return { value: { cancel: id, at: live.runAt } };
    return { value: { cancel: live?.id, at: runAt }, writes: [(tx) => tx.set(KEYS.dueJob, JSON.stringify({ id, runAt } satisfies ScheduledDueJob))] };
  });
  if (outcome.cancel) await scheduler.cancelJob(outcome.cancel);
  return new Date(outcome.at);
}
