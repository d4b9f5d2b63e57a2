import { assetTypes, type ReviewSubmission } from '../readers/review-submissions.js';
import type { ReviewEvaluation } from './worklist.js';

/** Per-queue figures a coordinator reads first (as Ozone and Discourse show per-queue stats). */
export interface QueueStats {
  queue: string;
  /** Open items (pending, in review, waiting on the artist, escalated). */
  pending: number;
  /** Submissions received in the inbound window (24 h by default) before now. */
  inbound: number;
  /** Items whose SLA is decided (achieved or breached) that achieved it, in percent; undefined with none. */
  achievedPercent?: number;
  /** Open and closed items whose SLA is breached. */
  breached: number;
  /** Open items past their breach, not with another team: what the report's Breached list shows. */
  breachedOpen: number;
  /** Closed items that missed their SLA. */
  breachedClosed: number;
  /** Median calendar age of open items in minutes; undefined with none. */
  medianAgeMinutes?: number;
}

const MINUTE = 60_000;

interface Acc {
  pending: number;
  inbound: number;
  achieved: number;
  breached: number;
  breachedOpen: number;
  breachedClosed: number;
  ages: number[];
}

/**
 * Per-queue stats gathered one submission at a time, so a caller streaming 100,000 submissions keeps
 * only counters and the open items' ages (for the median).
 */
export class QueueStatsAccumulator {
  private readonly queues = [...assetTypes, 'all'] as const;
  private readonly acc = new Map<string, Acc>(this.queues.map((q) => [q, { pending: 0, inbound: 0, achieved: 0, breached: 0, breachedOpen: 0, breachedClosed: 0, ages: [] }]));
  private readonly all = this.acc.get('all') as Acc;
  private readonly since: number;
  private readonly until: number;

  constructor(now: Date, inboundWindowMinutes: number) {
    this.until = now.getTime();
    this.since = this.until - inboundWindowMinutes * MINUTE;
  }

  /** Counts one submission with its SLA state; `openAge` (minutes) only for open items; `breachedNow`: in the Breached list. */
  add(s: ReviewSubmission, state: string, openAge: number | undefined, breachedNow = false): void {
    const t = s.submittedAt.getTime();
    const inbound = t > this.since && t <= this.until;
    for (const a of [this.acc.get(s.assetType) as Acc, this.all]) {
      if (inbound) a.inbound++;
      if (state === 'achieved') a.achieved++;
      else if (state === 'breached') {
        a.breached++;
        if (openAge === undefined) a.breachedClosed++;
      }
      if (openAge !== undefined) {
        a.pending++;
        if (breachedNow) a.breachedOpen++;
        a.ages.push(openAge);
      }
    }
  }

  /** The stats per asset-type queue plus the `all` row. */
  result(): QueueStats[] {
    return this.queues.map((queue) => {
      const a = this.acc.get(queue) as Acc;
      const stats: QueueStats = { queue, pending: a.pending, inbound: a.inbound, breached: a.breached, breachedOpen: a.breachedOpen, breachedClosed: a.breachedClosed };
      const decided = a.achieved + a.breached;
      if (decided > 0) stats.achievedPercent = (a.achieved / decided) * 100;
      const median = medianOf(a.ages);
      if (median !== undefined) stats.medianAgeMinutes = median;
      return stats;
    });
  }
}

/** Computes stats per asset-type queue plus an `all` row (one pass over the items). */
export function queueStats(evaluation: ReviewEvaluation, now: Date, inboundWindowMinutes: number): QueueStats[] {
  const stats = new QueueStatsAccumulator(now, inboundWindowMinutes);
  for (const e of evaluation.worklist) stats.add(e.submission, e.sla.state, e.ageMinutes, e.urgency === 'breached');
  for (const e of evaluation.closed) stats.add(e.submission, e.sla.state, undefined);
  return stats.result();
}

/** Median of a list of numbers (mean of the middle two for even lengths). */
export function medianOf(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
