import { assetTypes } from '../readers/review-submissions.js';
import type { WorklistEntry } from './worklist.js';

/** How long an open item has until its SLA breaches, in the working time its policy counts. */
export const slaBuckets = ['breached', 'under1h', 'under4h', 'under24h', 'later', 'paused'] as const;
export type SlaBucket = (typeof slaBuckets)[number];

/** Calendar age of an open item since submission; each bucket's upper bound in minutes (the last has none). */
export const ageBuckets = [
  { label: '< 1h', below: 60 },
  { label: '1–4h', below: 4 * 60 },
  { label: '4–24h', below: 24 * 60 },
  { label: '1–2d', below: 2 * 24 * 60 },
  { label: '2–3d', below: 3 * 24 * 60 },
  { label: '3–7d', below: 7 * 24 * 60 },
  { label: '≥ 7d', below: Number.POSITIVE_INFINITY },
] as const;

/** One review queue's open items counted by time to breach and by age. */
export interface OpenItemBuckets {
  queue: string;
  /** Open items on the SLA clock by time to breach. */
  sla: Record<SlaBucket, number>;
  /** Open items not on the clock, so not in `sla`: no policy matched, with another team, or the target already met. */
  offClock: { noSla: number; withTeam: number; met: number };
  /** All open items by age, one count per `ageBuckets` entry. */
  ages: number[];
}

const MINUTE = 60_000;

/** The time-to-breach bucket of an open item, or why it is off the SLA clock. */
export function slaBucketOf(entry: WorklistEntry, now: Date): SlaBucket | keyof OpenItemBuckets['offClock'] {
  if (entry.urgency === 'with_team') return 'withTeam';
  if (entry.urgency === 'no_sla') return 'noSla';
  if (entry.urgency === 'breached') return 'breached';
  if (entry.urgency === 'paused') return 'paused';
  // Working minutes as the policy's calendar counts them; calendar time only when the clock gave none.
  const left = entry.sla.remainingMinutes ?? (entry.sla.breachAt ? (entry.sla.breachAt.getTime() - now.getTime()) / MINUTE : undefined);
  if (left === undefined) return 'met';
  if (left <= 0) return 'breached';
  if (left < 60) return 'under1h';
  if (left < 4 * 60) return 'under4h';
  if (left < 24 * 60) return 'under24h';
  return 'later';
}

/** The index in `ageBuckets` of an age in minutes (a negative age — clock skew — counts as the youngest). */
export function ageBucketOf(ageMinutes: number): number {
  const i = ageBuckets.findIndex((b) => ageMinutes < b.below);
  return i < 0 ? ageBuckets.length - 1 : i;
}

const emptyBuckets = (queue: string): OpenItemBuckets => ({
  queue,
  sla: { breached: 0, under1h: 0, under4h: 0, under24h: 0, later: 0, paused: 0 },
  offClock: { noSla: 0, withTeam: 0, met: 0 },
  ages: ageBuckets.map(() => 0),
});

/**
 * Open review items counted per queue (and for `all`) as they stream past: counters only, so the
 * report's charts cost nothing per item kept.
 */
export class OpenItemBucketsAccumulator {
  private readonly acc = new Map<string, OpenItemBuckets>([...assetTypes, 'all'].map((q) => [q, emptyBuckets(q)]));

  constructor(private readonly now: Date) {}

  /** Counts one open item's worklist entry. */
  add(entry: WorklistEntry): void {
    const bucket = slaBucketOf(entry, this.now);
    const age = ageBucketOf(entry.ageMinutes);
    const queue = this.acc.get(entry.submission.assetType) ?? this.addQueue(entry.submission.assetType);
    for (const b of [queue, this.acc.get('all') as OpenItemBuckets]) {
      if (bucket in b.sla) b.sla[bucket as SlaBucket]++;
      else b.offClock[bucket as keyof OpenItemBuckets['offClock']]++;
      b.ages[age] = (b.ages[age] ?? 0) + 1;
    }
  }

  /** The counts per asset-type queue, then `all`. */
  result(): OpenItemBuckets[] {
    const all = this.acc.get('all') as OpenItemBuckets;
    return [...[...this.acc.values()].filter((b) => b !== all), all];
  }

  private addQueue(queue: string): OpenItemBuckets {
    const b = emptyBuckets(queue);
    this.acc.set(queue, b);
    return b;
  }
}
