import { describe, expect, it } from 'vitest';
import { parseRules, translatePythonRegex } from '../../src/index.js';
import { matches } from './helpers.js';

const js = (p: string, ignoreCase = true) => {
  const r = translatePythonRegex(p, ignoreCase);
  if (!r.ok) throw new Error(r.message);
  return new RegExp(r.source, `su${ignoreCase ? 'i' : ''}`);
};
const fails = (p: string, ignoreCase = true) => {
  const r = translatePythonRegex(p, ignoreCase);
  return r.ok ? undefined : r;
};

/** [behaviour, Python pattern, text, whether the translated regex matches it, case-insensitive (default yes)]. */
const RUNS: [string, string, string, boolean, boolean?][] = [
  ['\\A and \\Z are absolute anchors; $ also matches before a final newline', '\\Afoo\\Z', 'foo', true],
  ['\\A and \\Z are absolute anchors; $ also matches before a final newline', 'foo\\Z', 'foo\n', false],
  ['\\A and \\Z are absolute anchors; $ also matches before a final newline', 'foo$', 'foo\n', true],
  ['\\d, \\w and \\b are Unicode-aware, as with re.UNICODE', '^\\d+$', '٣٤', true],
  ['\\d, \\w and \\b are Unicode-aware, as with re.UNICODE', '^\\w+$', 'café', true],
  ['\\d, \\w and \\b are Unicode-aware, as with re.UNICODE', '\\bé', 'café', false],
  ['\\d, \\w and \\b are Unicode-aware, as with re.UNICODE', '[\\W]', 'é', false],
  ['\\d, \\w and \\b are Unicode-aware, as with re.UNICODE', '[^\\W\\d]', 'é', true],
  ['(?#comments) vanish; verbose mode strips whitespace and comments', 'a(?#note)b', 'ab', true],
  ['(?#comments) vanish; verbose mode strips whitespace and comments', '(?x) a  b # comment\n c', 'abc', true],
  ['{,n} means {0,n}; a lone { is literal', '^a{,2}$', 'aa', true],
  ['{,n} means {0,n}; a lone { is literal', '^a{,2}$', 'aaa', false],
  ['{,n} means {0,n}; a lone { is literal', 'x{y', 'x{y', true],
  ['escapes: \\x27, \\u00e9, \\U0001F600, octal, and punctuation escapes', '\\x27', "'", true],
  ['escapes: \\x27, \\u00e9, \\U0001F600, octal, and punctuation escapes', '\\u00e9', 'é', true],
  ['escapes: \\x27, \\u00e9, \\U0001F600, octal, and punctuation escapes', '\\U0001F600', '😀', true],
  ['escapes: \\x27, \\u00e9, \\U0001F600, octal, and punctuation escapes', '\\101', 'A', true],
  ['escapes: \\x27, \\u00e9, \\U0001F600, octal, and punctuation escapes', "\\'\\-\\_", "'-_", true],
  ['lookahead and lookbehind run as in Python', '(?<!covid.)19', 'covid-19', false],
  ['lookahead and lookbehind run as in Python', '^(?!a$|b$).*', 'c', true],
  ['[]abc] keeps a leading ] literal', '[]a]', ']', true],
  ['scoped flags that change nothing are accepted', '(?i:abc)', 'ABC', true],
  ['scoped flags that change nothing are accepted', '(?-i:abc)', 'abc', true, false],
];

describe('Python regex translation runs as Python would', () => {
  it.each(RUNS)('%s — %s on %j: %s', (_behaviour, pattern, text, expected, ignoreCase = true) => {
    expect(js(pattern, ignoreCase).test(text)).toBe(expected);
  });
});

