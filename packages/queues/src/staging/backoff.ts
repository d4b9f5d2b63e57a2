import type { RetryPolicy } from '../readers/queue-config.js';
import { unitFromKey } from './idempotency-key.js';

/**
 * Delay in minutes before retry number `retryNumber` (1-based): `base · factor^(n-1)`, spread by
 * ±jitter/2 of itself with a deterministic draw from the key, then capped at `max_delay`.
 */
export function backoffMinutes(policy: RetryPolicy, retryNumber: number, key: string): number {
  const exponential = policy.baseDelayMinutes * policy.factor ** Math.max(0, retryNumber - 1);
  const spread = policy.jitter * (unitFromKey(key) - 0.5);
  const jittered = exponential * (1 + spread);
  return Math.min(policy.maxDelayMinutes, jittered);
}
