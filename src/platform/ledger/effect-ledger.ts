import type { RedisClient, TxClientLike } from '@devvit/public-api';
import { atomically } from './optimistic.js';

/**
 * Exactly-once effects for one event. The ledger is a Redis hash keyed on the event (thing id +
 * event kind + edit time) with a TTL longer than Devvit's 4 h retry window. Each effect is claimed
 * atomically with HSETNX before it runs and marked done after; a failed effect releases its claim,
 * so the next delivery performs exactly the effects that have not happened yet. Taking over the
 * claim of a delivery that died is one optimistic transaction (WATCH the ledger, read the claim,
 * MULTI/EXEC the new one), so of two deliveries racing for it exactly one wins; the winner asks
 * Reddit whether the dead delivery already performed the effect before performing it again.
 *
 * A delivery that finds an effect claimed by another, still-live delivery does not skip it
 * silently: it finishes what it can and then throws `EffectsInFlight`, so the runtime delivers the
 * event again later and the effect is confirmed (or, if its owner died, reclaimed and performed).
 */
export const LEDGER_TTL_SECONDS = 6 * 3600;

/** A claim older than this belongs to a delivery that died (Devvit stops handlers at 30 s). */
const STALE_CLAIM_MS = 35_000;

/** Thrown when another delivery holds some effects of this event: deliver again later. */
export class EffectsInFlight extends Error {
  constructor(readonly effects: string[]) {
    super(`effects of this event are being performed by another delivery: ${effects.join(', ')}; retry later`);
    this.name = 'EffectsInFlight';
  }
}

/** Devvit stops a handler at 30 s; effects not started by then are left to the next delivery. */
export const TIME_BUDGET_MS = 20_000;

/** Thrown when a delivery stops starting effects for time: the next delivery performs the rest. */
export class TimeBudgetExceeded extends Error {
  constructor(readonly remaining: string[]) {
    super(`time budget of ${TIME_BUDGET_MS / 1000} s used up before: ${remaining.join(', ')}; deliver again to finish`);
    this.name = 'TimeBudgetExceeded';
  }
}

export interface Effect {
  /** Stable name of the effect within the event, e.g. "1:remove" or "1:comment". */
  key: string;
  /**
   * Effects whose results this one reads (e.g. distinguishing needs the comment's id). While one of
   * them is being performed by another delivery, this one waits for a later delivery too.
   */
  needs?: readonly string[];
  /** Performs the effect; may return a value (e.g. a created comment id) kept for later effects. */
  run: (results: ReadonlyMap<string, string>) => Promise<string | void>;
  /**
   * Asks Reddit whether the effect already happened; used only when taking over the claim of a
   * delivery that died, which may have performed the effect without recording it. `since` is when
   * that delivery claimed the effect: anything it did happened after. A string answer is "yes", with
   * the value `run` would have returned (e.g. the id of the comment the dead delivery posted).
   */
  alreadyDone?: (claim: { since: string }) => Promise<boolean | string>;
}

/** Ledger writes are retried a few times: losing one would repeat or drop an effect. */
async function persist(op: () => Promise<unknown>, attempts = 3): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await op();
      return;
    } catch (e) {
      if (i >= attempts) throw e;
    }
  }
}

export interface LedgerOutcome {
  performed: string[];
  alreadyDone: string[];
  inFlight: string[];
}

/** The ledger key of an event. */
export function ledgerKey(thingId: string, eventKind: string, editTime: string | number): string {
  return `cd:fx:${thingId}:${eventKind}:${editTime}`;
}

/**
 * Runs each effect at most once per event across duplicate and retried deliveries. No effect is
 * started once `startedAt` (the handler's start; default now) is more than TIME_BUDGET_MS ago:
 * the delivery throws TimeBudgetExceeded instead of being killed mid-effect at 30 s.
 */
