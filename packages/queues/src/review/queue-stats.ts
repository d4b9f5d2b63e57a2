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
  /** Median calendar age of open items in minutes; undefined with none. */
  medianAgeMinutes?: number;
}

const MINUTE = 60_000;

/** Computes stats per asset-type queue plus an `all` row. */
export function queueStats(evaluation: ReviewEvaluation, now: Date, inboundWindowMinutes: number): QueueStats[] {
  const queues = [...assetTypes, 'all'] as const;
  return queues.map((queue) => {
    const inQueue = (s: ReviewSubmission): boolean => queue === 'all' || s.assetType === queue;
    const open = evaluation.worklist.filter((e) => inQueue(e.submission));
    const closed = evaluation.closed.filter((e) => inQueue(e.submission));
    const since = now.getTime() - inboundWindowMinutes * MINUTE;
    const inbound = [...open, ...closed].filter((e) => {
      const t = e.submission.submittedAt.getTime();
      return t > since && t <= now.getTime();
    }).length;
    let achieved = 0;
    let breached = 0;
    for (const e of open) {
      if (e.sla.state === 'breached') breached++;
      else if (e.sla.state === 'achieved') achieved++;
    }
    for (const e of closed) {
      if (e.sla.state === 'achieved') achieved++;
      else if (e.sla.state === 'breached') breached++;
    }
    const decided = achieved + breached;
    const stats: QueueStats = { queue, pending: open.length, inbound, breached };
    if (decided > 0) stats.achievedPercent = (achieved / decided) * 100;
    const median = medianOf(open.map((e) => e.ageMinutes));
    if (median !== undefined) stats.medianAgeMinutes = median;
    return stats;
  });
}

/** Median of a list of numbers (mean of the middle two for even lengths). */
export function medianOf(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
