import type { RedisClient } from '@devvit/public-api';
import { proposeStrike, strikeMachine, strikeStatus, type StrikeLadderConfig, type StrikeStanding, type StrikeState } from '@creator-desk/core';
import { setDue } from '../due/due-schedule.js';
import { appendToLog, loadEntity, loadIndexed, type LogGuard } from './event-store.js';
import { KEYS } from '../keys.js';

/** A user's strikes, oldest first, each folded from its events. */
export function strikesOfUser(redis: RedisClient, user: string): Promise<StrikeState[]> {
  return loadIndexed(redis, strikeMachine, KEYS.strikesOfUser(user));
}

/** A strike a moderator issues (proposed and confirmed in one operation). */
export interface StrikeInput {
  id: string;
  user: string;
  kind: string;
  reason: string;
  source?: string;
  actor: string;
  at: string;
  /** A step other than the ladder's (recorded as an override); undefined = the ladder's next step. */
  action?: 'none' | 'warn' | 'temp_ban' | 'perm_ban';
  durationDays?: number;
  ladder: StrikeLadderConfig;
}

/** A strike a rule proposes for an item; it counts only once a moderator confirms it. */
export interface StrikeProposalInput {
  id: string;
  user: string;
  kind: string;
  reason: string;
  /** The post/comment the rule matched: the Strike menu on it confirms the proposal. */
  itemId: string;
  source: string;
  /** The app's account. */
  actor: string;
  at: string;
}

/**
 * Records a rule's strike proposal in the same store as moderators' strikes: a core strike-machine
 * `create` event (status `proposed`, role `system`) indexed under the user, the pending-proposals
 * queue and the item. Safe to repeat: an existing log is left as it is.
 */
export async function recordStrikeProposal(redis: RedisClient, input: StrikeProposalInput): Promise<StrikeState> {
  await appendToLog<StrikeState, void>(redis, strikeMachine.name, input.id, (existing) => ({
    append: existing.length === 0 ? [proposeStrike(input, { at: input.at, actor: input.actor, role: 'system' }).audit] : [],
    result: undefined,
  }));
  const score = Date.parse(input.at);
  await redis.zAdd(KEYS.strikesOfUser(input.user), { member: input.id, score });
  const state = await loadEntity(redis, strikeMachine, input.id);
  if (!state) throw new Error(`strike proposal ${input.id} was not recorded`);
  if (state.status === 'proposed') {
    await redis.zAdd(KEYS.strikeProposals, { member: input.id, score });
    await redis.set(KEYS.strikeProposalOfItem(input.itemId), input.id);
  }
  return state;
}

/** The strike a rule proposed for an item and no moderator has decided yet, if any. */
export async function pendingProposalOfItem(redis: RedisClient, thingId: string): Promise<StrikeState | undefined> {
  const id = await redis.get(KEYS.strikeProposalOfItem(thingId));
  const s = id ? await loadEntity(redis, strikeMachine, id) : undefined;
  return s?.status === 'proposed' ? s : undefined;
}

/**
 * Records a confirmed strike through core's strike machine (propose → confirm by the moderator)
 * and indexes it under the user. With the id of a rule's pending proposal it confirms that
 * proposal (its kind and reason stay the rule's; the moderator's reason goes into the confirm
 * event) and takes it off the proposals queue. Safe to repeat: an existing log is returned as it
 * is, so the enforcement chosen on first delivery is the one every retry performs.
 */
export async function recordStrike(redis: RedisClient, input: StrikeInput): Promise<{ ok: true; state: StrikeState } | { ok: false; message: string }> {
  const decided = await appendToLog<StrikeState, { refused?: string; proposedBySystem: boolean }>(redis, strikeMachine.name, input.id, async (existing) => {
    const proposedBySystem = existing[0]?.role === 'system';
    if (existing.some((e) => e.command === 'confirm')) return { append: [], result: { proposedBySystem } };
    const ctx = { at: input.at, actor: input.actor, role: 'moderator' as const };
    const proposed = existing[0] ? strikeMachine.replay([existing[0]] as never) : { ok: true as const, state: proposeStrike(input, ctx).state };
    if (!proposed.ok) return { append: [], result: { refused: proposed.error.message, proposedBySystem } };
    const created = existing[0] ?? proposeStrike(input, ctx).audit;
    const others = (await strikesOfUser(redis, input.user)).filter((s) => s.id !== input.id);
    const command = {
      type: 'confirm' as const,
      ...(input.action !== undefined ? { action: input.action } : {}),
      ...(input.durationDays !== undefined ? { durationDays: input.durationDays } : {}),
      ...(existing[0] && input.reason !== proposed.state.reason ? { reason: input.reason } : {}),
    };
    const r = strikeMachine.transition(proposed.state, command, { ...ctx, config: input.ladder, userStrikes: others });
    if (!r.ok) return { append: [], result: { refused: r.error.message, proposedBySystem } };
    return { append: existing[0] ? [r.audit] : [created, r.audit], result: { proposedBySystem } };
  }, userStrikesGuard(input));
  if (decided.refused !== undefined) return { ok: false, message: decided.refused };
  // A rule's proposal (created by the app as `system`) leaves the queue once a moderator confirms it.
  if (decided.proposedBySystem) await redis.zRem(KEYS.strikeProposals, [input.id]);
  const state = await loadEntity(redis, strikeMachine, input.id);
  return state ? { ok: true, state } : { ok: false, message: `strike ${input.id} was not recorded` };
}

/**
 * The ladder step depends on the user's other strikes, read inside the decision: every confirm bumps the
 * user's strike version in its MULTI, and every confirm watches it, so two strikes confirmed for one user
 * at the same moment cannot both see "no earlier strike" (the second retries and sees the first). The
 * index entry is written in the same MULTI, so a confirmed strike is never missing from the user's list.
 */
function userStrikesGuard(input: StrikeInput): LogGuard {
  const version = KEYS.strikeVersionOfUser(input.user);
  return {
    keys: [version],
    writes: [(tx) => tx.incrBy(version, 1), (tx) => tx.zAdd(KEYS.strikesOfUser(input.user), { member: input.id, score: Date.parse(input.at) })],
  };
}

/**
 * Writes the user's active-strike count (the rules engine's `strikes` fact) and asks the next-due
 * job to look again when the oldest active strike expires, so the count steps down on time.
 */
export async function refreshStrikeCount(redis: RedisClient, user: string, ladder: StrikeLadderConfig, now: Date): Promise<StrikeStanding> {
  const standing = strikeStatus(await strikesOfUser(redis, user), now, ladder);
  await redis.set(KEYS.strikeCount(user), String(standing.active.length));
  await setDue(redis, `strikes:${user.toLowerCase()}`, standing.nextExpiryAt);
  return standing;
}
