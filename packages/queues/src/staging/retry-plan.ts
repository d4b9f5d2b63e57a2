import type { StagingConfig } from '../readers/queue-config.js';
import type { StagingItem } from '../readers/staging-items.js';
import { backoffMinutes } from './backoff.js';
import { classifyError, type ErrorClass } from './classify-error.js';
import { retryIdempotencyKey } from './idempotency-key.js';
import type { RetryRequestRecord, RetryState } from './retry-state.js';
import type { StageAssessment } from './stage-health.js';

/** A request for the upload-retry tool. */
export interface RetryRequest {
  key: string;
  itemId: string;
  submissionId?: string;
  artist?: string;
  stage: string;
  /** The attempt this retry will be: attempts so far + 1 (or later, when the state knows of more). */
  retry: number;
  attemptsSoFar: number;
  reason: string;
  lastError?: string;
  requestedAt: Date;
  /** When this run would ask again if the item is unchanged (the request seems lost). */
  nextRequestAt: Date;
  /** How many times this logical retry has been requested, this run included. */
  timesRequested: number;
}

/** A retry that is not asked for in this run, and why. */
export interface RetryHeld {
  key: string;
  itemId: string;
  stage: string;
  retry: number;
  status: 'backing_off' | 'already_requested';
  /** When it becomes due (backing off) or may be re-asked (already requested). */
  until: Date;
}

export interface DeadLetter {
  itemId: string;
  submissionId?: string;
  artist?: string;
  stage: string;
  attempts: number;
  errorClass: ErrorClass;
  lastError?: string;
  reason: string;
}

export interface RetryPlan {
  requests: RetryRequest[];
  held: RetryHeld[];
  deadLetters: DeadLetter[];
  /** The state after this run: previous records plus this run's requests. */
  nextState: RetryState;
}

const MINUTE = 60_000;
// The order `localeCompare` gives, from one collator: `localeCompare` sets up its comparison on every call,
// which made sorting 10,000 requests the slowest part of the plan.
const byId = new Intl.Collator().compare;
/** Requests older than this are dropped from the state file so it does not grow forever. */
export const RETRY_STATE_RETENTION_DAYS = 30;

/**
 * Decides, for each stuck or failed staging item, whether to request a retry now, hold it (in backoff or
 * already requested), or dead-letter it for manual action. Pure: the state is an input and an output.
 */
export function planRetries(assessments: readonly StageAssessment[], config: StagingConfig, state: RetryState, now: Date): RetryPlan {
  const policy = config.retry;
  const requests: RetryRequest[] = [];
  const held: RetryHeld[] = [];
  const deadLetters: DeadLetter[] = [];
  const next = new Map<string, RetryRequestRecord>();
  const keepAfter = now.getTime() - RETRY_STATE_RETENTION_DAYS * 24 * 60 * MINUTE;
  for (const [key, r] of state.requests) if (r.last_requested_at.getTime() >= keepAfter) next.set(key, r);
  const latest = latestRequests(state);
  for (const a of assessments) {
    if (a.health !== 'stuck' && a.health !== 'failed') continue;
    const item = a.item;
    const errorClass = classifyError(item.lastError, config.errors);
    if (errorClass === 'non_retryable') {
      deadLetters.push(deadLetter(item, errorClass, 'non-retryable error: needs a person'));
      continue;
    }
    const lastSign = item.heartbeatAt && item.heartbeatAt > item.enteredAt ? item.heartbeatAt : item.enteredAt;
    // A failed item is retried in the stage it failed in, when the export says which.
    const stage = item.failedStage ?? item.stage;
    const retry = logicalRetry(item, lastSign, latest.get(stateKey(item.id, stage)));
    // Attempts made so far: the export's count, or more when the state shows retries it does not count.
    const attempts = Math.max(item.attempts, retry - 1);
    if (attempts >= policy.maxAttempts) {
      deadLetters.push(deadLetter(item, errorClass, `gave up after ${attempts} of ${policy.maxAttempts} attempts`));
      continue;
    }
    const key = retryIdempotencyKey(item.id, stage, retry);
    // The backoff grows with the retries made: the first retry (attempt 2, or attempt 1 with no count) waits base_delay.
    const delay = backoffMinutes(policy, Math.max(1, retry - 1), key);
    const previous = state.requests.get(key);
    if (previous) {
      if (now < previous.next_request_at) {
        held.push({ key, itemId: item.id, stage, retry, status: 'already_requested', until: previous.next_request_at });
        continue;
      }
      // The item has not moved since we asked and the backoff has passed: the request looks lost, so ask
      // again under the same key (the retry tool deduplicates it if it did arrive).
      const record: RetryRequestRecord = {
        ...previous,
        last_requested_at: now,
        times_requested: previous.times_requested + 1,
        next_request_at: new Date(now.getTime() + delay * MINUTE),
      };
      next.set(key, record);
      requests.push(toRequest(item, a, record));
      continue;
    }
    const dueAt = new Date(lastSign.getTime() + delay * MINUTE);
    if (now < dueAt) {
      held.push({ key, itemId: item.id, stage, retry, status: 'backing_off', until: dueAt });
      continue;
    }
    const record: RetryRequestRecord = {
      key,
      item_id: item.id,
      stage,
      retry,
      first_requested_at: now,
      last_requested_at: now,
      times_requested: 1,
      next_request_at: new Date(now.getTime() + delay * MINUTE),
    };
    next.set(key, record);
    requests.push(toRequest(item, a, record));
  }
  const byKey = (x: { key: string }, y: { key: string }): number => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  requests.sort((x, y) => byId(x.itemId, y.itemId) || byKey(x, y));
  held.sort((x, y) => x.until.getTime() - y.until.getTime() || byId(x.itemId, y.itemId));
  deadLetters.sort((x, y) => byId(x.itemId, y.itemId));
  return { requests, held, deadLetters, nextState: { updatedAt: now, requests: next } };
}

