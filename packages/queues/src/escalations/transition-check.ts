import { escalationMachine, openEscalation, reviewItemTable, type ReviewStatus as MachineStatus } from '@creator-desk/core';
import type { ReviewStatus } from '../readers/review-submissions.js';

/**
 * The review tool's statuses in the core review-item machine's terms: `in_review` and
 * `waiting_on_artist` are both "claimed" (waiting only pauses the SLA clock).
 */
export function machineStatusOf(status: ReviewStatus): MachineStatus {
  switch (status) {
    case 'in_review':
    case 'waiting_on_artist':
      return 'claimed';
    default:
      return status;
  }
}

/**
 * Whether the review-item machine allows a status change; an explanation when not. An escalated item
 * may only close, so e.g. escalated → approved is refused.
 */
export function checkReviewTransition(from: ReviewStatus, to: ReviewStatus): string | undefined {
  // Seven statuses make 49 answers; every history of 100,000 submissions asks for the same few.
  let row = verdicts.get(from);
  if (!row) verdicts.set(from, (row = new Map()));
  if (row.has(to)) return row.get(to);
  const verdict = transitionVerdict(from, to);
  row.set(to, verdict);
  return verdict;
}

const verdicts = new Map<ReviewStatus, Map<ReviewStatus, string | undefined>>();

function transitionVerdict(from: ReviewStatus, to: ReviewStatus): string | undefined {
  const a = machineStatusOf(from);
  const b = machineStatusOf(to);
  if (a === b) return undefined;
  if (reviewItemTable.some((row) => row.to === b && (row.from as readonly MachineStatus[]).includes(a))) return undefined;
  const allowed = reviewItemTable.filter((row) => (row.from as readonly MachineStatus[]).includes(a)).map((row) => row.to);
  return allowed.length ? `from ${a} the review-item machine allows only ${[...new Set(allowed)].join(', ')}` : `${a} is final`;
}

/** Checks a routed escalation against the escalation machine (known team, a reason); an error or undefined. */
export function checkEscalation(itemId: string, team: string, reason: string, at: Date): string | undefined {
  const ctx = { at, actor: 'creator-desk', role: 'system' as const };
  const opened = openEscalation(`esc:${itemId}`, { itemId, source: 'review-queue' }, ctx);
  const result = escalationMachine.transition(opened.state, { type: 'escalate', team, reason }, ctx);
  return result.ok ? undefined : result.error.message;
}
