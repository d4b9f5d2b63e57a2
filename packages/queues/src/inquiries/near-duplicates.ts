/** Words that say nothing about what a question is about. */
const STOPWORDS: ReadonlySet<string> = new Set(
  ('a an and are as at be but by can could do does for from get has have how i if in is it its me my no not of on or our please ' +
    'should so that the this to us was we what when where which who why will with would you your re fw fwd hi hello question quick help thanks').split(' '),
);

/** Most groups a subject is compared against; see groupNearDuplicates. */
export const MAX_CANDIDATES = 64;

/**
 * A subject as a set of words: lower case, `Re:`/`Fwd:` prefixes, punctuation and stopwords removed;
 * digits kept (a queue or item number can be the point).
 */
export function subjectTokens(subject: string): string[] {
  const words = subject
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w.length > 1 && !STOPWORDS.has(w));
  return [...new Set(words)].sort();
}

/** |a ∩ b| / |a ∪ b| of two sorted, duplicate-free word lists (0 when both are empty). */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if ((a[i] as string) < (b[j] as string)) i++;
    else j++;
  }
  const union = a.length + b.length - both;
  return union === 0 ? 0 : both / union;
}

/**
 * Groups subjects whose word sets overlap by at least `threshold` (Jaccard), in order: each subject joins
 * the most similar existing group (compared with the group's first subject) or starts one. Candidates
 * come from an index of words to groups, and at most MAX_CANDIDATES groups sharing a word are compared,
 * so n subjects cost O(n × 64) comparisons, not O(n²). Subjects with no words left form no group.
 * Returns the group index of each subject (-1: none).
 */
export function groupNearDuplicates(subjects: readonly string[], threshold: number): number[] {
  const leaders: string[][] = [];
  const byWord = new Map<string, number[]>();
  return subjects.map((subject) => {
    const words = subjectTokens(subject);
    if (words.length === 0) return -1;
    const seen = new Set<number>();
    let best = -1;
    let bestScore = 0;
    outer: for (const w of words) {
      for (const g of byWord.get(w) ?? []) {
        if (seen.has(g)) continue;
        seen.add(g);
        const score = jaccard(words, leaders[g] as string[]);
        if (score > bestScore) {
          best = g;
          bestScore = score;
        }
        if (seen.size >= MAX_CANDIDATES) break outer;
      }
    }
    if (best >= 0 && bestScore >= threshold) return best;
    const g = leaders.push(words) - 1;
    for (const w of words) {
      const list = byWord.get(w);
      if (list) list.push(g);
      else byWord.set(w, [g]);
    }
    return g;
  });
}
