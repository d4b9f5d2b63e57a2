/**
 * Scheduler fake (`devvit.plugin.scheduler.Scheduler`) over the virtual clock. Jobs are held here;
 * the harness delivers due ones through the actor's `HandleScheduledAction`.
 */
import { randomUUID } from 'node:crypto';
import type { VirtualClock } from './clock.js';
import { nextCronTime } from './cron.js';

export interface FakeJob {
  id: string;
  name: string;
  data?: Record<string, unknown>;
  runAt?: number; // ms, one-off jobs
  cron?: string;
  nextRunAt: number; // ms
}

type Req = Record<string, any>;

export class FakeScheduler {
  readonly jobs = new Map<string, FakeJob>();

  constructor(private readonly clock: VirtualClock) {}

  /** Jobs due at the current virtual time, earliest first. */
  due(): FakeJob[] {
    return [...this.jobs.values()].filter((j) => j.nextRunAt <= this.clock.now()).sort((a, b) => a.nextRunAt - b.nextRunAt);
  }

  /** Marks a job as run: one-off jobs disappear, cron jobs move to their next time. */
  completed(job: FakeJob): void {
    if (job.cron) job.nextRunAt = nextCronTime(job.cron, this.clock.now());
    else this.jobs.delete(job.id);
  }

  readonly plugin = {
    Schedule: async (req: Req) => {
      const action = req.action as { type: string; data?: Record<string, unknown> };
      const id = randomUUID();
      if (req.cron) {
        const live = [...this.jobs.values()].filter((j) => j.cron).length;
        if (live >= 10) throw new Error('scheduler: at most 10 live cron jobs per installation');
        this.jobs.set(id, { id, name: action.type, data: action.data, cron: req.cron, nextRunAt: nextCronTime(req.cron, this.clock.now()) });
      } else {
        const when = req.when instanceof Date ? req.when.getTime() : new Date(req.when ?? this.clock.now()).getTime();
        this.jobs.set(id, { id, name: action.type, data: action.data, runAt: when, nextRunAt: when });
      }
      return { id };
    },
    Cancel: async (req: Req) => {
      this.jobs.delete(String(req.id));
      return {};
    },
    List: async () => ({
      actions: [...this.jobs.values()].map((j) => ({
        id: j.id,
        request: { action: { type: j.name, data: j.data }, cron: j.cron, when: j.runAt !== undefined ? new Date(j.runAt) : undefined },
      })),
    }),
  };
}
