import { expect, it } from 'vitest';
import { compileRules, evaluate, parseRules, type Decision, type Facts, type Item } from '../../src/index.js';

/** Parses rules that must be valid (no errors) and compiles them. */
export function compile(yaml: string): ReturnType<typeof compileRules> {
  const { rules, diagnostics } = parseRules(yaml, { source: 'test.yaml' });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return compileRules(rules);
}

/** Line numbers of the rules that fire on `item`. */
export function fired(yaml: string, item: Partial<Item>, facts?: Facts): number[] {
  return decide(yaml, item, facts).map((d) => d.line);
}

export function decide(yaml: string, item: Partial<Item>, facts?: Facts): Decision[] {
  return evaluate(compile(yaml), { id: 't3_x', type: 'submission', ...item } as Item, facts);
}

/** Whether a one-rule config fires on the item. */
export function matches(yaml: string, item: Partial<Item>, facts?: Facts): boolean {
  return fired(yaml, item, facts).length > 0;
}

export function errors(yaml: string): string[] {
  return parseRules(yaml).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
}

export function warnings(yaml: string): string[] {
  return parseRules(yaml).diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message);
}

/** One row of a behaviour table: [behaviour, the rule's checks (no action), the item's fields, whether it fires]. */
export type FiresCase = [string, string, Partial<Item>, boolean];

/** One test per row: the checks, with `action: remove`, fire on the item or not. */
export function itFires(cases: readonly FiresCase[]): void {
  it.each(cases)('%s — %s on %j fires: %s', (_behaviour, checks, item, fires) => {
    expect(matches(`${checks}\naction: remove`, item)).toBe(fires);
  });
}
