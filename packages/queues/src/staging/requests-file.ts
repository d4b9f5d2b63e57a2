import { hash } from 'node:crypto';
import { join } from 'node:path';
import type { RetryRequest } from './retry-plan.js';

const CSV_COLUMNS = ['batch_id', 'idempotency_key', 'item_id', 'submission_id', 'artist', 'stage', 'retry', 'attempts_so_far', 'reason', 'last_error', 'requested_at', 'times_requested'] as const;

function row(r: RetryRequest, batchId: string): Record<(typeof CSV_COLUMNS)[number], string | number> {
  return {
    batch_id: batchId,
    idempotency_key: r.key,
    item_id: r.itemId,
    submission_id: r.submissionId ?? '',
    artist: r.artist ?? '',
    stage: r.stage,
    retry: r.retry,
    attempts_so_far: r.attemptsSoFar,
    reason: r.reason,
    last_error: r.lastError ?? '',
    requested_at: r.requestedAt.toISOString(),
    times_requested: r.timesRequested,
  };
}

/** RFC 4180 quoting; cells starting with = + - @ are prefixed with ' so spreadsheets do not run them. */
function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The requests as CSV for the upload-retry tool. */
export function retryRequestsCsv(requests: readonly RetryRequest[], batchId: string): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of requests) {
    const values = row(r, batchId);
    lines.push(CSV_COLUMNS.map((c) => csvCell(values[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The requests as JSON for the upload-retry tool. */
export function retryRequestsJson(requests: readonly RetryRequest[], now: Date, batchId: string): string {
  return `${JSON.stringify({ batch_id: batchId, generated_at: now.toISOString(), requests: requests.map((r) => row(r, batchId)) }, null, 2)}\n`;
}

/**
 * The batch id of one run's requests: the run's time and a digest of what it asks for
 * (`20260220T193000Z-1a2b3c4d5e6f`). Two runs asking for different things never share an id; the same
 * run repeated gets the same id, so its files are the same files with the same content.
 */
export function retryBatchId(requests: readonly RetryRequest[], now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const digest = hash('sha256', requests.map((r) => `${r.key}\u0000${r.timesRequested}`).join('\n'), 'hex').slice(0, 12);
  return `${stamp}-${digest}`;
}

/** One run's outbox files: `retry-requests-<batch>.csv` and `.json` in `dir`, with their content. */
export function retryRequestFiles(dir: string, requests: readonly RetryRequest[], now: Date): { batchId: string; files: { path: string; content: string }[] } {
  const batchId = retryBatchId(requests, now);
  return {
    batchId,
    files: [
      { path: join(dir, `retry-requests-${batchId}.csv`), content: retryRequestsCsv(requests, batchId) },
      { path: join(dir, `retry-requests-${batchId}.json`), content: retryRequestsJson(requests, now, batchId) },
    ],
  };
}
