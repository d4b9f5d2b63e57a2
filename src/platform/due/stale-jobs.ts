import type { TriggerContext } from '@devvit/public-api';
import { readStored } from '../stored-json.js';
import { KEYS } from '../keys.js';
import { z } from 'zod';
import { scheduleNextDue } from './due-schedule.js';

const dueJobSchema = z.object({ id: z.string(), runAt: z.number() });

/**
 * On install and upgrade: lists the installation's scheduled jobs and cancels every one but the
 * next-due job the app recorded (jobs of an earlier version, or left by a crash between scheduling
 * and recording), then schedules the next-due job afresh. The app's only job is that one, so
 * nothing else can pile up toward Devvit's limits. Returns the ids cancelled.
 */
export async function cancelStaleJobs(context: Pick<TriggerContext, 'redis' | 'scheduler'>): Promise<string[]> {
  const recorded = readStored(dueJobSchema, await context.redis.get(KEYS.dueJob));
  const cancelled: string[] = [];
  const jobs = await context.scheduler.listJobs();
  // A recorded job that no longer exists would keep scheduleNextDue from scheduling a new one.
  if (recorded && !jobs.some((j) => j.id === recorded.id)) await context.redis.del(KEYS.dueJob);
  for (const job of jobs) {
    if (job.id === recorded?.id) continue;
    await context.scheduler.cancelJob(job.id);
    cancelled.push(job.id);
  }
  if (cancelled.length > 0) console.log(`creator-desk: cancelled ${cancelled.length} stale scheduled job(s)`);
  await scheduleNextDue(context.redis, context.scheduler);
  return cancelled;
}
