/**
 * A review-queue item (an avatar, community-award or brand-award submission, a reported post …):
 * pending → claimed → approved | rejected | escalated; escalated items may only close.
 */
import { defineMachine, type Effect } from '../kit/define-machine.js';
import { guardFailed, type MachineError } from '../kit/errors.js';
import type { EntityState, TransitionContext, TransitionRow } from '../kit/types.js';

/** Where a review item is. */
export type ReviewStatus = 'pending' | 'claimed' | 'approved' | 'rejected' | 'escalated' | 'closed';

/** A review item as folded from its events. */
export interface ReviewItemState extends EntityState<ReviewStatus> {
  /** The queue it belongs to (e.g. `avatars`, `community-awards`). */
  queue: string;
  /** `null` once released: cleared fields are `null`, never absent, so events survive a JSON round trip. */
  claimedBy?: string | null;
  claimedAt?: string | null;
  /** Set by approve/reject/escalate: who decided and when (for handling time). */
  decidedBy?: string;
  decidedAt?: string;
  team?: string;
  note?: string;
}

/** Commands a reviewer (or the system) can issue. */
export type ReviewCommand =
  | { type: 'claim'; reason?: string }
  | { type: 'release'; force?: boolean; reason?: string }
  | { type: 'approve'; reason?: string }
  | { type: 'reject'; reason: string }
  | { type: 'escalate'; team: string; reason: string }
  | { type: 'close'; reason?: string };

/** Guard failures specific to review items. */
export type ReviewGuard = 'reason_required' | 'unknown_team';

/** Context for review items: the teams escalations may go to. */
export interface ReviewContext extends TransitionContext {
  /** Allowed escalation teams; when omitted any non-empty team name is accepted. */
  teams?: readonly string[];
}

/** The allowed transitions, as data. */
export const reviewItemTable = [
  { command: 'claim', from: ['pending'], to: 'claimed' },
  { command: 'release', from: ['claimed'], to: 'pending' },
  { command: 'approve', from: ['claimed'], to: 'approved' },
  { command: 'reject', from: ['claimed'], to: 'rejected' },
  { command: 'escalate', from: ['pending', 'claimed'], to: 'escalated' },
  { command: 'close', from: ['escalated'], to: 'closed' },
] as const satisfies readonly TransitionRow<ReviewStatus, ReviewCommand['type']>[];

const decided = (ctx: TransitionContext): Partial<ReviewItemState> => ({
  decidedBy: ctx.actor,
  decidedAt: new Date(ctx.at).toISOString(),
});

function requireClaim(state: ReviewItemState, ctx: TransitionContext): MachineError<ReviewGuard> | undefined {
  if (state.status !== 'claimed' || state.claimedBy === ctx.actor) return undefined;
  return {
    code: 'NotClaimedBy',
    message: `${state.id} is claimed by ${state.claimedBy ?? 'nobody'}, not ${ctx.actor}`,
    actor: ctx.actor,
    ...(state.claimedBy != null ? { claimedBy: state.claimedBy } : {}),
  };
}

const fail = (error: MachineError<ReviewGuard>): Effect<ReviewItemState, ReviewGuard> => ({ ok: false, error });

/** The review-item machine. */
export const reviewItemMachine = defineMachine<ReviewItemState, ReviewCommand, ReviewContext, ReviewGuard>({
  name: 'review-item',
  states: ['pending', 'claimed', 'approved', 'rejected', 'escalated', 'closed'],
  initial: 'pending',
  table: reviewItemTable,
  precheck(state, command, ctx) {
    if (command.type === 'claim' && state.status === 'claimed' && state.claimedBy !== ctx.actor) {
      return {
        code: 'AlreadyClaimed',
        message: `${state.id} is already claimed by ${state.claimedBy ?? 'someone else'}`,
        claimedBy: state.claimedBy ?? 'unknown',
        ...(state.claimedAt != null ? { claimedAt: state.claimedAt } : {}),
      };
    }
    return undefined;
  },
  effects: {
    claim: (_s, _c, ctx) => ({ ok: true, changes: { claimedBy: ctx.actor, claimedAt: new Date(ctx.at).toISOString() } }),
    release: (state, command, ctx) => {
      const notHolder = command.force === true ? undefined : requireClaim(state, ctx);
      if (notHolder) return fail(notHolder);
      return { ok: true, changes: { claimedBy: null, claimedAt: null } };
    },
    approve: (state, _c, ctx) => {
      const notHolder = requireClaim(state, ctx);
      return notHolder ? fail(notHolder) : { ok: true, changes: decided(ctx) };
    },
    reject: (state, command, ctx) => {
      const notHolder = requireClaim(state, ctx);
      if (notHolder) return fail(notHolder);
      if (!command.reason?.trim()) return fail(guardFailed('reason_required', 'a rejection needs a reason the artist can act on'));
      return { ok: true, changes: { ...decided(ctx), note: command.reason } };
    },
    escalate: (state, command, ctx) => {
      const notHolder = requireClaim(state, ctx);
      if (notHolder) return fail(notHolder);
      if (!command.reason?.trim()) return fail(guardFailed('reason_required', 'an escalation needs a reason for the receiving team'));
      const teams = ctx.teams;
      if (!command.team.trim() || (teams !== undefined && !teams.includes(command.team))) {
        return fail(
          guardFailed('unknown_team', `unknown team "${command.team}"${teams ? ` (expected one of ${teams.join(', ')})` : ''}`, {
            team: command.team,
            ...(teams ? { teams: [...teams] } : {}),
          }),
        );
      }
      return { ok: true, changes: { ...decided(ctx), team: command.team, note: command.reason } };
    },
  },
});

/** Start a review item in `pending`. */
export function createReviewItem(id: string, queue: string, ctx: ReviewContext) {
  return reviewItemMachine.create(id, { queue }, ctx);
}
