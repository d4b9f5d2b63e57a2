import { eventChecksOf, type Diagnostic, type Rule } from '@creator-desk/core';
import { RULES_PAGE } from '../platform/rules/rules-page.js';

/**
 * Errors for `event:` checks naming an event that is neither on the events page in force nor scheduled
 * with the form: such a check could never pass (it fails closed), so the page is rejected with the
 * check's line, as `creator-desk rules check --events` does, instead of a rule that silently never acts.
 */
export function checkEventIds(rules: readonly Pick<Rule, 'condition' | 'index'>[], knownIds: ReadonlySet<string>): Diagnostic[] {
  const known = [...knownIds].sort();
  return eventChecksOf(rules)
    .filter((c) => !knownIds.has(c.id))
    .map((c) => ({
      source: RULES_PAGE,
      line: c.line,
      column: c.column,
      severity: 'error' as const,
      message: `event: no event '${c.id}' is in force (${known.length ? `known: ${known.join(', ')}` : 'the events page has no events'}); add it to the events page first`,
    }));
}
