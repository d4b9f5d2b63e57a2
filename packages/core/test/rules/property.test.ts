import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCondition, compileRules, evaluate, explain, parseRules, translatePythonRegex, type Item } from '../../src/index.js';

const KEYS = ['title', '~title', 'body', 'title+body', 'domain', 'url (regex)', 'title (regex, full-exact)', 'author', 'type', 'priority', 'action', 'comment', 'reports', 'set_flair', 'parent_submission', 'account_age', 'satisfy_any_threshold', 'moderators_exempt', 'bogus (x'];
const REGEXISH = fc.stringMatching(/^[a-z()[\]{}|*+?.\\^$\-,:!<=P#0-9 ]{0,24}$/);
const scalar = fc.oneof(fc.string({ maxLength: 20 }), REGEXISH, fc.integer({ min: -5, max: 5 }), fc.boolean(), fc.constant(null), fc.constantFrom("'< 7 days'", 'remove', 'submission', 'comment'));
const yamlValue = fc.oneof(scalar.map(String), fc.array(scalar.map((s) => JSON.stringify(s)), { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`));
const yamlDoc = fc.array(fc.tuple(fc.constantFrom(...KEYS), yamlValue, fc.constantFrom('', '  ', '    ')), { maxLength: 8 }).map((entries) => entries.map(([k, v, ind]) => `${ind}${k}: ${v}`).join('\n'));
const yamlFile = fc.array(yamlDoc, { maxLength: 5 }).map((docs) => docs.join('\n---\n'));

const item: fc.Arbitrary<Item> = fc.record({
  id: fc.string({ maxLength: 5 }),
  type: fc.constantFrom('submission', 'comment', 'modmail', 'ticket', 'weird'),
  title: fc.string({ maxLength: 40 }),
  body: fc.string({ maxLength: 200 }),
  url: fc.string({ maxLength: 20 }),
  author: fc.record({ name: fc.string({ maxLength: 8 }), account_age_days: fc.double({ noNaN: true }), is_moderator: fc.boolean() }),
});

describe('robustness (property tests)', () => {
  it('arbitrary text never throws; every problem is a located diagnostic', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const r = parseRules(text);
        for (const d of r.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('arbitrary YAML-shaped configs never throw, and what compiles evaluates and explains on any item', () => {
    fc.assert(
      fc.property(yamlFile, fc.array(item, { maxLength: 3 }), (text, items) => {
        const r = parseRules(text);
        const c = compileRules(r.rules);
        for (const it of items) {
          evaluate(c, it);
          explain(c, it);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('arbitrary regex-like strings translate or fail with an offset inside the pattern; accepted ones run', () => {
    fc.assert(
      fc.property(REGEXISH, fc.string({ maxLength: 60 }), (pattern, text) => {
        const t = translatePythonRegex(pattern);
        if (!t.ok) {
          expect(t.offset).toBeGreaterThanOrEqual(0);
          expect(t.offset).toBeLessThanOrEqual(pattern.length);
          return;
        }
        const c = compileCondition({ 'body (regex, includes)': [pattern] });
        c.test({ id: 'x', type: 'comment', body: text });
      }),
      { numRuns: 1000 },
    );
  });

  it('compileCondition never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = compileCondition(v as Record<string, unknown>);
        c.test({ id: 'x', type: 'submission', title: 't' });
      }),
      { numRuns: 300 },
    );
  });
});
