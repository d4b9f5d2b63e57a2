import { allocate } from './allocate.js';
import { seededRandom } from '@creator-desk/core';

export const samplingMethods = ['random', 'stratified', 'targeted'] as const;
export type SamplingMethod = (typeof samplingMethods)[number];

/** A decision that may be drawn for audit. */
export interface SampleCandidate {
  itemId: string;
  contractor: string;
  decision: string;
}

export interface SamplingOptions {
  method: SamplingMethod;
  /** Items to draw (fewer when there are fewer candidates; more when every stratum must get one). */
  size: number;
  seed: number;
  /** `targeted`: the contractors below the QA bar, whose decisions are oversampled. */
  targeted?: ReadonlySet<string>;
  /** `targeted`: how many times its proportional share a targeted contractor gets (default 2). */
  oversample?: number;
}

export type SampledItem<C extends SampleCandidate = SampleCandidate> = C & {
  /** The group it was drawn from: `all`, `contractor · decision`, or the contractor. */
  stratum: string;
  /** `targeted`: true when drawn as part of a below-the-bar contractor's oversample. */
  targeted: boolean;
};

export interface StratumDraw {
  stratum: string;
  population: number;
  drawn: number;
}

export interface SamplePlan<C extends SampleCandidate = SampleCandidate> {
  items: SampledItem<C>[];
  strata: StratumDraw[];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Draws the next audit sample, reproducibly: the same candidates and seed give the same items whatever
 * order the files listed them in (candidates are put in item order first). `random` draws uniformly;
 * `stratified` allocates in proportion to each contractor × decision stratum with at least one per
 * stratum, so rare decisions (escalations) and small contractors are always looked at; `targeted`
 * allocates per contractor, giving the contractors below the bar `oversample` times their share and every
 * other contractor at least one.
 */
export function planSample<C extends SampleCandidate>(candidates: readonly C[], opts: SamplingOptions): SamplePlan<C> {
  if (!Number.isInteger(opts.size) || opts.size < 0) throw new RangeError(`the sample size must be a whole number ≥ 0, got ${opts.size}`);
  const oversample = opts.oversample ?? 2;
  if (!(oversample >= 1)) throw new RangeError(`the oversample factor must be at least 1, got ${oversample}`);
  const targeted = opts.targeted ?? new Set<string>();
  const sorted = [...candidates].sort((a, b) => compare(a.itemId, b.itemId) || compare(a.contractor, b.contractor));
  const stratumOf = (c: SampleCandidate): string =>
    opts.method === 'random' ? 'all' : opts.method === 'stratified' ? `${c.contractor} · ${c.decision}` : c.contractor;
  const strata = new Map<string, C[]>();
  for (const c of sorted) {
    const key = stratumOf(c);
    const list = strata.get(key);
    if (list) list.push(c);
    else strata.set(key, [c]);
  }
  const keys = [...strata.keys()].sort(compare);
  const groups = keys.map((key) => {
    const members = strata.get(key) as C[];
    return { key, size: members.length, weight: opts.method === 'targeted' && targeted.has(key) ? oversample : 1 };
  });
  const counts = allocate(groups, opts.size, opts.method === 'random' || opts.size === 0 ? 0 : 1);
  const random = seededRandom(opts.seed);
  const items: SampledItem<C>[] = [];
  const draws: StratumDraw[] = [];
  for (const key of keys) {
    const members = [...(strata.get(key) as C[])];
    const take = counts.get(key) ?? 0;
    // A partial Fisher–Yates shuffle: the first `take` places hold a uniform draw without replacement.
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(random() * (members.length - i));
      const picked = members[j] as C;
      members[j] = members[i] as C;
      members[i] = picked;
      items.push({ ...picked, stratum: key, targeted: opts.method === 'targeted' && targeted.has(picked.contractor) });
    }
    draws.push({ stratum: key, population: members.length, drawn: take });
  }
  // Listed oversampled contractors first: a report that shows only the first rows still shows them.
  items.sort((a, b) => Number(b.targeted) - Number(a.targeted) || compare(a.contractor, b.contractor) || compare(a.itemId, b.itemId));
  return { items, strata: draws };
}
