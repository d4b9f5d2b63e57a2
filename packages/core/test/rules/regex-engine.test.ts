import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRules, type SearchCheck } from '../../src/index.js';
import { searchRegex } from '../../src/rules/regex-engine.js';
import { buildSearchPattern } from '../../src/rules/search-pattern.js';
import type { SearchMethod } from '../../src/rules/schema.js';
import { errors, matches } from './helpers.js';
import { HOSTILE_PATTERNS as HOSTILE } from './hostile-patterns.js';

/** The first search check of a one-rule config (which must compile). */
function checkOf(checks: string): SearchCheck {
  const { rules, diagnostics } = parseRules(`${checks}\naction: remove`);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const found: SearchCheck[] = [];
  const walk = (v: unknown): void => {
    if (v && typeof v === 'object') {
      if ((v as { kind?: unknown }).kind === 'search') found.push(v as SearchCheck);
      for (const x of Object.values(v)) walk(x);
    }
  };
  walk(rules[0]);
  expect(found.length).toBeGreaterThan(0);
  return found[0] as SearchCheck;
}

const quoted = (p: string): string => `'${p.replace(/'/g, "''")}'`;


describe('regexes run on a linear-time engine', () => {
  it.each(HOSTILE)('a hostile pattern compiles onto re2js: %s', (p) => {
    const c = checkOf(`body (regex): [${quoted(p)}]`);
    expect(c.engine).toBe('re2js');
    expect(c.re2?.pattern).toBeTypeOf('string');
  });

  it.each([
    ['(https?://)?(www\\.)?\\S+\\.\\S+/\\S*', `see ${'.'.repeat(300)}`, false],
    ['(https?://)?(www\\.)?\\S+\\.\\S+/\\S*', 'go to www.example.com/x now', true],
    ['.+\\s.+\\s.+x', ' '.repeat(300), false],
    ['\\s+$', `${' '.repeat(300)}a`, false],
    ['\\s+$', 'trailing   ', true],
    ['\\d+\\s*\\d+\\s*\\d+x', '1'.repeat(300), false],
    ['(.*)(free)(.*)(nft)(.*)(drop)', 'free nft airdrop', true],
    ['(.*)(free)(.*)(nft)(.*)(drop)', 'free '.repeat(60), false],
    ['^(?:\\S+[.,!?]*\\s+){124,}\\S+[.,!?]*$', 'word '.repeat(14), false],
    ['^(?:\\S+[.,!?]*\\s+){124,}\\S+[.,!?]*$', `${'word, '.repeat(130)}end!`, true],
  ])('%s on a hostile text gives the same answer as before (%#)', (p, body, expected) => {
    expect(matches(`body (regex, includes): [${quoted(p)}]\naction: remove`, { type: 'comment', body })).toBe(expected);
  });

  it('patterns without repetition stay on V8 (one walk of the pattern per start position)', () => {
    expect(checkOf('title: [spam, scam, "free money"]').engine).toBe('v8');
    expect(checkOf("title (regex): ['\\b(cat|dog)s?\\b']").engine).toBe('v8');
    expect(checkOf("title (regex, full-exact): ['hello']").engine).toBe('v8');
  });

  it('a pattern without repetition but with very many paths goes to re2js', () => {
    expect(checkOf(`title (regex): [${quoted('(a|a)'.repeat(20))}]`).engine).toBe('re2js');
  });

  it('a literal full-text check (it repeats non-word characters) runs on re2js', () => {
    expect(checkOf('title (full-text): [hello]').engine).toBe('re2js');
  });

  it('a backreference under a repetition is rejected, naming the construct and its column', () => {
    const [e] = errors("body (regex): ['(\\w+) .*\\1']\naction: remove");
    expect(e).toMatch(/rejected: it could take more than linear time on a long text: a backreference .* at column 9 of the pattern/);
  });

  it('a lookahead that cannot be rewritten is rejected, naming it', () => {
    // The run [a-z]* could stop before an `a` as well as at its end: not a run of one class then texts.
    const [e] = errors("body (regex): ['x(?![a-z]*a)\\w+']\naction: remove");
    expect(e).toMatch(/a lookahead \(\?!…\) that is neither one character nor a short list of texts.* at column 2 of the pattern/);
  });

  it('a repeat count above RE2\'s limit is rejected', () => {
    expect(errors("body (regex): ['a{1,2000}b']\naction: remove")[0]).toMatch(/repeat count above 1000/);
  });

  it('the rejection keeps the rest of the config: the check reports an error at its value', () => {
    const { diagnostics } = parseRules("---\nbody (regex): ['(\\w+) .*\\1']\naction: remove\n---\n");
    const d = diagnostics.find((x) => x.severity === 'error');
    expect(d).toMatchObject({ line: 2 });
  });
});

