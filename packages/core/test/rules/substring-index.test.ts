import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SubstringIndex } from '../../src/rules/substring-index.js';

describe('SubstringIndex (Aho–Corasick over all literal substrings of a config)', () => {
  it('marks every group one of whose substrings occurs, overlapping ones included', () => {
    const idx = new SubstringIndex();
    const a = idx.register(['art']);
    const b = idx.register(['start', 'zzz']);
    const c = idx.register(['tar']);
    const d = idx.register(['nope']);
    const marks = idx.mark('a start');
    expect([a, b, c, d].map((id) => marks?.[id ?? -1])).toEqual([1, 1, 1, 0]);
  });
  it('agrees with String.includes on random texts', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-c]{1,4}$/), { minLength: 1, maxLength: 8 }), fc.stringMatching(/^[a-c ]{0,40}$/), (needles, text) => {
        const idx = new SubstringIndex();
        const ids = needles.map((n) => idx.register([n]));
        const marks = idx.mark(text);
        needles.forEach((n, i) => expect(marks?.[ids[i] ?? -1] === 1).toBe(text.includes(n)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('SubstringIndex whole-word groups', () => {
  it('counts an occurrence only with non-word characters (or the ends) around it', () => {
    const idx = new SubstringIndex();
    const cat = idx.register(['cat'], true);
    const dog = idx.register(['dog'], true);
    expect([cat, dog].map((id) => idx.mark('concatenate hotdog_ dog')?.[id ?? -1])).toEqual([0, 1]);
    const idx2 = new SubstringIndex();
    const c2 = idx2.register(['cat'], true);
    expect(idx2.mark('cat')?.[c2 ?? -1]).toBe(1);
    expect(idx2.mark('cats cat_')?.[c2 ?? -1]).toBe(0);
  });
});

describe('SubstringIndex letter case and non-ASCII text', () => {
  it('matches literals in any ASCII letter case, as the case-insensitive regexes do', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-c_]{1,3}$/), { minLength: 1, maxLength: 6 }), fc.stringMatching(/^[a-cA-C_ ]{0,30}$/), (needles, text) => {
        const idx = new SubstringIndex();
        const ids = needles.map((n) => idx.register([n]));
        const marks = idx.mark(text);
        needles.forEach((n, i) => expect(marks?.[ids[i] ?? -1] === 1).toBe(text.toLowerCase().includes(n)));
      }),
      { numRuns: 300 },
    );
  });
  it('answers null (undecided) when the text is not pure ASCII', () => {
    const idx = new SubstringIndex();
    idx.register(['cafe']);
    expect(idx.mark('CAFE')?.[0]).toBe(1);
    expect(idx.mark('café cafe')).toBeNull();
  });
});
