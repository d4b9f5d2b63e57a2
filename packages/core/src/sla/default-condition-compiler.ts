import type { ConditionCompiler, ConditionTest, SlaDiagnostic } from './condition.js';

/**
 * INTERIM condition compiler, used only until core/rules exports `compileCondition` (being written in
 * parallel). It understands the subset the SLA examples need — `field: value` and `field: [a, b]`
 * (case-insensitive full-exact match, lists OR-ed, checks AND-ed) and `~field` negation — and reports any
 * other check as an error instead of guessing.
 */
export const defaultConditionCompiler: ConditionCompiler = (checks, opts = {}) => {
  const diagnostics: SlaDiagnostic[] = [];
  const parts: ConditionTest[] = [];
  for (const [key, raw] of Object.entries(checks)) {
    const negate = key.startsWith('~');
    const field = negate ? key.slice(1) : key;
    const values = Array.isArray(raw) ? raw : [raw];
    const plain = /^[a-z_][a-z0-9_]*$/i.test(field);
    const scalars = values.every((v) => ['string', 'number', 'boolean'].includes(typeof v));
    if (!plain || !scalars) {
      diagnostics.push({
        ...(opts.source === undefined ? {} : { source: opts.source }),
        line: opts.line ?? 1,
        column: 1,
        severity: 'error',
        message: `check "${key}" needs the full rule language (core/rules), which this build does not include yet`,
      });
      continue;
    }
    const wanted = new Set(values.map((v) => String(v).toLowerCase()));
    parts.push((item) => {
      const v = item[field];
      const hit = typeof v === 'string' ? wanted.has(v) || wanted.has(v.toLowerCase()) : v !== undefined && v !== null && wanted.has(String(v).toLowerCase());
      return negate ? !hit : hit;
    });
  }
  return { test: (item) => parts.every((p) => p(item)), diagnostics };
};
