import type { StagingConfig } from '../readers/queue-config.js';

export type ErrorClass = 'retryable' | 'non_retryable';

/**
 * Splits errors into retryable and not, like Temporal's non-retryable error types: a non-retryable
 * pattern wins over a retryable one, anything unmatched follows `errors.unknown`. No error at all (a
 * stalled worker) is retryable.
 */
export function classifyError(lastError: string | undefined, errors: StagingConfig['errors']): ErrorClass {
  if (lastError === undefined) return 'retryable';
  if (errors.nonRetryable.some((re) => re.test(lastError))) return 'non_retryable';
  if (errors.retryable.some((re) => re.test(lastError))) return 'retryable';
  return errors.unknown;
}
