import { describe, expect, it } from 'vitest';
import { backoffMinutes } from '../../src/staging/backoff.js';
import { retryIdempotencyKey } from '../../src/staging/idempotency-key.js';
import { planRetries, RETRY_STATE_RETENTION_DAYS } from '../../src/staging/retry-plan.js';
import { emptyRetryState } from '../../src/staging/retry-state.js';
import { assessStage } from '../../src/staging/stage-health.js';
import { stagingConfig, stagingItem } from '../helpers/staging.js';
import type { StagingItem } from '../../src/readers/staging-items.js';

const now = new Date('2026-02-20T19:30:00Z');
const cfg = stagingConfig();
const plan = (items: StagingItem[], at = now, state = emptyRetryState()) => planRetries(items.map((i) => assessStage(i, cfg, at)), cfg, state, at);

describe('planRetries', () => {
  it('requests a retry for a stuck upload with a stable idempotency key', () => {
    const p = plan([stagingItem(now, { id: 'a', enteredMinutesAgo: 180, heartbeatMinutesAgo: 170, attempts: 1 })]);
    expect(p.requests).toHaveLength(1);
    expect(p.requests[0]).toMatchObject({ itemId: 'a', retry: 2, key: retryIdempotencyKey('a', 'upload', 2), timesRequested: 1 });
    expect(p.deadLetters).toEqual([]);
  });

  it('dead-letters non-retryable errors and items that used up max_attempts, and never requests them', () => {
    const p = plan([
      stagingItem(now, { id: 'hard', stage: 'failed', enteredMinutesAgo: 300, lastError: 'E_DIMENSIONS: layer 3 is 1024x1000' }),
      stagingItem(now, { id: 'tired', stage: 'failed', enteredMinutesAgo: 300, attempts: 5, lastError: 'ETIMEDOUT' }),
      stagingItem(now, { id: 'fine', stage: 'failed', enteredMinutesAgo: 300, attempts: 4, lastError: 'ETIMEDOUT' }),
    ]);
    expect(p.deadLetters.map((d) => [d.itemId, d.errorClass, d.reason])).toEqual([
      ['hard', 'non_retryable', 'non-retryable error: needs a person'],
      ['tired', 'retryable', 'gave up after 5 of 5 attempts'],
    ]);
    expect(p.requests.map((r) => [r.itemId, r.retry])).toEqual([['fine', 5]]);
  });

  it('holds a failed item back until its backoff has passed since the failure', () => {
    const key = retryIdempotencyKey('b', 'failed', 4);
    const delay = backoffMinutes(cfg.retry, 3, key);
    const failedAgo = delay - 1;
    const early = plan([stagingItem(now, { id: 'b', stage: 'failed', enteredMinutesAgo: failedAgo, attempts: 3, lastError: '503 oops' })]);
    expect(early.requests).toEqual([]);
    expect(early.held[0]).toMatchObject({ itemId: 'b', status: 'backing_off' });
    expect(early.held[0]?.until.getTime()).toBeCloseTo(now.getTime() + 60_000, -2);
    const later = plan([stagingItem(now, { id: 'b', stage: 'failed', enteredMinutesAgo: delay + 1, attempts: 3, lastError: '503 oops' })]);
    expect(later.requests.map((r) => r.key)).toEqual([key]);
  });

  it('never asks twice within the backoff: a rerun with the saved state holds the request', () => {
    const items = [stagingItem(now, { id: 'a', enteredMinutesAgo: 180, heartbeatMinutesAgo: 170 })];
    const first = plan(items);
    const rerun = plan(items, new Date(now.getTime() + 60_000), first.nextState);
    expect(rerun.requests).toEqual([]);
    expect(rerun.held[0]).toMatchObject({ itemId: 'a', status: 'already_requested' });
  });

  it('re-asks under the same key once the backoff passes with the item unchanged (the request looks lost)', () => {
    const items = [stagingItem(now, { id: 'a', enteredMinutesAgo: 180, heartbeatMinutesAgo: 170 })];
    const first = plan(items);
    const later = new Date(first.requests[0]!.nextRequestAt.getTime() + 1000);
    const again = plan(items, later, first.nextState);
    expect(again.requests.map((r) => [r.key, r.timesRequested])).toEqual([[first.requests[0]!.key, 2]]);
  });

  it('uses a new key when the item failed again (attempts went up): a new logical retry', () => {
    const first = plan([stagingItem(now, { id: 'a', stage: 'failed', enteredMinutesAgo: 300, attempts: 1, lastError: 'ETIMEDOUT' })]);
    const second = plan([stagingItem(now, { id: 'a', stage: 'failed', enteredMinutesAgo: 300, attempts: 2, lastError: 'ETIMEDOUT' })], now, first.nextState);
    expect(second.requests).toHaveLength(1);
    expect(second.requests[0]?.key).not.toBe(first.requests[0]?.key);
    expect(second.requests[0]?.retry).toBe(3);
  });

  it('gives attempts 0 and 1 different logical retries (different keys)', () => {
    const zero = plan([stagingItem(now, { id: 'a', stage: 'failed', enteredMinutesAgo: 300, attempts: 0, lastError: 'ETIMEDOUT' })]);
    const one = plan([stagingItem(now, { id: 'a', stage: 'failed', enteredMinutesAgo: 300, attempts: 1, lastError: 'ETIMEDOUT' })]);
    expect(zero.requests[0]?.key).not.toBe(one.requests[0]?.key);
  });

  it('advances the logical retry when the export never counts attempts: each new failure gets a new key, then a dead letter', () => {
    // No attempts column: attempts stays 0. Each time the retry tool acts, the item re-enters the stage later.
    let state = emptyRetryState();
    let at = now;
    const keys: string[] = [];
    for (let round = 0; round < 10; round++) {
      const item = stagingItem(at, { id: 'a', stage: 'failed', enteredMinutesAgo: 300, attempts: 0, lastError: 'ETIMEDOUT' });
      const p = plan([item], at, state);
      if (p.deadLetters.length) {
        expect(p.deadLetters[0]?.reason).toBe('gave up after 5 of 5 attempts');
        break;
      }
      expect(p.requests).toHaveLength(1);
      keys.push(p.requests[0]!.key);
      state = p.nextState;
      at = new Date(at.getTime() + 24 * 60 * 60_000);
    }
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(5);
  });

  it('forgets requests older than the retention period, keeping the state file bounded', () => {
    const first = plan([stagingItem(now, { id: 'a', enteredMinutesAgo: 180, heartbeatMinutesAgo: 170 })]);
    expect(first.nextState.requests.size).toBe(1);
    const later = new Date(now.getTime() + (RETRY_STATE_RETENTION_DAYS + 1) * 86_400_000);
    expect(plan([], later, first.nextState).nextState.requests.size).toBe(0);
    expect(plan([], new Date(now.getTime() + 86_400_000), first.nextState).nextState.requests.size).toBe(1);
  });

  it('ignores healthy, slow and finished items', () => {
    const p = plan([
      stagingItem(now, { id: 'ok', enteredMinutesAgo: 5, heartbeatMinutesAgo: 1 }),
      stagingItem(now, { id: 'slow', enteredMinutesAgo: 30, heartbeatMinutesAgo: 1 }),
      stagingItem(now, { id: 'done', stage: 'published', enteredMinutesAgo: 3000 }),
    ]);
    expect([...p.requests, ...p.held, ...p.deadLetters]).toEqual([]);
  });
});
