import { closedReviewStatuses, type ReviewSubmission } from '../readers/review-submissions.js';
import type { SlaEvaluator, SlaView } from './sla-view.js';

/**
 * Where an open item stands: past its breach, inside its warning lead, paused, fine, or with another
 * team (escalated: the review clock has stopped, the escalation list tracks it).
 */
export type Urgency = 'breached' | 'due_soon' | 'paused' | 'on_track' | 'no_sla' | 'with_team';

export interface WorklistEntry {
  submission: ReviewSubmission;
  sla: SlaView;
  urgency: Urgency;
  /** Minutes since submission (calendar time). */
  ageMinutes: number;
}

export interface ReviewEvaluation {
  /** Open items ordered by breachAt (earliest first; items without one last). */
  worklist: WorklistEntry[];
  /** Closed items with their final SLA verdict, for the stats. */
  closed: { submission: ReviewSubmission; sla: SlaView }[];
}

const MINUTE = 60_000;

/** True when the submission still needs work from the review team. */
export function isOpen(submission: ReviewSubmission): boolean {
  return !closedReviewStatuses.has(submission.status);
}

/**
 * Classifies an open item: breached once past breachAt; due soon from the policy's warnAt (or within
 * `dueSoonWithinMinutes` of breach when set); paused while the clock is paused (waiting on the artist).
 */
export function urgencyOf(sla: SlaView, now: Date, dueSoonWithinMinutes?: number): Urgency {
  if (sla.state === 'none') return 'no_sla';
  if (sla.state === 'breached' || (sla.breachAt && sla.breachAt <= now && sla.state !== 'paused' && sla.state !== 'achieved')) return 'breached';
  if (sla.state === 'paused') return 'paused';
  if (sla.warnAt && sla.warnAt <= now) return 'due_soon';
  if (dueSoonWithinMinutes !== undefined && sla.remainingMinutes !== undefined && sla.remainingMinutes <= dueSoonWithinMinutes) return 'due_soon';
  return 'on_track';
}

/**
 * One submission's place in the queue at `now`: its worklist entry when open, undefined when closed
 * (the SLA view is computed either way; closed items only count in the stats).
 */
export function worklistEntryOf(submission: ReviewSubmission, view: SlaView, now: Date, dueSoonWithinMinutes?: number): WorklistEntry | undefined {
  if (!isOpen(submission)) return undefined;
  return {
    submission,
    sla: view,
    urgency: submission.status === 'escalated' ? 'with_team' : urgencyOf(view, now, dueSoonWithinMinutes),
    ageMinutes: (now.getTime() - submission.submittedAt.getTime()) / MINUTE,
  };
}

/** Runs the SLA clock over every submission and builds the worklist of open items by breachAt. */
export function evaluateReviewQueue(
  submissions: readonly ReviewSubmission[],
  sla: SlaEvaluator,
  now: Date,
  opts: { dueSoonWithinMinutes?: number } = {},
): ReviewEvaluation {
  const worklist: WorklistEntry[] = [];
  const closed: ReviewEvaluation['closed'] = [];
  for (const submission of submissions) {
    const view = sla(submission, now);
    const entry = worklistEntryOf(submission, view, now, opts.dueSoonWithinMinutes);
    if (entry) worklist.push(entry);
    else closed.push({ submission, sla: view });
  }
  worklist.sort(byBreachAt);
  return { worklist, closed };
}

/** Worklist order: earliest breachAt first (none last), then by id. */
export function byBreachAt(a: WorklistEntry, b: WorklistEntry): number {
  const ta = a.sla.breachAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const tb = b.sla.breachAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (ta !== tb) return ta - tb;
  return a.submission.id < b.submission.id ? -1 : a.submission.id > b.submission.id ? 1 : 0;
}
