import type { InputProblem } from '../readers/problems.js';
import type { SourceRef } from '../readers/validate-rows.js';

/**
 * One row per key: where rows repeat a key (an item decided twice by one contractor, or audited twice),
 * the one with the later time wins — ties go to the row read later — and every other row is a warning
 * naming the row that was used, so nothing disappears unexplained.
 */
export function latestPerKey<T extends { source: SourceRef }>(items: readonly T[], keyOf: (item: T) => string, timeOf: (item: T) => Date, what: (item: T) => string, field: string): { items: T[]; problems: InputProblem[] } {
  const winner = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    const held = winner.get(key);
    if (!held || timeOf(item).getTime() >= timeOf(held).getTime()) winner.set(key, item);
  }
  const problems: InputProblem[] = [];
  for (const item of items) {
    const win = winner.get(keyOf(item)) as T;
    if (win === item) continue;
    const later = timeOf(win).getTime() > timeOf(item).getTime();
    const p: InputProblem = {
      file: item.source.file,
      row: item.source.row,
      field,
      severity: 'warning',
      message: `${what(item)} again: ${win.source.file} row ${win.source.row} has the ${later ? 'later' : 'same'} time (${timeOf(win).toISOString()}${later ? '' : ', and comes later'}), so that row is used and this one is not`,
    };
    if (item.source.line !== undefined) p.line = item.source.line;
    problems.push(p);
  }
  const kept = new Set(winner.values());
  return { items: items.filter((i) => kept.has(i)), problems };
}
