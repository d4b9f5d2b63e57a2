import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { instantSchema } from '../readers/fields.js';
import type { InputProblem } from '../readers/problems.js';

const requestEntrySchema = z
  .object({
    key: z.string().min(1),
    item_id: z.string().min(1),
    stage: z.string().min(1),
    retry: z.number().int().min(1),
    first_requested_at: instantSchema,
    last_requested_at: instantSchema,
    times_requested: z.number().int().min(1),
    next_request_at: instantSchema,
  })
  .strict();

/** The state file: every retry request made, by idempotency key. */
export const retryStateSchema = z
  .object({
    version: z.literal(1),
    updated_at: instantSchema,
    requests: z.array(requestEntrySchema),
  })
  .strict();

export type RetryRequestRecord = z.output<typeof requestEntrySchema>;

export interface RetryState {
  updatedAt?: Date;
  requests: Map<string, RetryRequestRecord>;
}

export type StateRead = { ok: true; state: RetryState; existed: boolean } | { ok: false; problem: InputProblem };

/** An empty state, for the first run. */
export function emptyRetryState(): RetryState {
  return { requests: new Map() };
}

/**
 * Loads the state file. A missing file is a first run; anything unreadable is an input error, never a
 * silent reset (a reset would make the next run ask for every retry again).
 */
export function loadRetryState(file: string): StateRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, state: emptyRetryState(), existed: false };
    return { ok: false, problem: { file, severity: 'error', message: `cannot read the state file: ${(err as Error).message}` } };
  }
  return parseRetryState(text, file);
}

/** Parses state file text (see loadRetryState). */
export function parseRetryState(text: string, file: string): StateRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      problem: { file, severity: 'error', message: `state file is corrupt (not JSON: ${(err as Error).message}); fix or move it away — it was not overwritten` },
    };
  }
  const result = retryStateSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length ? issue.path.join('.') : undefined;
    return {
      ok: false,
      problem: {
        file,
        severity: 'error',
        ...(where ? { field: where } : {}),
        message: `state file is corrupt (${issue?.message ?? 'invalid'}); fix or move it away — it was not overwritten`,
      },
    };
  }
  const requests = new Map<string, RetryRequestRecord>();
  for (const r of result.data.requests) requests.set(r.key, r);
  return { ok: true, state: { updatedAt: result.data.updated_at, requests }, existed: true };
}

/** Serialises the state deterministically (sorted by key) so reruns produce identical files. */
export function serializeRetryState(state: RetryState, now: Date): string {
  const requests = [...state.requests.values()]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => ({
      key: r.key,
      item_id: r.item_id,
      stage: r.stage,
      retry: r.retry,
      first_requested_at: r.first_requested_at.toISOString(),
      last_requested_at: r.last_requested_at.toISOString(),
      times_requested: r.times_requested,
      next_request_at: r.next_request_at.toISOString(),
    }));
  return `${JSON.stringify({ version: 1, updated_at: now.toISOString(), requests }, null, 2)}\n`;
}
