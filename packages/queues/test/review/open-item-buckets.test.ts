import { describe, expect, it } from 'vitest';
import { loadSlaPolicies } from '../../src/review/sla-policies.js';
import type { SlaEvaluator, SlaView } from '../../src/review/sla-view.js';
import { ageBucketOf, ageBuckets, OpenItemBucketsAccumulator, slaBucketOf } from '../../src/review/open-item-buckets.js';
import { evaluateReviewQueue, worklistEntryOf, type WorklistEntry } from '../../src/review/worklist.js';
import { SLA_YAML, submission } from '../helpers/submissions.js';

const now = new Date('2026-02-18T20:00:00Z');

function entry(view: SlaView, o: { assetType?: 'avatar' | 'community_award' | 'brand_award'; submittedAt?: string; status?: 'pending' | 'escalated' } = {}): WorklistEntry {
  const s = submission({ submittedAt: o.submittedAt ?? '2026-02-18T19:00:00Z', ...(o.assetType ? { assetType: o.assetType } : {}), ...(o.status ? { status: o.status } : {}) });
  return worklistEntryOf(s, view, now) as WorklistEntry;
}

describe('slaBucketOf: an open item by working time to breach', () => {
  const active = (remainingMinutes: number): SlaView => ({ state: 'active', remainingMinutes, breachAt: new Date(now.getTime() + 1e9) });
  it('puts each bucket boundary in the later bucket (59m is < 1h, 60m is 1–4h)', () => {
    expect(slaBucketOf(entry(active(1)), now)).toBe('under1h');
    expect(slaBucketOf(entry(active(59)), now)).toBe('under1h');
    expect(slaBucketOf(entry(active(60)), now)).toBe('under4h');
    expect(slaBucketOf(entry(active(239)), now)).toBe('under4h');
    expect(slaBucketOf(entry(active(240)), now)).toBe('under24h');
    expect(slaBucketOf(entry(active(24 * 60)), now)).toBe('later');
  });
  it('breached, paused, with another team and without a policy are their own buckets', () => {
    expect(slaBucketOf(entry({ state: 'breached', remainingMinutes: -30, breachAt: new Date(now.getTime() - 1_800_000) }), now)).toBe('breached');
    expect(slaBucketOf(entry({ state: 'paused', remainingMinutes: 300 }), now)).toBe('paused');
    expect(slaBucketOf(entry({ state: 'active', remainingMinutes: 30 }, { status: 'escalated' }), now)).toBe('withTeam');
    expect(slaBucketOf(entry({ state: 'none' }), now)).toBe('noSla');
    expect(slaBucketOf(entry({ state: 'achieved' }), now)).toBe('met');
  });
  it('falls back to calendar time to breachAt when the clock gave no remaining minutes', () => {
    expect(slaBucketOf(entry({ state: 'active', breachAt: new Date(now.getTime() + 30 * 60_000) }), now)).toBe('under1h');
  });
});

describe('ageBucketOf', () => {
  it('buckets calendar ages, the last bucket open-ended', () => {
    expect(ageBuckets.map((b) => b.label)).toEqual(['< 1h', '1–4h', '4–24h', '1–2d', '2–3d', '3–7d', '≥ 7d']);
    expect([0, 59, 60, 239, 240, 1439, 1440, 2880, 4320, 10079, 10080, 1e7, -5].map(ageBucketOf)).toEqual([0, 0, 1, 1, 2, 2, 3, 4, 5, 5, 6, 6, 0]);
  });
});

describe('OpenItemBucketsAccumulator', () => {
  it('counts open items per queue and in `all`, off-clock items apart, each item once per age bucket', () => {
    const acc = new OpenItemBucketsAccumulator(now);
    acc.add(entry({ state: 'active', remainingMinutes: 30 }, { assetType: 'avatar', submittedAt: '2026-02-18T19:30:00Z' }));
    acc.add(entry({ state: 'active', remainingMinutes: 30 }, { assetType: 'avatar', submittedAt: '2026-02-16T20:00:00Z' }));
    acc.add(entry({ state: 'breached', remainingMinutes: -5, breachAt: new Date(now.getTime() - 300_000) }, { assetType: 'brand_award' }));
    acc.add(entry({ state: 'none' }, { assetType: 'brand_award' }));
    acc.add(entry({ state: 'active', remainingMinutes: 10 }, { assetType: 'brand_award', status: 'escalated' }));
    const [avatar, community, brand, all] = acc.result();
    expect(avatar).toMatchObject({ queue: 'avatar', sla: { under1h: 2, breached: 0 }, ages: [1, 0, 0, 0, 1, 0, 0] });
    expect(community?.queue).toBe('community_award');
    expect(Object.values(community!.sla).every((n) => n === 0)).toBe(true);
    expect(brand).toMatchObject({ sla: { breached: 1, under1h: 0 }, offClock: { noSla: 1, withTeam: 1, met: 0 } });
    expect(all).toMatchObject({ queue: 'all', sla: { under1h: 2, breached: 1 }, offClock: { noSla: 1, withTeam: 1 }, ages: [1, 3, 0, 0, 1, 0, 0] });
  });

  it('agrees with the worklist over real SLA clocks: buckets plus off-clock items are the open items', () => {
    const sla = loadSlaPolicies(SLA_YAML, 'sla.yaml').evaluator as SlaEvaluator;
    const subs = [
      submission({ id: 'a', submittedAt: '2026-02-17T17:00:00Z' }), // Tue 09:00 PST, 8h business: breached by Wed noon
      submission({ id: 'b', submittedAt: '2026-02-18T19:30:00Z' }), // Wed 11:30 PST: 7.5h left
      submission({ id: 'c', assetType: 'brand_award', submittedAt: '2026-02-18T18:30:00Z' }), // 4h calendar: 2.5h left
      submission({ id: 'd', submittedAt: '2026-02-17T17:00:00Z', status: 'approved', history: [['pending', '2026-02-17T17:00:00Z'], ['approved', '2026-02-17T18:00:00Z']] }),
    ];
    const { worklist } = evaluateReviewQueue(subs, sla, now);
    const acc = new OpenItemBucketsAccumulator(now);
    for (const e of worklist) acc.add(e);
    const all = acc.result().find((b) => b.queue === 'all')!;
    expect(all.sla).toEqual({ breached: 1, under1h: 0, under4h: 1, under24h: 1, later: 0, paused: 0 });
    expect(all.ages.reduce((a, b) => a + b, 0)).toBe(3);
  });
});
