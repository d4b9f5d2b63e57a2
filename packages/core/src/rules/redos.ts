/**
 * Catastrophic-backtracking detector over a translated regex's syntax tree. JavaScript's regex engine
 * backtracks, so a pattern such as `(\w+ ?)+` can take exponential time on a long non-matching comment.
 * A rule must never be able to hang the app, so such patterns are rejected when the rules are validated.
 *
 * The analysis is conservative but not exhaustive: it recognises the shapes that cause exponential
 * blow-ups in practice (a repeated group whose body can itself repeat with no separator that tells the
 * iterations apart; a repeated alternation whose branches can match the same text) and runs of three or
 * more adjacent overlapping unbounded quantifiers (polynomial, O(n³) or worse).
 */
import type { RegexNode } from './python-regex.js';

/** Characters used to compare character sets: ASCII plus a few representatives of other scripts. */
const SAMPLES: string[] = (() => {
  const out: string[] = [];
  for (let cp = 9; cp < 127; cp++) out.push(String.fromCodePoint(cp));
  out.push('é', 'ß', 'Ж', 'ا', '中', '٣', '\u00a0', '😀', '\u2028', '\u0301', '\u200d');
  return out;
})();

type CharSet = Uint8Array;

export interface RedosFinding {
  message: string;
}

/** Character sets of char nodes, shared by all analyses (configs repeat the same classes). */
const CHARSET_CACHE = new Map<string, CharSet>();
const CHARSET_CACHE_MAX = 5000;

class Analyzer {
  constructor(private readonly flags: string) {}

  charSet(js: string): CharSet {
    const key = `${this.flags}\u0000${js}`;
    let set = CHARSET_CACHE.get(key);
    if (set) return set;
    set = new Uint8Array(SAMPLES.length);
    let re: RegExp | undefined;
    try {
      re = new RegExp(`^(?:${js})$`, this.flags);
    } catch {
      re = undefined;
    }
    for (let i = 0; i < SAMPLES.length; i++) set[i] = re === undefined || re.test(SAMPLES[i] ?? '') ? 1 : 0;
    if (CHARSET_CACHE.size >= CHARSET_CACHE_MAX) CHARSET_CACHE.clear();
    CHARSET_CACHE.set(key, set);
    return set;
  }

  /** Characters any char node inside `node` can match (outside lookarounds). */
  chars(node: RegexNode, acc: CharSet = new Uint8Array(SAMPLES.length)): CharSet {
    this.collect(node, acc, false);
    return acc;
  }

  nullable(node: RegexNode): boolean {
    switch (node.type) {
      case 'char':
        return false;
      case 'alt':
        return node.branches.some((b) => b.every((n) => this.nullable(n)));
      case 'group':
        return node.look ? true : this.nullable(node.body);
      case 'quant':
        return node.min === 0 || this.nullable(node.child);
      default:
        return true;
    }
  }

  /** Characters that can start a match of the sequence. */
  first(seq: RegexNode[], acc: CharSet = new Uint8Array(SAMPLES.length)): CharSet {
    for (const n of seq) {
      this.collect(n, acc, true);
      if (!this.nullable(n)) break;
    }
    return acc;
  }

  /** Adds the characters of `node` to `acc`: all it can match, or (`firstOnly`) those a match can start with. */
  private collect(node: RegexNode, acc: CharSet, firstOnly: boolean): void {
    switch (node.type) {
      case 'char':
        union(acc, this.charSet(node.js));
        break;
      case 'alt':
        for (const b of node.branches) {
          if (firstOnly) this.first(b, acc);
          else for (const n of b) this.collect(n, acc, false);
        }
        break;
      case 'group':
        if (!node.look) this.collect(node.body, acc, firstOnly);
        break;
      case 'quant':
        this.collect(node.child, acc, firstOnly);
        break;
      case 'backref':
        acc.fill(1);
        break;
      default:
        break;
    }
  }

  /** Single-character prefix of a branch, for comparing alternation branches. */
  private prefix(seq: RegexNode[]): { sets: CharSet[]; fixed: boolean } {
    const sets: CharSet[] = [];
    for (const n of seq) {
      if (n.type === 'char') sets.push(this.charSet(n.js));
      else if (n.type === 'assert') continue;
      else if (n.type === 'group' && !n.look && n.body.type === 'alt' && n.body.branches.length === 1) {
        const inner = this.prefix(n.body.branches[0] ?? []);
        sets.push(...inner.sets);
        if (!inner.fixed) return { sets, fixed: false };
      } else return { sets, fixed: false };
    }
    return { sets, fixed: true };
  }

  findings: RedosFinding[] = [];

  walk(node: RegexNode): void {
    switch (node.type) {
      case 'alt':
        for (const b of node.branches) {
          this.checkAdjacent(b);
          for (const n of b) this.walk(n);
        }
        break;
      case 'group':
        this.walk(node.body);
        break;
      case 'quant':
        if (node.max > 1) this.checkRepeated(node);
        this.walk(node.child);
        break;
      default:
        break;
    }
  }

