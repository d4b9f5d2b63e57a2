import { defaultQueueConfig, type StagingConfig } from '../../src/readers/queue-config.js';
import type { StagingItem } from '../../src/readers/staging-items.js';

/** A staging config with upload limits 20m/2h, a 45m heartbeat timeout and the given retry policy. */
export function stagingConfig(retry: Partial<StagingConfig['retry']> = {}): StagingConfig {
  const base = defaultQueueConfig().staging;
  return {
    ...base,
    heartbeatTimeoutMinutes: 45,
    stages: { upload: { warnAfterMinutes: 20, stuckAfterMinutes: 120 } },
    retry: { ...base.retry, baseDelayMinutes: 10, factor: 2, maxDelayMinutes: 240, jitter: 0.3, maxAttempts: 5, ...retry },
    errors: { nonRetryable: [/^E_DIMENSIONS/, /^4\d\d /], retryable: [/ETIMEDOUT/, /^5\d\d /], unknown: 'retryable' },
  };
}

/** A staging item; times are minutes before `now`. */
export function stagingItem(now: Date, o: { id?: string; stage?: string; enteredMinutesAgo: number; heartbeatMinutesAgo?: number; attempts?: number; lastError?: string }): StagingItem {
  const at = (m: number): Date => new Date(now.getTime() - m * 60_000);
  return {
    id: o.id ?? 'stg_1',
    stage: o.stage ?? 'upload',
    enteredAt: at(o.enteredMinutesAgo),
    heartbeatAt: o.heartbeatMinutesAgo === undefined ? undefined : at(o.heartbeatMinutesAgo),
    attempts: o.attempts ?? 1,
    lastError: o.lastError,
    submissionId: undefined,
    artist: undefined,
    failedStage: undefined,
    source: { file: 'staging.csv', row: 1 },
  };
}
