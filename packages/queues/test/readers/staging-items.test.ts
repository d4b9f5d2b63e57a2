import { describe, expect, it } from 'vitest';
import { readStagingItems } from '../../src/readers/staging-items.js';

describe('readStagingItems', () => {
  it('reads stage, times, attempts and last error; attempts default to 0', () => {
    const csv = 'id,stage,entered_at,heartbeat_at,attempts,last_error\nx1,upload,2026-02-20T10:00:00Z,2026-02-20T10:05:00Z,2,ETIMEDOUT\nx2,render,2026-02-20T10:00:00Z,,,\n';
    const { items, problems } = readStagingItems(csv, 's.csv', 'csv');
    expect(problems).toEqual([]);
    expect(items[0]).toMatchObject({ id: 'x1', stage: 'upload', attempts: 2, lastError: 'ETIMEDOUT' });
    expect(items[0]?.heartbeatAt?.toISOString()).toBe('2026-02-20T10:05:00.000Z');
    expect(items[1]).toMatchObject({ attempts: 0, heartbeatAt: undefined, lastError: undefined });
  });

  it('reports a non-numeric attempts count and a missing stage with their rows', () => {
    const csv = 'id,stage,entered_at,attempts\nx1,upload,2026-02-20T10:00:00Z,two\nx2,,2026-02-20T10:00:00Z,1\nx3,upload,2026-02-20T10:00:00Z,1\n';
    const { items, problems } = readStagingItems(csv, 's.csv', 'csv');
    expect(items.map((i) => i.id)).toEqual(['x3']);
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [1, 'attempts'],
      [2, 'stage'],
    ]);
    expect(problems[0]?.message).toBe('expected a whole number ≥ 0, got "two"');
  });
});