  private checkRepeated(q: Extract<RegexNode, { type: 'quant' }>): void {
    const body = q.child;
    const branches: RegexNode[][] =
      body.type === 'group' && !body.look && body.body.type === 'alt' ? body.body.branches : [[body]];
    // Nested repetition with nothing to separate the iterations.
    for (const branch of branches) {
      for (const inner of findRepeating(branch)) {
      const innerChars = this.chars(inner.child);
      const separated = branch.some(
        (n) => n !== inner && n.type === 'char' && !intersects(this.charSet(n.js), innerChars),
      );
      const separatedByGroup = branch.some(
        (n) => n !== inner && !containsNode(n, inner) && !this.nullable(n) && !intersects(this.chars(n), innerChars),
      );
      if (!separated && !separatedByGroup) {
        this.findings.push({
          message:
            'nested quantifiers: a repeated group contains another repetition that can match the same text (e.g. (\\w+ ?)+), which can take exponential time',
        });
        return;
      }
      }
    }
    // Alternation whose branches can match the same text, repeated.
    if (branches.length > 1) {
      for (let i = 0; i < branches.length; i++) {
        for (let j = i + 1; j < branches.length; j++) {
          const a = branches[i] ?? [];
          const b = branches[j] ?? [];
          if (!intersects(this.first(a), this.first(b))) continue;
          const pa = this.prefix(a);
          const pb = this.prefix(b);
          if (pa.fixed && pb.fixed) {
            const n = Math.min(pa.sets.length, pb.sets.length);
            let overlap = true;
            for (let k = 0; k < n; k++) {
              if (!intersects(pa.sets[k] ?? new Uint8Array(0), pb.sets[k] ?? new Uint8Array(0))) {
                overlap = false;
                break;
              }
            }
            if (!overlap) continue;
          }
          this.findings.push({
            message:
              'overlapping alternation under a quantifier: two alternatives can match the same text (e.g. (a|ab)* or (.|\\s)*), which can take exponential time',
          });
          return;
        }
      }
    }
  }

  /** Three or more adjacent unbounded quantifiers over overlapping characters: O(n³) or worse. */
  private checkAdjacent(seq: RegexNode[]): void {
    let run: CharSet | undefined;
    let count = 0;
    for (const n of seq) {
      if (n.type === 'quant' && n.max === Infinity && n.child.type === 'char') {
        const set = this.charSet(n.child.js);
        if (run && intersects(run, set)) {
          count++;
          run = intersection(run, set);
        } else {
          run = set;
          count = 1;
        }
        if (count >= 3) {
          this.findings.push({
            message:
              'adjacent quantifiers over the same characters (e.g. \\s*\\s*\\s* or .*.*.*): polynomial backtracking on long text',
          });
          return;
        }
      } else if (n.type === 'assert' || (n.type === 'group' && n.look)) {
        continue;
      } else if (!this.nullable(n)) {
        run = undefined;
        count = 0;
      }
    }
  }
}

function findRepeating(seq: RegexNode[], out: Extract<RegexNode, { type: 'quant' }>[] = []): Extract<RegexNode, { type: 'quant' }>[] {
  for (const n of seq) findRepeatingIn(n, out);
  return out;
}

function findRepeatingIn(n: RegexNode, out: Extract<RegexNode, { type: 'quant' }>[]): void {
  switch (n.type) {
    case 'quant':
      if (n.max > 1) out.push(n);
      else findRepeatingIn(n.child, out);
      return;
    case 'group':
      if (!n.look) findRepeatingIn(n.body, out);
      return;
    case 'alt':
      for (const b of n.branches) findRepeating(b, out);
      return;
    default:
      return;
  }
}

function containsNode(haystack: RegexNode, needle: RegexNode): boolean {
  if (haystack === needle) return true;
  switch (haystack.type) {
    case 'quant':
      return containsNode(haystack.child, needle);
    case 'group':
      return containsNode(haystack.body, needle);
    case 'alt':
      return haystack.branches.some((b) => b.some((n) => containsNode(n, needle)));
    default:
      return false;
  }
}

function union(acc: CharSet, s: CharSet): void {
  for (let i = 0; i < acc.length; i++) if (s[i]) acc[i] = 1;
}

function intersects(a: CharSet, b: CharSet): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] && b[i]) return true;
  return false;
}

function intersection(a: CharSet, b: CharSet): CharSet {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] && b[i] ? 1 : 0;
  return out;
}

/** Returns why the pattern could backtrack catastrophically, or undefined when it looks safe. */
export function findCatastrophicBacktracking(ast: RegexNode, ignoreCase: boolean): RedosFinding | undefined {
  const analyzer = new Analyzer(ignoreCase ? 'sui' : 'su');
  analyzer.walk(ast);
  return analyzer.findings[0];
}