const stateKey = (itemId: string, stage: string): string => `${itemId}\u0000${stage}`;

/** The highest retry requested so far for each item and stage. */
function latestRequests(state: RetryState): Map<string, RetryRequestRecord> {
  const out = new Map<string, RetryRequestRecord>();
  for (const r of state.requests.values()) {
    const k = stateKey(r.item_id, r.stage);
    const seen = out.get(k);
    if (!seen || r.retry > seen.retry) out.set(k, r);
  }
  return out;
}

/**
 * Which retry a stuck or failed item needs: the attempt after those the export counts (`attempts` 0 and
 * 1 are different retries), and never one already requested and acted on — when the item shows life after
 * the latest request (a heartbeat or a new entry into the stage), that retry ran and failed, so the next
 * one is a new logical retry with a new key even if the export's `attempts` never moves (a missing column).
 */
function logicalRetry(item: StagingItem, lastSign: Date, previous: RetryRequestRecord | undefined): number {
  const fromExport = item.attempts + 1;
  if (!previous || previous.retry < fromExport) return fromExport;
  return lastSign > previous.last_requested_at ? previous.retry + 1 : previous.retry;
}

// Objects are built field by field rather than by spreading optional parts: spreads were the slowest
// part of planning 15,000 retries. Optional fields are only set when present, in a fixed order.
function deadLetter(item: StagingItem, errorClass: ErrorClass, reason: string): DeadLetter {
  const d = {} as DeadLetter;
  if (item.submissionId !== undefined) d.submissionId = item.submissionId;
  if (item.artist !== undefined) d.artist = item.artist;
  d.itemId = item.id;
  d.stage = item.failedStage ?? item.stage;
  d.attempts = item.attempts;
  d.errorClass = errorClass;
  if (item.lastError !== undefined) d.lastError = item.lastError;
  d.reason = reason;
  return d;
}

function toRequest(item: StagingItem, a: StageAssessment, r: RetryRequestRecord): RetryRequest {
  const q = { key: r.key, itemId: item.id } as RetryRequest;
  if (item.submissionId !== undefined) q.submissionId = item.submissionId;
  if (item.artist !== undefined) q.artist = item.artist;
  q.stage = r.stage;
  q.retry = r.retry;
  q.attemptsSoFar = item.attempts;
  q.reason = a.health === 'failed' ? `failed: ${item.lastError ?? 'no error message'}` : `stuck: ${a.why ?? ''}`.trim();
  if (item.lastError !== undefined) q.lastError = item.lastError;
  q.requestedAt = r.last_requested_at;
  q.nextRequestAt = r.next_request_at;
  q.timesRequested = r.times_requested;
  return q;
}
