import type { ReviewSubmission } from '../readers/review-submissions.js';

/** One routing decision: an escalation rule matched a submission. */
export interface RouteDecision {
  team: string;
  reason: string;
  /** The rule that decided it (name and line in the rules file), for "why". */
  rule: { name?: string; line: number; source?: string };
}

/** Evaluates the escalation rules against one submission at `now` (the seam to core's `evaluate`). */
export type RouteEvaluator = (submission: ReviewSubmission, now: Date) => RouteDecision[];

/** What the coordinator should do about an escalation. */
export type EscalationStatus = 'to_escalate' | 'with_team' | 'invalid';

export interface EscalationEntry {
  submission: ReviewSubmission;
  status: EscalationStatus;
  /** Team(s) the rules route the item to (empty for an escalated item no rule explains). */
  decisions: RouteDecision[];
  /** For `invalid`: why the requested transition is not allowed. */
  error?: string;
}
