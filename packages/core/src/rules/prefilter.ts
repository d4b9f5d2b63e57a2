/**
 * Necessary literals of a regex: texts one of which must occur wherever the regex matches. A cheap
 * literal-alternation scan on them rejects most texts before the full pattern (with its Unicode
 * word-boundary lookarounds) runs. It is only a necessary condition, so results never change.
 */
import type { RegexNode } from './python-regex.js';

const MIN_LITERAL = 2;

/** The literal character a char node matches exactly, if it is one. */
function literalChar(js: string): string | undefined {
  if (js.length === 1 && !/[.[\]()|*+?{}^$\\]/.test(js)) return js;
  if (js.length === 2 && js[0] === '\\' && /[\\^$.*+?()[\]{}|/-]/.test(js[1] ?? '')) return js[1];
  const m = /^\\u\{([0-9a-f]+)\}$/i.exec(js);
  if (m) return String.fromCodePoint(parseInt(m[1] ?? '0', 16));
  // Astral characters arrive whole.
  if ([...js].length === 1 && js.length === 2 && !js.startsWith('\\')) return js;
  return undefined;
}

/** Alternatives (one must occur) for a node, or undefined when nothing useful is required. */
function required(node: RegexNode): string[] | undefined {
  switch (node.type) {
    case 'alt': {
      if (node.branches.length === 1) return requiredSeq(node.branches[0] ?? []);
      const out: string[] = [];
      for (const b of node.branches) {
        const r = requiredSeq(b);
        if (!r) return undefined;
        out.push(...r);
      }
      return out;
    }
    case 'group':
      return node.look ? undefined : required(node.body);
    case 'quant':
      return node.min >= 1 ? required(node.child) : undefined;
    case 'char': {
      const c = literalChar(node.js);
      return c === undefined ? undefined : [c];
    }
    default:
      return undefined;
  }
}

function score(alts: string[]): number {
  return Math.min(...alts.map((a) => a.length));
}

function requiredSeq(seq: RegexNode[]): string[] | undefined {
  let best: string[] | undefined;
  let run = '';
  const consider = (cand: string[] | undefined): void => {
    if (cand && cand.length > 0 && (!best || score(cand) > score(best))) best = cand;
  };
  for (const n of seq) {
    const c = n.type === 'char' ? literalChar(n.js) : undefined;
    if (c !== undefined) {
      run += c;
      continue;
    }
    if (run) consider([run]);
    run = '';
    if (n.type === 'assert' || (n.type === 'group' && n.look)) continue;
    consider(required(n));
  }
  if (run) consider([run]);
  return best;
}

/** Literal alternatives that must occur for `asts` (the check's values, OR-ed), or undefined. */
export function requiredLiterals(asts: RegexNode[]): string[] | undefined {
  const out = new Set<string>();
  for (const ast of asts) {
    const r = required(ast);
    if (!r || score(r) < MIN_LITERAL) return undefined;
    for (const x of r) out.add(x);
  }
  return out.size > 0 && out.size <= 2000 ? [...out] : undefined;
}
