import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileRules, evaluate, parseRules, type Item } from '../../src/index.js';

// The repository is checked out with `shared` beside it: <root>/main/packages/core/test/rules → <root>/shared.
const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/corpus/automod');

function corpusFiles(): string[] {
  try {
    return readdirSync(CORPUS).filter((f) => /^\d{3}-.*\.yaml$/.test(f)).sort();
  } catch {
    return [];
  }
}

describe('conformance with real AutoModerator configs', () => {
  const files = corpusFiles();
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(38);
  });

  it('compiles at least 95 % of rule documents; every other one has an error diagnostic; nothing throws', () => {
    let compiled = 0;
    let failed = 0;
    const perFile: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      const { rules, diagnostics } = parseRules(text, { source: f });
      const failedRules = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleIndex));
      // Every error is located and attached to a rule, and no rule both compiled and failed.
      for (const d of diagnostics) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
        expect(d.source).toBe(f);
        expect(d.ruleIndex).toBeTypeOf('number');
      }
      for (const r of rules) expect(failedRules.has(r.index)).toBe(false);
      compiled += rules.length;
      failed += failedRules.size;
      if (failedRules.size > 0) perFile.push(`${f}: ${failedRules.size} not compiled`);
      // The compiled rules run on a submission and a comment without throwing.
      const c = compileRules(rules);
      const post: Item = { id: 't3_1', type: 'submission', title: 'Test title', body: 'test body', url: 'https://example.com/x', author: { name: 'someone', account_age_days: 10, comment_karma: 5, post_karma: 5 } };
      const comment: Item = { id: 't1_1', type: 'comment', body: 'a comment', author: { name: 'someone' }, parent_submission: { title: 'p' } };
      expect(() => evaluate(c, post)).not.toThrow();
      expect(() => evaluate(c, comment)).not.toThrow();
    }
    const total = compiled + failed;
    const pct = (100 * compiled) / total;
    console.log(`AutoModerator corpus conformance: ${compiled}/${total} rule documents compile (${pct.toFixed(1)} %) across ${files.length} files`);
    for (const line of perFile) console.log(`  ${line}`);
    // The corpus README counts 1,101 rules.
    expect(total).toBe(1101);
    expect(pct).toBeGreaterThanOrEqual(95);
  });

  it('the one genuinely broken section (011, a C-style comment) is a YAML error at its line', () => {
    const text = readFileSync(join(CORPUS, '011-deltarune.yaml'), 'utf8');
    const errs = parseRules(text).diagnostics.filter((d) => d.severity === 'error' && d.message.startsWith('YAML error'));
    expect(errs.length).toBeGreaterThan(0);
    const lines = text.split('\n');
    expect(lines.slice(errs[0]!.line - 3, errs[0]!.line).join('\n')).toContain('/*');
  });
});