describe('Python regex translation', () => {
  it('named groups and named backreferences', () => {
    const re = js('(?P<w>\\w+) (?P=w)');
    expect(re.test('hello hello')).toBe(true);
    expect(re.test('hello world')).toBe(false);
  });
  it('inline (?i) at the start applies to the whole pattern', () => {
    const r = translatePythonRegex('(?i)abc', false);
    expect(r.ok && r.flags.i).toBe(true);
    expect(matches("title (regex, case-sensitive): ['(?i)abc']\naction: remove", { title: 'ABC' })).toBe(true);
  });
  it('a global flag in the middle is applied with a warning (Python 3.11+ rejects it)', () => {
    const r = translatePythonRegex('^(?i)!cmd');
    expect(r.ok && r.warnings[0]?.message).toMatch(/not at the start/);
  });
  it('\\p{…} (regex-module syntax used by real configs) runs', () => {
    expect(js('[\\p{Pi}\\p{Pf}]').test('“')).toBe(true);
    expect(fails('\\p{Nope}')?.message).toMatch(/unknown Unicode property/);
  });
  it('rejects what JavaScript cannot run faithfully, saying which construct and where', () => {
    expect(fails('a++')).toMatchObject({ message: expect.stringMatching(/possessive quantifier/), offset: 1 });
    expect(fails('(?>ab)')?.message).toMatch(/atomic group/);
    expect(fails('(a)?(?(1)b|c)')?.message).toMatch(/conditional group/);
    expect(fails('x(?-i:Ways)')).toMatchObject({ message: expect.stringMatching(/scoped inline flags/), offset: 1 });
    expect(fails('(?L)a')?.message).toMatch(/locale flag/);
    expect(fails('\\N{DASH}')?.message).toMatch(/named Unicode escape/);
  });
  it('scoped flags that switch case-sensitivity run with the rest of the check made case-insensitive by expansion', () => {
    const rule = "title (regex): ['easy (?-i:Ways)']\naction: remove";
    expect(matches(rule, { title: 'EASY Ways to draw' })).toBe(true);
    expect(matches(rule, { title: 'easy ways to draw' })).toBe(false);
    const cs = "title (regex, case-sensitive): ['(?i:new) Drop']\naction: remove";
    expect(matches(cs, { title: 'NEW Drop' })).toBe(true);
    expect(matches(cs, { title: 'new drop' })).toBe(false);
    // Without the i flag, the Kelvin sign range does not swallow a plain k (it would under /iu).
    const letterlike = "title (regex, includes): ['(?-i:[℀-⅏]+)', 'spam']\naction: remove";
    expect(matches(letterlike, { title: 'okay' })).toBe(false);
    expect(matches(letterlike, { title: 'ℍello' })).toBe(true);
    expect(matches(letterlike, { title: 'SPAM' })).toBe(true);
  });
  it('scoped flags with a backreference in case-insensitive text are still rejected', () => {
    expect(parseRules("title (regex): ['(a)\\2(?-i:B)']\naction: remove").diagnostics[0]?.message).toMatch(/backreference inside case-insensitive text/);
  });
  it('reports Python syntax errors precisely', () => {
    expect(fails('(abc')).toMatchObject({ message: expect.stringMatching(/missing \), unterminated subpattern/), offset: 0 });
    expect(fails('abc)')?.message).toMatch(/unbalanced parenthesis/);
    expect(fails('*a')?.message).toMatch(/nothing to repeat/);
    expect(fails('a**')?.message).toMatch(/multiple repeat/);
    expect(fails('[z-a]')?.message).toMatch(/bad character range/);
    expect(fails('\\q')?.message).toMatch(/bad escape \\q/);
    expect(fails('(?P=nope)')?.message).toMatch(/unknown group name/);
    expect(fails('[abc')?.message).toMatch(/unterminated character set/);
  });
  it('a bad regex becomes a diagnostic at the value, and the rule is left out', () => {
    const r = parseRules("title (regex): ['ok', 'a++']\naction: remove\n---\ntitle: [fine]\naction: remove");
    expect(r.rules.map((x) => x.line)).toEqual([4]);
    expect(r.diagnostics[0]).toMatchObject({ line: 1, column: 23, severity: 'error', ruleIndex: 0 });
    expect(r.diagnostics[0]?.message).toMatch(/possessive quantifier/);
  });
  it('backreference numbers count AutoModerator\'s outer group, as in Python', () => {
    // Group 1 is the whole matched value, so the user's first group is \\2.
    expect(matches("title (regex, includes): ['(\\w)\\2']\naction: remove", { title: 'book' })).toBe(true);
    expect(matches("title (regex, includes): ['(\\w)\\2']\naction: remove", { title: 'bake' })).toBe(false);
  });
  it('double-quoted YAML decodes escapes before the regex engine sees them', () => {
    expect(matches('title (regex): ["\\\\d+ \\u00e9"]\naction: remove', { title: '42 é' })).toBe(true);
  });
});
