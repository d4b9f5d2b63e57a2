/**
 * The confusion matrix of paired decisions over `categories` (rows: the first rater, columns: the
 * second). A decision outside the categories is a caller error, not something to count silently.
 */
export function confusionMatrix(pairs: Iterable<readonly [string, string]>, categories: readonly string[]): number[][] {
  const index = new Map(categories.map((c, i) => [c, i]));
  const matrix = categories.map(() => new Array<number>(categories.length).fill(0));
  for (const [a, b] of pairs) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) throw new RangeError(`decision ${JSON.stringify(i === undefined ? a : b)} is not one of ${categories.join(' | ')}`);
    const row = matrix[i] as number[];
    row[j] = (row[j] as number) + 1;
  }
  return matrix;
}
