/**
 * §512(i) repeat-infringer policy: when a user reaches the threshold, a human reviews whether to terminate.
 * open → terminated | declined; only a moderator decides, and the decision is never taken by automation.
 */
import { defineMachine } from '../kit/define-machine.js';
import { guardFailed, type GuardFailed } from '../kit/errors.js';
import type { AuditEvent, EntityState, TransitionContext, TransitionRow } from '../kit/types.js';
import type { StrikeStanding } from './strike-status.js';

/** Where a termination review is. */
export type TerminationReviewStatus = 'open' | 'terminated' | 'declined';

/** A termination review as folded from its events. */
export interface TerminationReviewState extends EntityState<TerminationReviewStatus> {
  user: string;
  /** The strikes that reached the threshold (the evidence the reviewer looks at). */
  strikeIds: string[];
  threshold: number;
}

/** Commands on a termination review. */
export type TerminationReviewCommand = { type: 'terminate'; reason: string } | { type: 'decline'; reason: string };

/** Guard failures specific to termination reviews. */
export type TerminationReviewGuard = 'moderator_required' | 'reason_required';

/** The allowed transitions, as data. */
export const terminationReviewTable = [
  { command: 'terminate', from: ['open'], to: 'terminated' },
  { command: 'decline', from: ['open'], to: 'declined' },
] as const satisfies readonly TransitionRow<TerminationReviewStatus, TerminationReviewCommand['type']>[];

const decide = (command: TerminationReviewCommand, ctx: TransitionContext) => {
  if (ctx.role !== 'moderator') {
    return { ok: false as const, error: guardFailed('moderator_required' as const, 'only a moderator decides a termination review') };
  }
  if (!command.reason.trim()) return { ok: false as const, error: guardFailed('reason_required' as const, 'record the reasoning') };
  return { ok: true as const };
};

/** The termination-review machine. */
export const terminationReviewMachine = defineMachine<
  TerminationReviewState,
  TerminationReviewCommand,
  TransitionContext,
  TerminationReviewGuard
>({
  name: 'termination-review',
  states: ['open', 'terminated', 'declined'],
  initial: 'open',
  table: terminationReviewTable,
  effects: { terminate: (_s, c, ctx) => decide(c, ctx), decline: (_s, c, ctx) => decide(c, ctx) },
});

/**
 * A stable id for the review of `user` over these strikes, so a job that runs twice opens one review, and a
 * new review opens only when the set of counted strikes changes.
 */
export function terminationReviewId(user: string, strikeIds: readonly string[]): string {
  return `termination:${user.toLowerCase()}:${[...strikeIds].sort().join(',')}`;
}

/** Open a review when the standing says the repeat-infringer threshold is reached; refuse otherwise. */
export function openTerminationReview(
  user: string,
  standing: StrikeStanding,
  ctx: TransitionContext,
):
  | { ok: true; state: TerminationReviewState; audit: AuditEvent<TerminationReviewState, TerminationReviewCommand['type']> }
  | { ok: false; error: GuardFailed<'threshold_not_reached'> } {
  const ri = standing.repeatInfringer;
  if (!ri.terminationReviewDue) {
    return {
      ok: false,
      error: guardFailed('threshold_not_reached', `${user} has ${ri.count} of ${ri.threshold} repeat-infringer strikes`),
    };
  }
  const strikeIds = ri.strikeIds;
  return terminationReviewMachine.create(terminationReviewId(user, strikeIds), { user, strikeIds: [...strikeIds], threshold: ri.threshold }, ctx);
}
