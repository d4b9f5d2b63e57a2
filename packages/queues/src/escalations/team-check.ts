import type { Diagnostic, Rule } from '@creator-desk/core';
import { checkEscalation } from './transition-check.js';

/**
 * Error diagnostics for rules that escalate to a team the escalation machine does not know: such an
 * escalation could never be opened, so it is an error where the rules are checked, not a surprise later.
 */
export function unknownTeamDiagnostics(rules: readonly Rule[], source: string | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const esc = rule.actions?.escalate;
    if (!esc) continue;
    const error = checkEscalation('rules-check', esc.team, esc.reason ?? 'check', new Date(0));
    if (error === undefined) continue;
    out.push({
      ...(source === undefined ? {} : { source }),
      line: rule.line,
      column: rule.column,
      severity: 'error',
      message: `escalate: ${error}`,
      ruleIndex: rule.index,
    });
  }
  return out;
}
