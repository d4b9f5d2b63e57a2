/**
 * Event-log appends under concurrency: two deliveries each append a different event to the same
 * log at the same time, interleaved at every Redis command by the harness's seeded scheduler. A
 * read-then-write append (read the log, then ZADD at the next seq) gives two events the same seq in
 * some schedules — the control below finds one — while `appendToLog` never does: the loser's EXEC
 * fails, it re-reads and appends after the winner.
 */
import type { RedisClient } from '@devvit/public-api';
import type { AuditEvent, EntityState } from '@creator-desk/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEYS } from '../../../src/platform/keys.js';
import { appendToLog, readEvents } from '../../../src/platform/records/event-store.js';
import Devvit, { setProbe } from '../../harness/probe-app.js';
import { createHarness, type Harness } from '../../harness/index.js';

const SCHEDULES = 200;

/** The next event of a toy log, written by `writer`: seq after the last one read. */
const nextEvent = (events: readonly { seq: number }[], writer: number): AuditEvent<EntityState, string> => ({
  machine: 'note',
  subject: 'n1',
  seq: (events.at(-1)?.seq ?? 0) + 1,
  at: '2026-03-02T10:00:00.000Z',
  actor: `writer-${writer}`,
  command: events.length === 0 ? 'create' : 'append',
  from: null,
  to: 'open',
  changes: {},
});

describe(`two concurrent appends to one log, ${SCHEDULES} seeded schedules`, () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness(Devvit);
  });
  afterEach(async () => h.dispose());

  /** Runs `append` in two concurrent probe-job deliveries per schedule; returns each schedule's seqs. */
  async function race(append: (redis: RedisClient, writer: number, id: string) => Promise<void>): Promise<number[][]> {
    const out: number[][] = [];
    for (let seed = 1; seed <= SCHEDULES; seed++) {
      const id = `n${seed}`;
      let writer = 0;
      setProbe(async (ctx) => append(ctx.redis, ++writer, id));
      const run = await h.concurrently(seed, [() => h.runJob('probe'), () => h.runJob('probe')]);
      expect(run.results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      const read = setProbe(async (ctx) => (await readEvents(ctx.redis, 'note', id)).map((e) => e.seq));
      await h.runJob('probe');
      out.push(read() as number[]);
    }
    return out;
  }

  it('control: a read-then-write append gives two events the same seq in some schedule', async () => {
    const logs = await race(async (redis, writer, id) => {
      const events = await readEvents(redis, 'note', id);
      const e = nextEvent(events, writer);
      await redis.zAdd(KEYS.events('note', id), { member: JSON.stringify(e), score: e.seq });
    });
    expect(logs.some((seqs) => new Set(seqs).size < seqs.length)).toBe(true);
  });

  it('appendToLog: every schedule logs both events, with seqs 1 and 2', async () => {
    const logs = await race(async (redis, writer, id) => {
      await appendToLog(redis, 'note', id, (events) => ({ append: [nextEvent(events, writer)], result: undefined }));
    });
    for (const [i, seqs] of logs.entries()) expect(seqs, `schedule ${i + 1}`).toEqual([1, 2]);
  });
});
