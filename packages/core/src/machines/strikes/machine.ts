/**
 * A strike against a user: proposed (by a rule, a takedown or a moderator) → confirmed by a moderator, or
 * dismissed; a confirmed strike can be revoked on appeal. Bans are never automatic: confirming records the
 * ladder step a moderator agreed to, and the app performs it as that moderator's action.
 */
import { defineMachine, toIso } from '../kit/define-machine.js';
import { guardFailed } from '../kit/errors.js';
import type { EntityState, TransitionContext, TransitionRow } from '../kit/types.js';
import type { StrikeLadderConfig } from './config.js';
import { strikeStatus } from './strike-status.js';

/** Where a strike is. */
export type StrikeStatus = 'proposed' | 'confirmed' | 'dismissed' | 'revoked';

/** The enforcement recorded when a strike is confirmed. */
export type StrikeAction =
  | { action: 'none' }
  | { action: 'warn' }
  | { action: 'temp_ban'; durationDays: number; endsAt: string }
  | { action: 'perm_ban' };

/** A strike as folded from its events. */
export interface StrikeState extends EntityState<StrikeStatus> {
  user: string;
  /** e.g. `copyright`, `ai-generated`, `harassment`; repeat-infringer counting uses the configured kinds. */
  kind: string;
  reason: string;
  /** What caused it: a takedown case id, `rule:12`, a permalink. */
  source?: string;
  proposedBy: string;
  confirmedBy?: string;
  confirmedAt?: string;
  /** The ladder step applied on confirmation, and whether the moderator chose it instead of the ladder's. */
  enforcement?: StrikeAction;
  overridden?: boolean;
}

/** Commands on a strike. */
export type StrikeCommand =
  /** `action` lets the moderator choose a different step than the ladder proposes (recorded as an override). */
  | { type: 'confirm'; action?: 'none' | 'warn' | 'temp_ban' | 'perm_ban'; durationDays?: number; reason?: string }
  | { type: 'dismiss'; reason: string }
  | { type: 'revoke'; reason: string };

/** Guard failures specific to strikes. */
export type StrikeGuard = 'moderator_required' | 'reason_required' | 'duration_required';

/** Context for confirming: the user's other strikes and the ladder. */
export interface StrikeContext extends TransitionContext {
  config?: StrikeLadderConfig;
  /** The same user's other strikes, to find the ladder step. */
  userStrikes?: readonly StrikeState[];
}

/** The allowed transitions, as data. */
export const strikeTable = [
  { command: 'confirm', from: ['proposed'], to: 'confirmed' },
  { command: 'dismiss', from: ['proposed'], to: 'dismissed' },
  { command: 'revoke', from: ['confirmed'], to: 'revoked' },
] as const satisfies readonly TransitionRow<StrikeStatus, StrikeCommand['type']>[];

const DAY_MS = 86_400_000;
const needsModerator = (ctx: TransitionContext) =>
  ctx.role === 'moderator'
    ? undefined
    : guardFailed('moderator_required' as const, `only a moderator can decide on a strike (${ctx.actor} acts as ${ctx.role ?? 'unknown'})`);

/** The strike machine. */
export const strikeMachine = defineMachine<StrikeState, StrikeCommand, StrikeContext, StrikeGuard>({
  name: 'strike',
  states: ['proposed', 'confirmed', 'dismissed', 'revoked'],
  initial: 'proposed',
  table: strikeTable,
  effects: {
    confirm: (state, command, ctx) => {
      const denied = needsModerator(ctx);
      if (denied) return { ok: false, error: denied };
      const at = toIso(ctx.at);
      const others = (ctx.userStrikes ?? []).filter((s) => s.id !== state.id);
      const proposed = ctx.config ? strikeStatus(others, new Date(at), ctx.config).nextStep : undefined;
      const chosen = command.action ?? proposed?.action ?? 'none';
      let enforcement: StrikeAction;
      if (chosen === 'temp_ban') {
        const days = command.durationDays ?? (proposed?.action === 'temp_ban' ? proposed.durationDays : undefined);
        if (days === undefined || !Number.isInteger(days) || days < 1 || days > 999) {
          return { ok: false, error: guardFailed('duration_required', 'a temporary ban needs a duration of 1–999 days') };
        }
        enforcement = { action: 'temp_ban', durationDays: days, endsAt: new Date(Date.parse(at) + days * DAY_MS).toISOString() };
      } else {
        enforcement = { action: chosen };
      }
      const overridden =
        command.action !== undefined &&
        (proposed === undefined ||
          proposed.action !== enforcement.action ||
          (enforcement.action === 'temp_ban' && proposed.action === 'temp_ban' && proposed.durationDays !== enforcement.durationDays));
      return { ok: true, changes: { confirmedBy: ctx.actor, confirmedAt: at, enforcement, overridden } };
    },
    dismiss: (_s, command, ctx) => {
      const denied = needsModerator(ctx);
      if (denied) return { ok: false, error: denied };
      return command.reason.trim() ? { ok: true } : { ok: false, error: guardFailed('reason_required', 'say why the strike is dismissed') };
    },
    revoke: (_s, command, ctx) => {
      const denied = needsModerator(ctx);
      if (denied) return { ok: false, error: denied };
      return command.reason.trim() ? { ok: true } : { ok: false, error: guardFailed('reason_required', 'say why the strike is revoked') };
    },
  },
});

/** What a new strike proposal needs. */
export interface NewStrike {
  id: string;
  user: string;
  kind: string;
  reason: string;
  source?: string;
}

/** Propose a strike; anyone (a rule, a takedown, a moderator) may propose, only a moderator confirms. */
export function proposeStrike(input: NewStrike, ctx: TransitionContext) {
  return strikeMachine.create(
    input.id,
    {
      user: input.user,
      kind: input.kind,
      reason: input.reason,
      proposedBy: ctx.actor,
      ...(input.source !== undefined ? { source: input.source } : {}),
    },
    ctx,
  );
}
