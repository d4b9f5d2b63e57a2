/**
 * The app's single seam to the core rule language, plus a per-revision cache of compiled rules:
 * compiling is pure and deterministic, so one compiled form per wiki revision is reused by every
 * trigger the same worker handles.
 */
import { compileRules, parseRules, type Diagnostic, type Rule } from '@creator-desk/core';
import { RULES_PAGE } from './rules-page.js';

export type CompiledRules = ReturnType<typeof compileRules>;

const MAX_CACHED = 4;
const compiledByRevision = new Map<string, CompiledRules>();

/** Parses a rules page; diagnostics carry 1-based line:column. */
export function parseRulesPage(source: string): { rules: Rule[]; ruleCount: number; diagnostics: Diagnostic[]; compile: () => CompiledRules } {
  const { rules, diagnostics } = parseRules(source, { source: RULES_PAGE });
  return { rules, ruleCount: rules.length, diagnostics, compile: () => compileRules(rules) };
}

/** The compiled form of a stored revision, compiled at most once per revision per worker. */
export function compiledFor(revisionId: string, source: string): CompiledRules {
  const hit = compiledByRevision.get(revisionId);
  if (hit) return hit;
  const compiled = parseRulesPage(source).compile();
  compiledByRevision.set(revisionId, compiled);
  if (compiledByRevision.size > MAX_CACHED) {
    const oldest = compiledByRevision.keys().next().value;
    if (oldest !== undefined) compiledByRevision.delete(oldest);
  }
  return compiled;
}

/** Puts an already-compiled revision in the cache (after validation compiled it anyway). */
export function rememberCompiled(revisionId: string, compiled: CompiledRules): void {
  compiledByRevision.set(revisionId, compiled);
}

/** Whether a revision's compiled form is cached in this worker (tests prove validation fills it). */
export function compiledCacheHas(revisionId: string): boolean {
  return compiledByRevision.has(revisionId);
}