export async function runEffectsOnce(redis: RedisClient, key: string, effects: readonly Effect[], opts: { startedAt?: number } = {}): Promise<LedgerOutcome> {
  const startedAt = opts.startedAt ?? Date.now();
  const outcome: LedgerOutcome = { performed: [], alreadyDone: [], inFlight: [] };
  if (effects.length === 0) return outcome;
  if (await redis.hSetNX(key, '_event', new Date().toISOString())) {
    await redis.expire(key, LEDGER_TTL_SECONDS);
  }
  const results = new Map<string, string>();
  const settled = new Set<string>();
  const listed = new Set(effects.map((e) => e.key));
  for (const [i, effect] of effects.entries()) {
    if (Date.now() - startedAt > TIME_BUDGET_MS) throw new TimeBudgetExceeded(effects.slice(i).map((e) => e.key));
    if (effect.needs?.some((n) => listed.has(n) && !settled.has(n))) {
      outcome.inFlight.push(effect.key);
      continue;
    }
    const claim = await claimEffect(redis, key, effect.key);
    if (claim.kind === 'done') {
      if (claim.value) results.set(effect.key, claim.value);
      settled.add(effect.key);
      outcome.alreadyDone.push(effect.key);
      continue;
    }
    if (claim.kind === 'in-flight') {
      // Another delivery of the same event is performing it right now.
      outcome.inFlight.push(effect.key);
      continue;
    }
    // A failed check leaves the claim as it is: it turns stale again and the next taker asks anew
    // (releasing it would let a fresh claim skip the check).
    const found = claim.kind === 'taken-over' && effect.alreadyDone ? await effect.alreadyDone({ since: claim.since }) : false;
    if (found !== false) {
      if (typeof found === 'string' && found) results.set(effect.key, found);
      await persist(() => redis.hSet(key, { [effect.key]: typeof found === 'string' && found ? `done:${found}` : 'done' }));
      settled.add(effect.key);
      outcome.alreadyDone.push(effect.key);
      continue;
    }
    let value: string | void;
    try {
      value = await effect.run(results);
    } catch (e) {
      await persist(() => redis.hDel(key, [effect.key]));
      throw e;
    }
    if (value) results.set(effect.key, value);
    await persist(() => redis.hSet(key, { [effect.key]: value ? `done:${value}` : 'done' }));
    settled.add(effect.key);
    outcome.performed.push(effect.key);
  }
  if (outcome.inFlight.length > 0) throw new EffectsInFlight(outcome.inFlight);
  return outcome;
}

type Claim = { kind: 'claimed' } | { kind: 'taken-over'; since: string } | { kind: 'done'; value: string } | { kind: 'in-flight' };

/** A claim names when it was made and by whom, so a delivery recognises its own after a retried EXEC. */
const newClaim = (): string => `pending:${Date.now()}:${Math.random().toString(36).slice(2, 10)}`;
const claimedAt = (state: string): number => Number(state.split(':')[1]);

/**
 * Claims one effect of the event for this delivery. The common case is one HSETNX; only when the
 * field exists is it read, inside an optimistic transaction, so a take-over of a stale claim (or a
 * claim released in between) never reads then writes unguarded.
 */
async function claimEffect(redis: RedisClient, key: string, field: string): Promise<Claim> {
  const mine = newClaim();
  if (await redis.hSetNX(key, field, mine)) return { kind: 'claimed' };
  // A done effect stays done and a live claim is left alone: neither needs more than this read.
  const seen = await redis.hGet(key, field);
  const settled = seen === undefined ? undefined : settledClaim(seen);
  if (settled) return settled;
  return atomically<Claim>(redis, [key], async () => {
    const state = await redis.hGet(key, field);
    if (state === mine) return { value: { kind: 'claimed' } };
    const claim = (tx: TxClientLike) => tx.hSet(key, { [field]: mine });
    // Released by a delivery whose effect failed: claim it afresh.
    if (state === undefined) return { value: { kind: 'claimed' }, writes: [claim] };
    const now = settledClaim(state);
    if (now) return { value: now };
    const at = claimedAt(state);
    return { value: { kind: 'taken-over', since: new Date(Number.isFinite(at) ? at : 0).toISOString() }, writes: [claim] };
  });
}

/** A done effect, or a claim another delivery made less than STALE_CLAIM_MS ago; undefined = free to take over. */
function settledClaim(state: string): Claim | undefined {
  if (state.startsWith('done')) return { kind: 'done', value: state.slice('done:'.length) };
  const at = claimedAt(state);
  return Number.isFinite(at) && Date.now() - at < STALE_CLAIM_MS ? { kind: 'in-flight' } : undefined;
}
