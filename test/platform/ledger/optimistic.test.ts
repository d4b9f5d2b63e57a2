import type { RedisClient } from '@devvit/public-api';
import { describe, expect, it } from 'vitest';
import { atomically, TransactionConflict } from '../../../src/platform/ledger/optimistic.js';

/** A client whose EXEC answers are scripted: 'ok', 'throw' or 'short' (a result of the wrong length). */
function scripted(answers: ('ok' | 'throw' | 'short')[]) {
  const log: string[] = [];
  let queued = 0;
  const tx = {
    multi: async () => void log.push('multi'),
    set: async () => {
      queued += 1;
      log.push('set');
    },
    unwatch: async () => void log.push('unwatch'),
    exec: async () => {
      const answer = answers.shift() ?? 'ok';
      log.push(`exec:${answer}`);
      const n = queued;
      queued = 0;
      if (answer === 'throw') throw new Error('EXECABORT');
      return answer === 'short' ? [] : Array.from({ length: n }, () => 'OK');
    },
  };
  const redis = { watch: async () => (log.push('watch'), tx) } as unknown as RedisClient;
  return { redis, log };
}

describe('atomically', () => {
  it('a thrown EXEC and a result of the wrong length are both conflicts: read, decided and written again', async () => {
    const { redis, log } = scripted(['throw', 'short', 'ok']);
    let attempts = 0;
    const value = await atomically(redis, ['k'], async () => ({ value: ++attempts, writes: [(t) => t.set('k', 'v')] }));
    expect(value).toBe(3);
    expect(log.filter((l) => l.startsWith('exec'))).toEqual(['exec:throw', 'exec:short', 'exec:ok']);
  });

  it('an attempt with nothing to write unwatches and returns at once', async () => {
    const { redis, log } = scripted([]);
    expect(await atomically(redis, ['k'], async () => ({ value: 'seen' }))).toBe('seen');
    expect(log).toEqual(['watch', 'unwatch']);
  });

  it('gives up with TransactionConflict when every attempt conflicts (the delivery is retried later)', async () => {
    const { redis } = scripted(Array.from({ length: 100 }, () => 'throw' as const));
    await expect(atomically(redis, ['k'], async () => ({ value: 1, writes: [(t) => t.set('k', 'v')] }))).rejects.toBeInstanceOf(TransactionConflict);
  });
});
