/**
 * Gwet's AC1 of two raters from a square confusion matrix over q ≥ 2 categories: (p_a − p_e)/(1 − p_e)
 * with chance agreement p_e = Σ π_k(1 − π_k)/(q − 1), π_k the share of both raters' calls in category k.
 * Unlike κ it stays high when one decision dominates and the raters agree on it (κ's paradox: 90 %
 * agreement on a queue that is 95 % approvals can give κ < 0). Null with no items or one category.
 */
export function gwetAc1(matrix: readonly (readonly number[])[]): number | null {
  const q = matrix.length;
  let n = 0;
  let diag = 0;
  const share = new Array<number>(q).fill(0);
  for (let i = 0; i < q; i++) {
    const row = matrix[i] as readonly number[];
    if (row.length !== q) throw new RangeError(`a confusion matrix must be square: ${q} rows, a row of ${row.length}`);
    for (let j = 0; j < q; j++) {
      const v = row[j] as number;
      if (!Number.isInteger(v) || v < 0) throw new RangeError(`confusion matrix counts must be whole numbers ≥ 0, got ${v}`);
      n += v;
      if (i === j) diag += v;
      share[i] = (share[i] as number) + v;
      share[j] = (share[j] as number) + v;
    }
  }
  if (n === 0 || q < 2) return null;
  let chance = 0;
  for (const s of share) {
    const pi = s / (2 * n);
    chance += pi * (1 - pi);
  }
  chance /= q - 1;
  return (diag / n - chance) / (1 - chance);
}