describe('re2js gives the same matches and groups as V8 did', () => {
  // Python-flavoured patterns over the constructs the rewriting touches. A repeated group never matches
  // the empty text: there V8 departs from Python (it refuses an empty iteration), and RE2 follows Python.
  const CHARS = ['a', 'b', 'é', '\\w', '\\W', '\\d', '\\s', '\\S', '.', '[a-c]', '[^a]', '[\\W\\d]', ' ', '-'];
  const ZERO = ['\\b', '\\B', '$', '^', '(?=a)', '(?!b)', '(?<=a)', '(?<!\\w)', '(?!ab|ba)', '(?=b\\d)', '(?!a$|b\\b)', '(?!(ab|-)( |$))', '(?!1\\b)', '(?!a-\\b)', '(?! *1-)', '(?![\\s-]*\\d{2})'];
  const solid: fc.Arbitrary<string> = fc.letrec<{ re: string; piece: string }>((tie) => ({
    re: fc.array(fc.array(tie('piece'), { minLength: 1, maxLength: 3 }).map((xs) => xs.join('')), { minLength: 1, maxLength: 2 }).map((bs) => bs.join('|')),
    piece: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...CHARS),
      fc.tuple(fc.constantFrom(...CHARS), fc.constantFrom('+', '+?', '{2}', '{1,3}')).map(([a, q]) => a + q),
      fc.tuple(tie('re'), fc.constantFrom('', '+', '{1,2}')).map(([r, q]) => `(${r})${q}`),
    ),
  })).re;
  const piece = fc.oneof(
    solid.map((r) => `(${r})`),
    fc.constantFrom(...CHARS, ...ZERO),
    fc.tuple(fc.constantFrom(...CHARS), fc.constantFrom('*', '?', '*?', '??', '{0,2}')).map(([a, q]) => a + q),
    fc.tuple(solid, fc.constantFrom('*', '?', '{0,2}', '+')).map(([r, q]) => `(${r})${q}`),
  );
  const pattern = fc.array(fc.array(piece, { minLength: 1, maxLength: 5 }).map((xs) => xs.join('')), { minLength: 1, maxLength: 2 }).map((bs) => bs.join('|'));
  const text = fc.stringMatching(/^[ab é\n1-]{0,14}$/);
  const methods: SearchMethod[] = ['includes', 'includes-word', 'starts-with', 'ends-with', 'full-exact', 'full-text'];

  it('on random patterns, texts, methods and case modes', () => {
    let compared = 0;
    fc.assert(
      fc.property(pattern, fc.constantFrom(...methods), fc.boolean(), fc.array(text, { minLength: 1, maxLength: 4 }), (p, method, caseSensitive, texts) => {
        const built = buildSearchPattern([p], method, true, caseSensitive);
        if (built.problems.some((x) => x.severity === 'error') || built.engine !== 're2js') return;
        const v8 = new RegExp(built.pattern, built.flags);
        const re2 = searchRegex(built);
        for (const t of texts) {
          const a = v8.exec(t);
          const b = re2.exec(t);
          compared++;
          expect(b === null, `${p} (${method}) on ${JSON.stringify(t)}`).toBe(a === null);
          // Group 1 (`{{match}}`, the whole matched value) is the same unless the rewriting had to write a
          // group twice (a lookahead before an optional part: see the rules README). Inner groups can differ
          // where V8 departs from Python: V8 forgets a group set in an earlier iteration of a repetition;
          // RE2, like Python, keeps it.
          const copies = built.re2?.groups.slice(1) ?? [];
          if (a && b && new Set(copies).size === copies.length) expect(b[1], `${p} (${method}) on ${JSON.stringify(t)}`).toBe(a[1]);
        }
      }),
      { numRuns: 700 },
    );
    expect(compared).toBeGreaterThan(1000);
  });

  it.each([
    ['\\bcat\\b', 'écat', false],
    ['\\bcat\\b', 'a cat!', true],
    ['\\w+', 'ßé', true],
    ['^\\d+$', '٣٤\n', true],
    ['foo$', 'foo\n', true],
    ['foo$', 'foo\nbar', false],
    ['(?-i:Ways)', 'ways', false],
    ['(?-i:Ways)', 'Ways', true],
  ])('Python semantics are kept: %s on %j', (p, body, expected) => {
    const c = checkOf(`body (regex, includes): [${quoted(p)}, '(x+)+y']`);
    expect(c.engine).toBe('re2js');
    expect(matches(`body (regex, includes): [${quoted(p)}, '(x+)+y']\naction: remove`, { type: 'comment', body })).toBe(expected);
  });
});
