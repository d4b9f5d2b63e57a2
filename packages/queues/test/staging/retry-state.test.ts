import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { retryRequestsCsv, writeRetryRequests } from '../../src/staging/requests-file.js';
import type { RetryRequest } from '../../src/staging/retry-plan.js';
import { emptyRetryState, loadRetryState, serializeRetryState, writeFileAtomic } from '../../src/staging/retry-state.js';
import { tempDir } from '../helpers/temp-dir.js';

const now = new Date('2026-02-20T19:30:00Z');

describe('retry state file', () => {
  it('is a first run when missing, and round-trips what was requested', () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    const missing = loadRetryState(file);
    expect(missing).toMatchObject({ ok: true, existed: false });
    const state = emptyRetryState();
    state.requests.set('rtry_x', { key: 'rtry_x', item_id: 'a', stage: 'upload', retry: 1, first_requested_at: now, last_requested_at: now, times_requested: 1, next_request_at: new Date(now.getTime() + 600_000) });
    writeFileAtomic(file, serializeRetryState(state, now));
    const back = loadRetryState(file);
    expect(back.ok && back.state.requests.get('rtry_x')?.next_request_at.toISOString()).toBe('2026-02-20T19:40:00.000Z');
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('treats a corrupt or wrongly shaped file as an input error, never as an empty state', () => {
    const dir = tempDir({ 'bad.json': '{"version": 1, "requests": [', 'shape.json': '{"version": 2, "updated_at": "2026-02-20T19:30:00Z", "requests": []}' });
    const bad = loadRetryState(join(dir, 'bad.json'));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problem.message).toMatch(/state file is corrupt \(not JSON/);
    const shape = loadRetryState(join(dir, 'shape.json'));
    expect(!shape.ok && shape.problem).toMatchObject({ severity: 'error', field: 'version' });
  });

  it('writes atomically: the target is replaced whole and no temp file is left behind', () => {
    const dir = tempDir({ 'f.txt': 'old' });
    writeFileAtomic(join(dir, 'f.txt'), 'new');
    expect(readFileSync(join(dir, 'f.txt'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['f.txt']);
  });
});

describe('retry requests file', () => {
  const request: RetryRequest = {
    key: 'rtry_1',
    itemId: 'stg_1',
    submissionId: 'sub_1',
    artist: 'inky',
    stage: 'upload',
    retry: 2,
    attemptsSoFar: 2,
    reason: 'failed: ETIMEDOUT, "slow"',
    lastError: '=HYPERLINK("x")',
    requestedAt: now,
    nextRequestAt: now,
    timesRequested: 1,
  };

  it('writes CSV (quoted, spreadsheet formulas defused) and JSON side by side', () => {
    const dir = tempDir();
    const written = writeRetryRequests(join(dir, 'out'), [request], now);
    expect(written.map((f) => f.slice(dir.length + 1))).toEqual(['out/retry-requests.csv', 'out/retry-requests.json']);
    const csv = readFileSync(written[0]!, 'utf8').split('\n');
    expect(csv[0]).toBe('idempotency_key,item_id,submission_id,artist,stage,retry,attempts_so_far,reason,last_error,requested_at,times_requested');
    expect(csv[1]).toBe('rtry_1,stg_1,sub_1,inky,upload,2,2,"failed: ETIMEDOUT, ""slow""","\'=HYPERLINK(""x"")",2026-02-20T19:30:00.000Z,1');
    const json = JSON.parse(readFileSync(written[1]!, 'utf8'));
    expect(json.requests[0]).toMatchObject({ idempotency_key: 'rtry_1', item_id: 'stg_1', retry: 2 });
    expect(existsSync(join(dir, 'out'))).toBe(true);
  });

  it('writes a header-only CSV when there is nothing to request', () => {
    expect(retryRequestsCsv([])).toBe('idempotency_key,item_id,submission_id,artist,stage,retry,attempts_so_far,reason,last_error,requested_at,times_requested\n');
  });
});
