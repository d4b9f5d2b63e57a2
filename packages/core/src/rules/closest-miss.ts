import type { CheckTrace } from './compile.js';
import type { RuleExplanation } from './evaluate.js';

/** The rule that came closest to firing and the first of its checks (in file order) that failed. */
export interface ClosestMiss {
  rule: RuleExplanation;
  failed: CheckTrace;
}

/**
 * From `explain` output, the rule that ran and did not fire with the most passing checks (the
 * earliest in file order on a tie) and its first failing check; undefined when no rule ran and
 * missed, or the closest one has no failing check to show.
 */
export function closestMiss(explanations: readonly RuleExplanation[]): ClosestMiss | undefined {
  let best: RuleExplanation | undefined;
  let bestPassed = -1;
  for (const r of explanations) {
    // A rule that did not run (wrong type, exempt moderator, an earlier removal) was never close.
    if (r.fired || r.notRun !== undefined) continue;
    const passed = r.checks.filter((c) => c.passed).length;
    if (passed > bestPassed) {
      best = r;
      bestPassed = passed;
    }
  }
  const failed = best?.checks.find((c) => !c.passed);
  return best && failed ? { rule: best, failed } : undefined;
}
