import type { ReviewSubmission } from '../readers/review-submissions.js';

/** The SLA clock's verdict for one submission, in the queue's terms. `none`: no policy matched. */
export interface SlaView {
  policy?: string;
  metric?: string;
  state: 'active' | 'paused' | 'achieved' | 'breached' | 'none';
  warnAt?: Date;
  breachAt?: Date;
  /** Working minutes left until breach (negative once breached), as the policy's calendar counts them. */
  remainingMinutes?: number;
  /** Why the clock could not be computed for this item (state `none`); the report lists it as a row error. */
  error?: string;
}

/** Computes the SLA for a submission at `now` (the seam to core's `computeSla`). */
export type SlaEvaluator = (submission: ReviewSubmission, now: Date) => SlaView;
