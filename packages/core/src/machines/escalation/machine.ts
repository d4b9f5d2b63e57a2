/**
 * An escalation record: something a moderator or rule routes to another team.
 * open → escalated(team) → closed; an open record may also close directly; escalated ones may only close.
 */
import { defineMachine } from '../kit/define-machine.js';
import { guardFailed } from '../kit/errors.js';
import type { EntityState, TransitionContext, TransitionRow } from '../kit/types.js';
import { escalationConfigSchema, type EscalationConfig } from './config.js';

/** Where an escalation is. */
export type EscalationStatus = 'open' | 'escalated' | 'closed';

/** An escalation as folded from its events. */
export interface EscalationState extends EntityState<EscalationStatus> {
  /** What is escalated: a post/comment id (`t3_…`), a review item, a ticket. */
  itemId: string;
  /** Where it came from, e.g. `mod-menu`, `rule:12`, `review-queue`. */
  source: string;
  team?: string;
  escalatedBy?: string;
  escalatedAt?: string;
  escalationReason?: string;
  resolution?: string;
}

/** Commands on an escalation. */
export type EscalationCommand =
  | { type: 'escalate'; team: string; reason: string }
  | { type: 'close'; resolution: string; reason?: string };

/** Guard failures specific to escalations. */
export type EscalationGuard = 'unknown_team' | 'reason_required' | 'resolution_required';

/** Context: the configured teams (defaults: Legal, Trust & Safety, Brand, Engineering). */
export interface EscalationContext extends TransitionContext {
  config?: EscalationConfig;
}

/** The allowed transitions, as data. */
export const escalationTable = [
  { command: 'escalate', from: ['open'], to: 'escalated' },
  { command: 'close', from: ['open', 'escalated'], to: 'closed' },
] as const satisfies readonly TransitionRow<EscalationStatus, EscalationCommand['type']>[];

const defaultConfig = escalationConfigSchema.parse({});

/** The escalation machine. */
export const escalationMachine = defineMachine<EscalationState, EscalationCommand, EscalationContext, EscalationGuard>({
  name: 'escalation',
  states: ['open', 'escalated', 'closed'],
  initial: 'open',
  table: escalationTable,
  effects: {
    escalate: (_s, command, ctx) => {
      const teams = (ctx.config ?? defaultConfig).teams;
      // Match case-insensitively but record the configured spelling, so reports group by one name.
      const team = teams.find((t) => t.toLowerCase() === command.team.trim().toLowerCase());
      if (team === undefined) {
        return {
          ok: false,
          error: guardFailed('unknown_team', `unknown team "${command.team}" (expected one of ${teams.join(', ')})`, { team: command.team, teams }),
        };
      }
      if (!command.reason.trim()) return { ok: false, error: guardFailed('reason_required', 'say why, so the team can act without asking') };
      return {
        ok: true,
        changes: { team, escalatedBy: ctx.actor, escalatedAt: new Date(ctx.at).toISOString(), escalationReason: command.reason },
      };
    },
    close: (_s, command) =>
      command.resolution.trim()
        ? { ok: true, changes: { resolution: command.resolution } }
        : { ok: false, error: guardFailed('resolution_required', 'closing needs a resolution (what the team decided)') },
  },
});

/** Open an escalation record for an item. */
export function openEscalation(id: string, item: { itemId: string; source: string }, ctx: EscalationContext) {
  return escalationMachine.create(id, { itemId: item.itemId, source: item.source }, ctx);
}
