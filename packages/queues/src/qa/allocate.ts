/** A group to draw from: how many items it has and how much weight its share gets. */
export interface AllocationGroup {
  key: string;
  size: number;
  /** Relative weight per item (1 = proportional; 2 = twice its share). */
  weight?: number;
}

/**
 * Splits `total` draws among groups in proportion to size × weight (largest remainder, ties by key, so
 * the split is the same on every run), giving each non-empty group at least `minEach` and none more than
 * it has. When `minEach` per group already exceeds `total`, every group gets its minimum anyway: the
 * caller asked for every group to be represented.
 */
export function allocate(groups: readonly AllocationGroup[], total: number, minEach = 0): Map<string, number> {
  const live = groups.filter((g) => g.size > 0).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const out = new Map<string, number>(groups.map((g) => [g.key, 0]));
  const capacity = live.reduce((s, g) => s + g.size, 0);
  const want = Math.min(Math.max(0, Math.floor(total)), capacity);
  if (want === 0 || live.length === 0) return out;
  const mass = live.reduce((s, g) => s + g.size * (g.weight ?? 1), 0);
  const quota = new Map(live.map((g) => [g.key, mass === 0 ? 0 : (want * g.size * (g.weight ?? 1)) / mass]));
  let given = 0;
  for (const g of live) {
    const n = Math.min(g.size, Math.max(minEach, Math.floor(quota.get(g.key) as number)));
    out.set(g.key, n);
    given += n;
  }
  const share = (g: AllocationGroup): number => (quota.get(g.key) as number) - (out.get(g.key) as number);
  // Capping at a group's size can leave draws over: hand them on, largest unmet share first.
  while (given < want) {
    let best: AllocationGroup | undefined;
    for (const g of live) if ((out.get(g.key) as number) < g.size && (best === undefined || share(g) > share(best))) best = g;
    if (!best) break;
    out.set(best.key, (out.get(best.key) as number) + 1);
    given++;
  }
  // The minimum per group can overshoot: take back from the most over-served groups above their minimum.
  while (given > want) {
    let worst: AllocationGroup | undefined;
    for (const g of live) if ((out.get(g.key) as number) > minEach && (worst === undefined || share(g) < share(worst))) worst = g;
    if (!worst) break;
    out.set(worst.key, (out.get(worst.key) as number) - 1);
    given--;
  }
  return out;
}
