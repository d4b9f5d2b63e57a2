import { describe, expect, it } from 'vitest';
import { backoffMinutes } from '../../src/staging/backoff.js';
import { retryIdempotencyKey } from '../../src/staging/idempotency-key.js';
import { classifyError } from '../../src/staging/classify-error.js';
import { stagingConfig } from '../helpers/staging.js';

describe('backoffMinutes', () => {
  const policy = stagingConfig().retry;

  it('doubles per retry within ±15 % jitter (jitter 0.3) and never exceeds the cap', () => {
    for (let n = 1; n <= 8; n++) {
      const key = retryIdempotencyKey('stg_1', 'upload', n);
      const exact = Math.min(240, 10 * 2 ** (n - 1));
      const d = backoffMinutes(policy, n, key);
      expect(d).toBeLessThanOrEqual(240);
      if (exact < 240) {
        expect(d).toBeGreaterThanOrEqual(10 * 2 ** (n - 1) * 0.85);
        expect(d).toBeLessThanOrEqual(10 * 2 ** (n - 1) * 1.15);
      }
    }
    expect(backoffMinutes(policy, 10, retryIdempotencyKey('stg_1', 'upload', 10))).toBe(240);
  });

  it('is the same for the same key on every run, and differs between items (spreads a thundering herd)', () => {
    const k = retryIdempotencyKey('stg_1', 'upload', 2);
    expect(backoffMinutes(policy, 2, k)).toBe(backoffMinutes(policy, 2, retryIdempotencyKey('stg_1', 'upload', 2)));
    const delays = new Set(Array.from({ length: 20 }, (_, i) => backoffMinutes(policy, 2, retryIdempotencyKey(`stg_${i}`, 'upload', 2))));
    expect(delays.size).toBeGreaterThan(15);
  });

  it('is exactly exponential with no jitter', () => {
    const p = { ...policy, jitter: 0 };
    expect([1, 2, 3].map((n) => backoffMinutes(p, n, 'k'))).toEqual([10, 20, 40]);
  });
});

describe('retryIdempotencyKey', () => {
  it('is one key per logical retry: same item, stage and retry number give the same key; the next retry a new one', () => {
    expect(retryIdempotencyKey('a', 'upload', 1)).toBe(retryIdempotencyKey('a', 'upload', 1));
    expect(retryIdempotencyKey('a', 'upload', 2)).not.toBe(retryIdempotencyKey('a', 'upload', 1));
    expect(retryIdempotencyKey('a', 'render', 1)).not.toBe(retryIdempotencyKey('a', 'upload', 1));
    expect(retryIdempotencyKey('a', 'upload', 1)).toMatch(/^rtry_[0-9a-f]{24}$/);
  });
});

describe('classifyError', () => {
  const errors = stagingConfig().errors;
  it('lets non-retryable patterns win, then retryable ones, then the default', () => {
    expect(classifyError('E_DIMENSIONS: 1024x1000', errors)).toBe('non_retryable');
    expect(classifyError('422 Unprocessable', errors)).toBe('non_retryable');
    expect(classifyError('503 Service Unavailable', errors)).toBe('retryable');
    expect(classifyError('something new', errors)).toBe('retryable');
    expect(classifyError('something new', { ...errors, unknown: 'non_retryable' })).toBe('non_retryable');
    expect(classifyError(undefined, errors)).toBe('retryable');
  });
});
