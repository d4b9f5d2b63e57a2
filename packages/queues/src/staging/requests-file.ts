import { join } from 'node:path';
import type { RetryRequest } from './retry-plan.js';
import { writeFileAtomic } from './retry-state.js';

const CSV_COLUMNS = ['idempotency_key', 'item_id', 'submission_id', 'artist', 'stage', 'retry', 'attempts_so_far', 'reason', 'last_error', 'requested_at', 'times_requested'] as const;

function row(r: RetryRequest): Record<(typeof CSV_COLUMNS)[number], string | number> {
  return {
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
export function retryRequestsCsv(requests: readonly RetryRequest[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of requests) {
    const values = row(r);
    lines.push(CSV_COLUMNS.map((c) => csvCell(values[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The requests as JSON for the upload-retry tool. */
export function retryRequestsJson(requests: readonly RetryRequest[], now: Date): string {
  return `${JSON.stringify({ generated_at: now.toISOString(), requests: requests.map(row) }, null, 2)}\n`;
}

/** Writes `retry-requests.csv` and `retry-requests.json` into a directory (atomically, each). */
export function writeRetryRequests(dir: string, requests: readonly RetryRequest[], now: Date): string[] {
  const csv = join(dir, 'retry-requests.csv');
  const json = join(dir, 'retry-requests.json');
  writeFileAtomic(csv, retryRequestsCsv(requests));
  writeFileAtomic(json, retryRequestsJson(requests, now));
  return [csv, json];
}
