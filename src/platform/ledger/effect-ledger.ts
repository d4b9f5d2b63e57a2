import type { RedisClient } from '@devvit/public-api';

/**
 * Exactly-once effects for one event. The ledger is a Redis hash keyed on the event (thing id +
 * event kind + edit time) with a TTL longer than Devvit's 4 h retry window. Each effect is claimed
 * atomically with HSETNX before it runs and marked done after; a failed effect releases its claim,
 * so the next delivery performs exactly the effects that have not happened yet.
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
  /** Performs the effect; may return a value (e.g. a created comment id) kept for later effects. */
  run: (results: ReadonlyMap<string, string>) => Promise<string | void>;
  /**
   * Asks Reddit whether the effect already happened; used only when taking over the claim of a
   * delivery that died, which may have performed the effect without recording it. `since` is when
   * that delivery claimed the effect: anything it did happened after.
   */
  alreadyDone?: (claim: { since: string }) => Promise<boolean>;
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
  for (const [i, effect] of effects.entries()) {
    if (Date.now() - startedAt > TIME_BUDGET_MS) throw new TimeBudgetExceeded(effects.slice(i).map((e) => e.key));
    const claim = `pending:${Date.now()}`;
    if (!(await redis.hSetNX(key, effect.key, claim))) {
      const state = (await redis.hGet(key, effect.key)) ?? '';
      if (state.startsWith('done')) {
        const value = state.slice('done:'.length);
        if (value) results.set(effect.key, value);
        outcome.alreadyDone.push(effect.key);
        continue;
      }
      const claimedAt = Number(state.slice('pending:'.length));
      if (Date.now() - claimedAt < STALE_CLAIM_MS) {
        // Another delivery of the same event is performing it right now.
        outcome.inFlight.push(effect.key);
        continue;
      }
      await redis.hSet(key, { [effect.key]: claim });
      if (effect.alreadyDone && (await effect.alreadyDone({ since: new Date(claimedAt || 0).toISOString() }))) {
        await persist(() => redis.hSet(key, { [effect.key]: 'done' }));
        outcome.alreadyDone.push(effect.key);
        continue;
      }
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
    outcome.performed.push(effect.key);
  }
  if (outcome.inFlight.length > 0) throw new EffectsInFlight(outcome.inFlight);
  return outcome;
}
