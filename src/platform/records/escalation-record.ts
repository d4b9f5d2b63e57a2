import type { RedisClient } from '@devvit/public-api';
import { escalationMachine, openEscalation, type EscalationConfig, type EscalationState } from '@creator-desk/core';
import { appendToLog, loadEntity, loadIndexed } from './event-store.js';
import { KEYS } from '../keys.js';
import type { Effect } from '../ledger/effect-ledger.js';

/** One escalation to record: the item, whose content it is, where it came from, the team and why. */
export interface EscalationInput {
  id: string;
  itemId: string;
  /** Author of the item (indexed for the modmail user summary). */
  user: string;
  source: string;
  team: string;
  reason: string;
  actor: string;
  /** `system` when the app records it on a rule's behalf; a moderator otherwise. */
  role?: 'moderator' | 'system';
  at: string;
  config: EscalationConfig;
}

/**
 * Records an escalation through core's machine: a `create` and an `escalate` event appended to
 * `cd:escalation:events:{id}` and the id indexed for the queues. The one escalation layout: the
 * mod-menu actions and the rules' `escalate:` action both record through here. Safe to repeat: events already in
 * the log are not appended twice. Returns the state, or the machine's refusal (e.g. unknown team).
 */
export async function recordEscalation(redis: RedisClient, input: EscalationInput): Promise<{ ok: true; state: EscalationState } | { ok: false; message: string }> {
  const ctx = { at: input.at, actor: input.actor, role: input.role ?? ('moderator' as const), config: input.config };
  const refused = await appendToLog<EscalationState, string | undefined>(redis, escalationMachine.name, input.id, (existing) => {
    if (existing.some((e) => e.command === 'escalate')) return { append: [], result: undefined };
    const created = existing[0] ?? openEscalation(input.id, { itemId: input.itemId, source: input.source }, ctx).audit;
    const base = escalationMachine.replay([created] as never);
    if (!base.ok) return { append: [], result: base.error.message };
    const r = escalationMachine.transition(base.state, { type: 'escalate', team: input.team, reason: input.reason }, ctx);
    if (!r.ok) return { append: [], result: r.error.message };
    return { append: existing[0] ? [r.audit] : [created, r.audit], result: undefined };
  });
  if (refused !== undefined) return { ok: false, message: refused };
  const score = Date.parse(input.at);
  await redis.zAdd(KEYS.escalationIndex, { member: input.id, score });
  await redis.zAdd(KEYS.escalationsOfUser(input.user), { member: input.id, score });
  await redis.zAdd(KEYS.escalationsOfItem(input.itemId), { member: input.id, score });
  const state = await loadEntity(redis, escalationMachine, input.id);
  return state ? { ok: true, state } : { ok: false, message: `escalation ${input.id} was not recorded` };
}

/** A user's escalations (newest last), with status derived from their events. */
export function escalationsOfUser(redis: RedisClient, user: string): Promise<EscalationState[]> {
  return loadIndexed(redis, escalationMachine, KEYS.escalationsOfUser(user));
}

/**
 * The `escalate` step of a mod-menu operation: records the escalation under an id derived from
 * the operation (so every retry records the same one) or fails the delivery with the machine's
 * refusal.
 */
export function escalationEffect(redis: RedisClient, op: { opId: string; actor: string; at: string }, input: Omit<EscalationInput, 'id' | 'actor' | 'at'>): Effect {
  return {
    key: 'escalate',
    run: async () => {
      const r = await recordEscalation(redis, { id: `esc-${op.opId}`, actor: op.actor, at: op.at, ...input });
      if (!r.ok) throw new Error(r.message);
    },
  };
}
