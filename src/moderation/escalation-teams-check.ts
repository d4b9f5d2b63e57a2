import type { Diagnostic, Rule } from '@creator-desk/core';
import { RULES_PAGE } from '../platform/rules/rules-page.js';

/** Where a rule's `escalate:` team is written: the `team:` line inside it, else the `escalate:` line, else the rule. */
function teamPosition(lines: readonly string[], rule: Pick<Rule, 'line' | 'column'>): { line: number; column: number } {
  for (let i = rule.line - 1; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (i > rule.line - 1 && /^---/.test(text)) break;
    const m = /^(\s*)escalate\s*:\s*(\S?)/.exec(text);
    if (!m) continue;
    if (m[2]) return { line: i + 1, column: m[0].length };
    for (let j = i + 1; j < lines.length && /^\s/.test(lines[j] ?? ''); j++) {
      const t = /^(\s*)team\s*:/.exec(lines[j] ?? '');
      if (t) return { line: j + 1, column: (t[1] ?? '').length + 1 };
    }
    return { line: i + 1, column: (m[1] ?? '').length + 1 };
  }
  return { line: rule.line, column: rule.column };
}

/**
 * Errors for rules whose `escalate:` names a team the escalation-teams setting does not list: such
 * an escalation could never be recorded (core's escalation machine refuses unknown teams), so the
 * page is rejected with where the team is written and which teams exist.
 */
export function checkEscalationTeams(rules: readonly Pick<Rule, 'line' | 'column' | 'actions'>[], source: string, teams: readonly string[]): Diagnostic[] {
  const known = new Set(teams.map((t) => t.toLowerCase()));
  const lines = source.split(/\r?\n/);
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const team = rule.actions.escalate?.team;
    if (team === undefined || known.has(team.trim().toLowerCase())) continue;
    out.push({
      source: RULES_PAGE,
      ...teamPosition(lines, rule),
      severity: 'error',
      message: `escalate: unknown team "${team}" (expected one of ${teams.join(', ')}; teams are set in the app's installation settings)`,
    });
  }
  return out;
}
