import { hash } from 'node:crypto';

/**
 * The idempotency key of one logical retry: the same item, stage and retry number always give the same
 * key, so reruns of the report and the upload-retry tool's own re-sends are deduplicated; the next
 * failure (attempts + 1) is a new logical retry with a new key.
 */
export function retryIdempotencyKey(itemId: string, stage: string, retryNumber: number): string {
  // One-shot `hash` gives the same digest as createHash without a Hash object per key.
  const digest = hash('sha256', `creator-desk/retry\u0000${itemId}\u0000${stage}\u0000${retryNumber}`, 'hex');
  return `rtry_${digest.slice(0, 24)}`;
}

/** A number in [0, 1) derived from a key, so jitter is random across items but identical across reruns. */
export function unitFromKey(key: string): number {
  const digest = hash('sha256', `jitter\u0000${key}`, 'buffer');
  return digest.readUInt32BE(0) / 0x1_0000_0000;
}
