/** Cohen's κ of two raters over the same items, with the observed and chance agreement it is made of. */
export interface KappaResult {
  /** Items both raters decided. */
  n: number;
  /** Observed agreement p_o (the share of items on the diagonal); null when n = 0. */
  po: number | null;
  /** Agreement expected by chance p_e = Σ row_i·col_i / n²; null when n = 0. */
  pe: number | null;
  /**
   * κ = (p_o − p_e) / (1 − p_e); null when it is undefined: no items, or p_e = 1 (both raters gave every
   * item the same single category, so there is no variation to agree beyond chance about).
   */
  kappa: number | null;
}

/**
 * Cohen's κ from a square confusion matrix (`matrix[i][j]` = items rater A put in category i and rater B
 * in j). Computed in whole numbers — κ = (n·Σdiag − Σr·c) / (n² − Σr·c) — so the degenerate p_e = 1 case
 * is found exactly rather than as a float that is almost 1.
 */
export function cohensKappa(matrix: readonly (readonly number[])[]): KappaResult {
  const k = matrix.length;
  for (const row of matrix) {
    if (row.length !== k) throw new RangeError(`a confusion matrix must be square: ${k} rows, a row of ${row.length}`);
    for (const v of row) if (!Number.isInteger(v) || v < 0) throw new RangeError(`confusion matrix counts must be whole numbers ≥ 0, got ${v}`);
  }
  let n = 0;
  let diag = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = (matrix[i] as readonly number[])[j] as number;
      n += v;
      rows[i] = (rows[i] as number) + v;
      cols[j] = (cols[j] as number) + v;
      if (i === j) diag += v;
    }
  }
  if (n === 0) return { n, po: null, pe: null, kappa: null };
  let chance = 0;
  for (let i = 0; i < k; i++) chance += (rows[i] as number) * (cols[i] as number);
  const po = diag / n;
  const pe = chance / (n * n);
  const denominator = n * n - chance;
  return { n, po, pe, kappa: denominator === 0 ? null : (n * diag - chance) / denominator };
}
