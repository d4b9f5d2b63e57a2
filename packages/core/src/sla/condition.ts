/**
 * The seam to the rule language: SLA `when`, `start_when`, `stop_when` and `pause_when` blocks are
 * AutoModerator-style checks compiled by core/rules' `compileCondition` (see the cross-module contract).
 */

/** Where a diagnostic points (1-based line and column), shared with the rule language's diagnostics. */
export interface SlaDiagnostic {
  source?: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
  /** Index of the policy the diagnostic belongs to, when it belongs to one. */
  policyIndex?: number;
}

/** A compiled condition over one item's fields. */
export type ConditionTest = (item: Record<string, unknown>) => boolean;

/** Signature of core/rules' `compileCondition`, as the contract fixes it. */
export type ConditionCompiler = (
  checks: Record<string, unknown>,
  opts?: { type?: string; source?: string; line?: number },
) => { test: ConditionTest; diagnostics: readonly SlaDiagnostic[] };
