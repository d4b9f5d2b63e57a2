/**
 * Per-queue statistics derived from review-item events alone (the log is the source of truth).
 */
import type { AuditEvent } from '../kit/types.js';
import { reviewItemMachine, type ReviewCommand, type ReviewItemState } from './machine.js';

/** The figures a coordinator watches for one queue. */
export interface ReviewQueueStats {
  queue: string;
  /** Items waiting for a reviewer (pending) plus those being worked on (claimed). */
  pending: number;
  claimed: number;
  /** Items decided by a reviewer (approved or rejected), ever. */
  actioned: number;
  /** Items currently escalated (not yet closed). */
  escalated: number;
  closed: number;
  /** Items that entered the queue in the 24 hours up to `now`. */
  inbound24h: number;
  /** Decisions (approve, reject, escalate) made in the 24 hours up to `now`. */
  decided24h: number;
  /**
   * decided24h ÷ inbound24h: ≥ 1 means the queue is keeping up. `undefined` when nothing came in.
   */
  actionRate24h: number | undefined;
  /** Mean minutes from entering the queue to the first decision, over decided items; `undefined` if none. */
  averageHandlingMinutes: number | undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;
type ReviewEvent = AuditEvent<ReviewItemState, ReviewCommand['type']>;

/**
 * Fold review-item events (any order of items, each item's events in order) into per-queue stats at `now`.
 * Events after `now` are ignored, so the same log gives the figures as they were at any past instant.
 * Logs that do not replay are reported in `problems` instead of being counted.
 */
export function queueStatsFromEvents(
  events: readonly ReviewEvent[],
  now: Date,
): { stats: ReviewQueueStats[]; problems: Array<{ subject: string; message: string }> } {
  const nowMs = now.getTime();
  const bySubject = new Map<string, ReviewEvent[]>();
  for (const e of events) {
    if (Date.parse(e.at) > nowMs) continue;
    const list = bySubject.get(e.subject) ?? [];
    list.push(e);
    bySubject.set(e.subject, list);
  }
  const acc = new Map<string, ReviewQueueStats & { handlingTotal: number; handlingCount: number }>();
  const problems: Array<{ subject: string; message: string }> = [];
  for (const [subject, log] of bySubject) {
    const replayed = reviewItemMachine.replay(log);
    if (!replayed.ok) {
      problems.push({ subject, message: replayed.error.message });
      continue;
    }
    const item = replayed.state;
    let s = acc.get(item.queue);
    if (s === undefined) {
      s = {
        queue: item.queue, pending: 0, claimed: 0, actioned: 0, escalated: 0, closed: 0, inbound24h: 0,
        decided24h: 0, actionRate24h: undefined, averageHandlingMinutes: undefined, handlingTotal: 0, handlingCount: 0,
      };
      acc.set(item.queue, s);
    }
    if (item.status === 'pending') s.pending++;
    else if (item.status === 'claimed') s.claimed++;
    else if (item.status === 'approved' || item.status === 'rejected') s.actioned++;
    else if (item.status === 'escalated') s.escalated++;
    else s.closed++;
    const createdMs = Date.parse(item.createdAt);
    if (nowMs - createdMs < DAY_MS) s.inbound24h++;
    const firstDecision = log.find((e) => e.command === 'approve' || e.command === 'reject' || e.command === 'escalate');
    if (firstDecision !== undefined) {
      const decidedMs = Date.parse(firstDecision.at);
      s.handlingTotal += decidedMs - createdMs;
      s.handlingCount++;
      if (nowMs - decidedMs < DAY_MS) s.decided24h++;
    }
  }
  const stats = [...acc.values()]
    .map(({ handlingTotal, handlingCount, ...s }) => ({
      ...s,
      actionRate24h: s.inbound24h === 0 ? undefined : s.decided24h / s.inbound24h,
      averageHandlingMinutes: handlingCount === 0 ? undefined : handlingTotal / handlingCount / 60_000,
    }))
    .sort((a, b) => a.queue.localeCompare(b.queue));
  return { stats, problems };
}
