import { describe, expect, it } from 'vitest';
import { findCatastrophicBacktracking } from '../../src/rules/redos.js';
import { translatePythonRegex } from '../../src/index.js';
import { errors } from './helpers.js';

const verdict = (p: string): string | undefined => {
  const t = translatePythonRegex(p);
  if (!t.ok) throw new Error(t.message);
  return findCatastrophicBacktracking(t.ast, true)?.message;
};

describe('catastrophic backtracking detector', () => {
  it.each(['(a+)+', '(\\w+ ?)+', '(\\s*\\w+)*', '((ab)+)+', '(?:\\.[^\\s]+)+', '(x{1,32}){1,32}'])('rejects nested quantifiers: %s', (p) => {
    expect(verdict(p)).toMatch(/nested quantifiers/);
  });
  it.each(['(a|ab)*', '(\\w|\\d)+', '(.|\\s)*', '([A-Z0-9!,.]|\\W)+'])('rejects overlapping alternation under a quantifier: %s', (p) => {
    expect(verdict(p)).toMatch(/overlapping alternation/);
  });
  it.each(['\\s*\\s*\\s*x', '.*.*.*=', 'you\\s+.*\\s+twat'])('rejects runs of overlapping unbounded quantifiers: %s', (p) => {
    expect(verdict(p)).toMatch(/adjacent quantifiers/);
  });
  it.each([
    '(?:[a-z]+\\.)+com',
    '(\\w+\\s)+end',
    '(ab|ac)*',
    '(?:https?|ftp)://\\S+',
    '^(?:\\S+[.,!?]*\\s+){4,}\\S+[.,!?]*$',
    '\\d{3}[-. ]?\\d{4}',
    '.*foo',
    '(cat|dog)s?',
    '[\\s\\S]*',
  ])('accepts common safe patterns: %s', (p) => {
    expect(verdict(p)).toBeUndefined();
  });
  it('the usual rewrite of a rejected pattern is accepted', () => {
    expect(verdict('^(\\w+ ?)+$')).toMatch(/nested quantifiers/);
    expect(verdict('^\\w+(?: \\w+)*$')).toBeUndefined();
  });
  it('a rejected regex is a rule error at the value', () => {
    expect(errors("body (regex): ['(\\w+ ?)+!']\naction: remove")[0]).toMatch(/rejected: nested quantifiers/);
  });
});
