import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readInstant, utcSecondsMs } from '../../src/readers/fields.js';
import { statusHistorySchema } from '../../src/readers/review-submissions.js';

describe('readInstant fast path (YYYY-MM-DDTHH:MM:SSZ read digit by digit)', () => {
  it('agrees with Date parsing for every second from year 100 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(100, 0, 1) / 1000, max: Date.UTC(9999, 11, 31, 23, 59, 59) / 1000 }), (seconds) => {
        const iso = `${new Date(seconds * 1000).toISOString().slice(0, 19)}Z`;
        expect(utcSecondsMs(iso)).toBe(seconds * 1000);
        expect((readInstant(iso) as Date).getTime()).toBe(new Date(iso).getTime());
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects dates and times that do not exist (Date would read 2026-02-30 as 2 March), on both paths', () => {
    for (const text of ['2026-02-30T00:00:00Z', '2026-02-20T24:00:00Z', '1900-02-29T00:00:00Z', '2026-02-30T10:00:00+01:00', '2026-13-01T00:00:00Z', '2026-04-31 09:00Z']) {
      expect(utcSecondsMs(text)).toBeUndefined();
      expect(readInstant(text)).toMatch(/is not a real date and time/);
    }
    expect((readInstant('0099-01-01T00:00:00Z') as Date).toISOString()).toBe(new Date('0099-01-01T00:00:00Z').toISOString());
    expect((readInstant('2024-02-29T23:59:59-08:00') as Date).toISOString()).toBe('2024-03-01T07:59:59.000Z');
    expect(utcSecondsMs('2024-02-29T12:00:00Z')).toBe(Date.parse('2024-02-29T12:00:00Z'));
  });
});

describe('status history cells', () => {
  const statuses = ['pending', 'in_review', 'waiting_on_artist', 'escalated', 'approved', 'rejected', 'closed'] as const;
  const entry = fc.record({ status: fc.constantFrom(...statuses), at: fc.integer({ min: Date.UTC(2020, 0, 1) / 1000, max: Date.UTC(2030, 0, 1) / 1000 }) });

  it('reads a plain cell exactly as the general reader reads the same cell with spaces around each part', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const iso = (s: number): string => `${new Date(s * 1000).toISOString().slice(0, 19)}Z`;
        const plain = entries.map((e) => `${e.status}@${iso(e.at)}`).join(';');
        const spaced = entries.map((e) => ` ${e.status} @ ${iso(e.at)} `).join(';');
        const a = statusHistorySchema.parse(plain);
        expect(a).toEqual(statusHistorySchema.parse(spaced));
        expect(a.map((h) => h.at.getTime())).toEqual([...entries.map((e) => e.at * 1000)].sort((x, y) => x - y));
      }),
      { numRuns: 300 },
    );
  });

  it('still reports each bad entry of a cell the fast path does not take', () => {
    const r = statusHistorySchema.safeParse('pending@2026-02-18T16:00:00Z;paused@2026-02-18T17:00:00Z;approved@soon');
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['1.status', '2.at']);
  });
});
