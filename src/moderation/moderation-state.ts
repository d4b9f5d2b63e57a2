import type { Comment, Post, TriggerContext } from '@devvit/public-api';
import { isRemoval, type Item, type ModerationAction, type ModerationState } from '@creator-desk/core';
import { moderatorDecisionOf, type ModeratorDecision } from '../platform/records/moderator-decision.js';

type Ctx = Pick<TriggerContext, 'reddit' | 'subredditName'>;

/** How far back the mod log is searched for who approved an item (one page). */
const APPROVALS_SCANNED = 100;

/**
 * Who approved each of `thingIds`, from the newest approvals in the mod log (Reddit's post and comment
 * models do not say). Only items missing from that page stay unnamed; core then assumes a human.
 */
export async function approversOf(ctx: Ctx, thingIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (thingIds.length === 0) return out;
  const wanted = new Set(thingIds);
  const kinds = new Set(thingIds.map((id) => (id.startsWith('t1_') ? 'approvecomment' : 'approvelink')));
  for (const type of kinds) {
    const log = await ctx.reddit.getModerationLog({ subredditName: ctx.subredditName ?? '', type: type as 'approvelink' | 'approvecomment', limit: APPROVALS_SCANNED }).all();
    // Newest first: the first entry for an item is its latest approval.
    for (const a of log) {
      const id = a.target?.id;
      if (id && wanted.has(id) && !out.has(id)) out.set(id, a.moderatorName);
    }
  }
  return out;
}

/** Whether Reddit names the app (or no one) as the actor: then a moderator's record may say who decided. */
function actedByApp(name: string | undefined, appName: string): boolean {
  return name === undefined || name.toLowerCase() === appName.toLowerCase();
}

/**
 * An item's moderation state as core reads it: `approvedBy` from the mod log when given, and an
 * approval or removal the app performed for a moderator (`decision`) named as that moderator's.
 */
export function moderationStateOf(thing: Post | Comment, approvedBy: string | undefined, appName: string, decision?: ModeratorDecision): ModerationState {
  const removedBy = 'removedBy' in thing ? thing.removedBy : undefined;
  const state: ModerationState = {
    isRemoved: thing.removed,
    isApproved: thing.approved,
    ...(removedBy ? { removedBy } : {}),
    ...(thing.approved && approvedBy ? { approvedBy } : {}),
  };
  const byApp = (name: string | undefined) => actedByApp(name, appName);
  if (decision?.action === 'approve' && state.isApproved && byApp(state.approvedBy)) return { ...state, approvedBy: decision.by };
  if (decision?.action === 'remove' && state.isRemoved && state.removedBy !== undefined && byApp(state.removedBy)) return { ...state, removedBy: decision.by };
  return state;
}

/**
 * Reads an item's moderation state now, naming its approver when it is approved. An approval or
 * removal the app performed for a moderator (a mod-menu action) is that moderator's.
 */
export async function readModerationState(ctx: Ctx & Pick<TriggerContext, 'redis' | 'appName'>, thing: Post | Comment, forAction?: ModerationAction): Promise<ModerationState> {
  // Only what can veto `forAction` is looked up: an approval vetoes removals, a removal vetoes approve.
  const approvals = forAction === undefined || isRemoval(forAction);
  const removals = forAction === undefined || forAction === 'approve';
  const approvedBy = thing.approved && approvals ? (await approversOf(ctx, [thing.id])).get(thing.id) : undefined;
  const plain = moderationStateOf(thing, approvedBy, ctx.appName);
  const byApp = (name: string | undefined) => actedByApp(name, ctx.appName);
  const askRecord = (approvals && plain.isApproved && byApp(plain.approvedBy)) || (removals && plain.isRemoved && plain.removedBy !== undefined && byApp(plain.removedBy));
  return askRecord ? moderationStateOf(thing, approvedBy, ctx.appName, await moderatorDecisionOf(ctx.redis, thing.id)) : plain;
}

/** The state as a rules item's `moderation` (for core's explain and backtest). */
export function itemModeration(state: ModerationState): NonNullable<Item['moderation']> {
  return {
    is_removed: state.isRemoved,
    is_approved: state.isApproved,
    ...(state.removedBy ? { removed_by: state.removedBy } : {}),
    ...(state.approvedBy ? { approved_by: state.approvedBy } : {}),
  };
}
