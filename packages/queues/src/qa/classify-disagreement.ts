/** How a contractor's decision compares with the coordinator's audit of the same item. */
export type AuditOutcome = 'agree' | 'false_positive' | 'false_negative' | 'wrong_action';

/** The decisions that mean "approve" and "reject" in the configured vocabulary. */
export interface ErrorWords {
  approve: string;
  reject: string;
}

/**
 * Classifies a disagreement the way content-review QA names errors, treating a rejection as a "positive"
 * (the contractor flagged a violation): rejecting what the audit approved is a false positive, approving
 * what the audit rejected a false negative, and any other disagreement (an escalation either way, or
 * other configured decisions) the wrong action.
 */
export function classifyDisagreement(contractor: string, audit: string, words: ErrorWords): AuditOutcome {
  if (contractor === audit) return 'agree';
  if (contractor === words.reject && audit === words.approve) return 'false_positive';
  if (contractor === words.approve && audit === words.reject) return 'false_negative';
  return 'wrong_action';
}
