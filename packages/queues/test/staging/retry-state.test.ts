import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StagedWrites } from '../../src/cli/staged-writes.js';
import { retryBatchId, retryRequestFiles } from '../../src/staging/requests-file.js';
import type { RetryRequest } from '../../src/staging/retry-plan.js';
import { emptyRetryState, loadRetryState, serializeRetryState } from '../../src/staging/retry-state.js';
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
    const w = new StagedWrites();
    w.stage(file, serializeRetryState(state, now));
    w.commit();
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

  it('stages writes all-or-nothing: targets replaced whole on commit, untouched on abort, no temp file left', () => {
    const dir = tempDir({ 'f.txt': 'old', 'g.txt': 'old' });
    const w = new StagedWrites();
    w.stage(join(dir, 'f.txt'), 'new');
    w.stage(join(dir, 'g.txt'), 'new');
    expect(readFileSync(join(dir, 'f.txt'), 'utf8')).toBe('old');
    w.commit();
    expect(readFileSync(join(dir, 'g.txt'), 'utf8')).toBe('new');
    const v = new StagedWrites();
    v.stage(join(dir, 'f.txt'), 'newer');
    v.abort();
    expect(readFileSync(join(dir, 'f.txt'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['f.txt', 'g.txt']);
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

  it("names one run's files by batch id; rows carry it; CSV quoted and spreadsheet formulas defused", () => {
    const { batchId, files } = retryRequestFiles('out', [request], now);
    expect(batchId).toMatch(/^20260220T193000Z-[0-9a-f]{12}$/);
    expect(files.map((f) => f.path)).toEqual([`out/retry-requests-${batchId}.csv`, `out/retry-requests-${batchId}.json`]);
    const csv = files[0]!.content.split('\n');
    expect(csv[0]).toBe('batch_id,idempotency_key,item_id,submission_id,artist,stage,retry,attempts_so_far,reason,last_error,requested_at,times_requested');
    expect(csv[1]).toBe(`${batchId},rtry_1,stg_1,sub_1,inky,upload,2,2,"failed: ETIMEDOUT, ""slow""","'=HYPERLINK(""x"")",2026-02-20T19:30:00.000Z,1`);
    const json = JSON.parse(files[1]!.content);
    expect(json.batch_id).toBe(batchId);
    expect(json.requests[0]).toMatchObject({ idempotency_key: 'rtry_1', item_id: 'stg_1', retry: 2 });
  });

  it('gives runs that ask for different things different batch ids', () => {
    expect(retryBatchId([request], now)).not.toBe(retryBatchId([{ ...request, key: 'rtry_2' }], now));
    expect(retryBatchId([request], now)).not.toBe(retryBatchId([{ ...request, timesRequested: 2 }], now));
  });
});
