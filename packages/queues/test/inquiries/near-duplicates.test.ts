import { describe, expect, it } from 'vitest';
import { MAX_CANDIDATES, groupNearDuplicates, jaccard, subjectTokens } from '../../src/inquiries/near-duplicates.js';
import { mondayOfDate as mondayOf } from '@creator-desk/core';

describe('near-duplicate subjects', () => {
  it('normalise case, punctuation, Re: prefixes and stopwords', () => {
    expect(subjectTokens('Re: Can I get ACCESS to the Brand-Awards queue??')).toEqual(['access', 'awards', 'brand', 'queue']);
    expect(subjectTokens('???')).toEqual([]);
  });

  it('measure overlap as Jaccard of the word sets', () => {
    expect(jaccard(['a', 'b', 'c'], ['b', 'c', 'd'])).toBe(0.5);
    expect(jaccard([], [])).toBe(0);
  });

  it('group subjects at or above the threshold and keep the others apart', () => {
    const subjects = [
      'No access to the Brand Awards queue',
      "Can't access Brand Awards queue",
      'Review tool logs me out every hour',
      'Review tool keeps logging me out',
      'brand awards queue access?',
      'Invoice for January',
      '!!!',
    ];
    const g = groupNearDuplicates(subjects, 0.6);
    expect(g[1]).toBe(g[0]);
    expect(g[4]).toBe(g[0]);
    expect(g[3]).not.toBe(g[2]); // {review, tool, logs, every, hour} vs {review, tool, keeps, logging}: 2/7
    expect(new Set([g[0], g[2], g[3], g[5]]).size).toBe(4);
    expect(g[6]).toBe(-1);
    // A lower threshold joins the two logout questions.
    const loose = groupNearDuplicates(subjects, 0.3);
    expect(loose[3]).toBe(loose[2]);
  });

  it('compares a subject with a bounded number of groups, so a common word does not make it quadratic', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `queue item${i} w${i * 7}`);
    const started = performance.now();
    const g = groupNearDuplicates([...many, 'queue item5 w35'], 0.6);
    expect(new Set(g).size).toBe(3000);
    // The repeat of an early subject still finds its group: the word index leads to it.
    expect(g[3000]).toBe(g[5]);
    expect(MAX_CANDIDATES).toBeLessThanOrEqual(64);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('weeks start on Monday', () => {
    expect(mondayOf('2026-02-15')).toBe('2026-02-09');
    expect(mondayOf('2026-02-16')).toBe('2026-02-16');
    expect(mondayOf('2026-02-20')).toBe('2026-02-16');
  });
});
