import type { RedisClient } from '@devvit/public-api';
import { LEDGER_TTL_SECONDS, runEffectsOnce, type Effect, type LedgerOutcome } from './effect-ledger.js';
import { shortHash } from '../hash.js';
import { KEYS } from '../keys.js';

/** An operation's inputs as first submitted; every later delivery of it uses these, not its own. */
export interface Operation<T> {
  opId: string;
  actor: string;
  /** ISO instant of the first submission: the time recorded in every event of the operation. */
  at: string;
  values: T;
}

/**
 * Called when a menu item opens a form: returns the operation id its submission will use. An
 * unfinished operation on the same item is reused, so a moderator who retries after an error
 * completes it instead of starting a second one; a finished one is replaced by a fresh id.
 */
export async function openOperation(redis: RedisClient, action: string, thingId: string): Promise<string> {
  const key = KEYS.openOperation(action, thingId);
  const existing = await redis.get(key);
  if (existing && !(await redis.hGet(KEYS.ledger(existing), '_done'))) return existing;
  const opId = `${action}-${thingId}-${Date.now().toString(36)}`;
  await redis.set(key, opId, { expiration: new Date(Date.now() + LEDGER_TTL_SECONDS * 1000) });
  return opId;
}

/**
 * Called by a form submission: finds the operation its menu item opened (or, if that record is
 * gone, derives one from the values) and freezes its inputs on first delivery. Duplicate and
 * retried submissions get the frozen operation back.
 */
export async function beginOperation<T>(redis: RedisClient, action: string, thingId: string, actor: string, values: T): Promise<Operation<T> & { complete: boolean }> {
  const opId = (await redis.get(KEYS.openOperation(action, thingId))) ?? `${action}-${thingId}-${shortHash(`${actor}\n${JSON.stringify(values)}`)}`;
  return beginKeyedOperation(redis, opId, actor, values);
}

/** Like {@link beginOperation} for an operation whose id the caller already knows (jobs, subreddit forms). */
export async function beginKeyedOperation<T>(redis: RedisClient, opId: string, actor: string, values: T): Promise<Operation<T> & { complete: boolean }> {
  const key = KEYS.ledger(opId);
  const fresh: Operation<T> = { opId, actor, at: new Date().toISOString(), values };
  if (await redis.hSetNX(key, '_input', JSON.stringify(fresh))) {
    await redis.expire(key, LEDGER_TTL_SECONDS);
    return { ...fresh, complete: false };
  }
  const [input, done] = await redis.hMGet(key, ['_input', '_done']);
  const frozen = input ? (JSON.parse(input) as Operation<T>) : fresh;
  return { ...frozen, complete: Boolean(done) };
}

/**
 * Performs an operation's effects exactly once each (the rules' effect ledger, within its time
 * budget) and marks the operation complete when every effect is done.
 */
export async function runOperation(redis: RedisClient, opId: string, effects: readonly Effect[]): Promise<LedgerOutcome> {
  const outcome = await runEffectsOnce(redis, KEYS.ledger(opId), effects);
  await redis.hSet(KEYS.ledger(opId), { _done: new Date().toISOString() });
  return outcome;
}

/** A short message for a failed delivery: what to do next. */
export function retryMessage(e: unknown): string {
  const why = e instanceof Error ? e.message : String(e);
  return `creator-desk: not finished (${why.slice(0, 120)}). Submit again: only the missing steps will run.`;
}
