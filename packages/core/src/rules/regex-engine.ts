/**
 * Which engine runs a search check's regex, so that no pattern the rule language accepts takes
 * super-linear time in the length of the text.
 *
 * - `re2js` (a pure-JavaScript port of RE2: automata, no backtracking) runs every pattern with a
 *   repetition. RE2 has no lookahead and its `\b` is ASCII-only, so the zero-width checks the rule
 *   language needs (Unicode `\b`/`\B`, Python's `$`, one-character lookaheads, the word edges of
 *   `includes-word`) are rewritten: a condition on the next character is checked by a one-character
 *   lookbehind right after the next character is consumed (re2js runs captureless lookbehinds in
 *   linear time), and at the very end of the pattern the next character is consumed (group 0 then
 *   takes one character more; no placeholder shows group 0, and groups 1… are unchanged).
 * - V8's own engine keeps the patterns without unbounded repetition (`includes-word` lists, plain words,
 *   `\d{3}-\d{4}`): a backtracking engine spends at most one walk of the pattern's paths per start
 *   position on them, so they are linear by construction, and V8 is faster on them (see `bench/rules`).
 *   The paths and, with counts, paths × path length are bounded too, so `(a|a)(a|a)…` or `a{1,999}b`
 *   cannot hide a huge constant.
 * - Anything else — a backreference or a longer lookahead inside a repeated pattern, a repeat count
 *   above RE2's 1,000 — is rejected, naming the construct and where it is.
 */
import { RE2JS } from 're2js';
import { caseVariants, unicodeWordBoundary, type RegexNode } from './python-regex.js';

/** The engine a search check's regex runs on. */
export type RegexEngine = 're2js' | 'v8';

/** A regex the way a check runs it: `exec` gives group 0, 1 … like `RegExp.prototype.exec`. */
export interface SearchRegex {
  exec(text: string): ArrayLike<string | undefined> | null;
}

export type EnginePlan =
  | { ok: true; engine: 'v8' }
  | ({ ok: true; engine: 're2js' } & Re2Form)
  | { ok: false; message: string; at?: number };

const WORD = '[\\p{L}\\p{N}_]';
const IS_WORD = /^[\p{L}\p{N}_]$/u;
/** JavaScript's `\s` (what V8 matches, and what the rule language has always meant) for RE2, whose `\s` is ASCII. */
const SPACE = '\\t-\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';
/** More backtracking paths per start position than this and a pattern without repetition still goes to RE2. */
const MAX_V8_PATHS = 10_000;
/** With bounded repetition, the most characters the backtracking walks of one start position may visit on V8. */
const MAX_V8_STEPS = 100_000;
/** RE2 refuses repeat counts above 1,000. */
const MAX_RE2_REPEAT = 1000;

/** A condition on the character after the current position, checked once that character is consumed. */
interface Ahead {
  cls: string;
  neg: boolean;
}
/**
 * A lookahead over a finite set of texts (`(?!abuse@|help@)`): each text is checked by a lookbehind once
 * as many characters as it has are consumed. `done` counts the characters consumed since the lookahead.
 */
interface WordCheck {
  words: string[][];
  done: number;
  neg: boolean;
  /**
   * A run of this class comes first (`(?![\\s(]*\\d{4})`): while characters of the class are consumed the
   * check stays open; the first other character starts the texts. No text starts with a character of
   * the class, so the run is the whole run and the texts can only start where it ends.
   */
  run?: string;
  /** The run's class in translator (JavaScript) syntax, to decide statically which atoms are in it. */
  runJs?: string;
}
/** One way a run of zero-width assertions can hold: assertions RE2 runs in place, and conditions ahead. */
interface Case {
  now: string;
  ahead: Ahead[];
  /** Python's `$`: at the end, or before a final newline (only at the end of the whole pattern). */
  pyEnd: boolean;
  words?: WordCheck[];
}
type Pending = Case[];

const TRIVIAL: Pending = [{ now: '', ahead: [], pyEnd: false }];
const notWord: Ahead = { cls: WORD, neg: true };
const isWord: Ahead = { cls: WORD, neg: false };
/** "Some character follows": holds once any character is consumed, never at the end. */
const SOME: Ahead = { cls: '(?s:.)', neg: false };

/** The zero-width assertions the translator and the search templates write, by their JavaScript spelling. */
const ASSERTS: ReadonlyMap<string, Pending> = new Map<string, Pending>([
  ['^', [{ now: '^', ahead: [], pyEnd: false }]],
  ['$', [{ now: '$', ahead: [], pyEnd: false }]],
  ['(?=\\n?$)', [{ now: '', ahead: [], pyEnd: true }]],
  ['(?<![\\s\\S])', [{ now: '\\A', ahead: [], pyEnd: false }]],
  ['(?![\\s\\S])', [{ now: '\\z', ahead: [], pyEnd: false }]],
  ['\\b', [{ now: '\\b', ahead: [], pyEnd: false }]],
  ['\\B', [{ now: '\\B', ahead: [], pyEnd: false }]],
  [`(?<!${WORD})`, [{ now: `(?<!${WORD})`, ahead: [], pyEnd: false }]],
  [`(?!${WORD})`, [{ now: '', ahead: [notWord], pyEnd: false }]],
  [`(?:(?<!${WORD})|(?!${WORD}))`, [{ now: `(?<!${WORD})`, ahead: [], pyEnd: false }, { now: '', ahead: [notWord], pyEnd: false }]],
  [`(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`, [{ now: `(?<=${WORD})`, ahead: [notWord], pyEnd: false }, { now: `(?<!${WORD})`, ahead: [isWord], pyEnd: false }]],
  [`(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`, [{ now: `(?<=${WORD})`, ahead: [isWord], pyEnd: false }, { now: `(?<!${WORD})`, ahead: [notWord], pyEnd: false }]],
]);

class NotLinear extends Error {
  constructor(
    message: string,
    readonly at: number | undefined,
  ) {
    super(message);
  }
}

/** The one character a char node matches exactly, if it is a literal. */
function literalOf(js: string): string | undefined {
  if ([...js].length === 1 && !/[.[\]()|*+?{}^$\\]/.test(js)) return js;
  if (js.length === 2 && js[0] === '\\' && /[\\^$.*+?()[\]{}|/-]/.test(js[1] ?? '')) return js[1];
  const m = /^\\u\{([0-9a-f]+)\}$/i.exec(js);
  return m ? String.fromCodePoint(parseInt(m[1] ?? '0', 16)) : undefined;
}

/** A one-character JavaScript atom (as the translator writes them) in RE2 syntax. */
function charToRe2(js: string, at: number | undefined): string {
  if (js === '[\\s\\S]' || js === '[\\S\\s]') return '(?s:.)';
  // `[^…\W…]` is written `(?:(?![…])[\p{L}\p{N}_])`: a word character not in the class.
  const minus = /^\(\?:\(\?!(\[.*\])\)(\[\\p\{L\}\\p\{N\}_\])\)$/.exec(js);
  if (minus) return minus[1] === '[]' ? WORD : `(?:${WORD}(?<!${convert(minus[1] ?? '', at)}))`;
  return convert(js, at);
}

function convert(js: string, at: number | undefined): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < js.length; i++) {
    const c = js[i] ?? '';
    if (c === '\\') {
      const e = js[i + 1] ?? '';
      i++;
      if (e === 'u' && js[i + 1] === '{') {
        const close = js.indexOf('}', i);
        out += `\\x{${js.slice(i + 2, close)}}`;
        i = close;
      } else if (e === 's') {
        out += inClass ? SPACE : `[${SPACE}]`;
      } else if (e === 'S') {
        if (inClass) throw new NotLinear('\\S inside a character class has no RE2 spelling here', at);
        out += `[^${SPACE}]`;
      } else if ((e === 'p' || e === 'P') && js[i + 1] === '{') {
        const close = js.indexOf('}', i);
        // RE2 names scripts and categories without the `Script=` / `General_Category=` prefix.
        const name = js.slice(i + 2, close).replace(/^(?:Script|sc|General_Category|gc)=/, '');
        out += `\\${e}{${name}}`;
        i = close;
      } else {
        out += `\\${e}`;
      }
    } else {
      if (c === '[' && !inClass) inClass = true;
      else if (c === ']' && inClass) inClass = false;
      out += c;
    }
  }
  return out;
}

function and(a: Pending, b: Pending, at: number | undefined): Pending {
  const out: Case[] = [];
  for (const x of a) {
    for (const y of b) {
      const c: Case = { now: x.now + y.now, ahead: [...x.ahead, ...y.ahead], pyEnd: x.pyEnd || y.pyEnd };
      const words = [...(x.words ?? []), ...(y.words ?? [])];
      if (words.length > 0) c.words = words;
      out.push(c);
    }
  }
  if (out.length > 16) throw new NotLinear('too many word boundaries in a row', at);
  return out;
}

function isTrivial(p: Pending): boolean {
  return p.length === 1 && p[0]?.now === '' && p[0].ahead.length === 0 && !p[0].pyEnd && (p[0].words ?? []).length === 0;
}

function samePending(a: Pending, b: Pending): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Emits the assertions that need nothing from the next character; the rest stays pending. */
function flush(p: Pending): [string, Pending] {
  if (p.some((c) => c.ahead.length > 0 || c.pyEnd || (c.words ?? []).length > 0)) return ['', p];
  if (isTrivial(p)) return ['', TRIVIAL];
  return [p.length === 1 ? (p[0]?.now ?? '') : `(?:${p.map((c) => c.now).join('|')})`, TRIVIAL];
}

function lookbehinds(ahead: readonly Ahead[]): string {
  return ahead.map((a) => `(?<${a.neg ? '!' : '='}${a.cls})`).join('');
}

/** Conditions on a literal character decided now: undefined when the case cannot hold. */
function decide(ahead: readonly Ahead[], lit: string | undefined): Ahead[] | undefined {
  const left: Ahead[] = [];
  for (const a of ahead) {
    // Any character at all: consuming one is the condition.
    if (a === SOME) continue;
    if (lit !== undefined && (a.cls === WORD || a.cls === '\\n')) {
      if ((a.cls === WORD ? IS_WORD.test(lit) : lit === '\n') === a.neg) return undefined;
    } else {
      left.push(a);
    }
  }
  return left;
}

const NEVER = '[^\\x00-\\x{10FFFF}]';
const ANY = '(?s:.)';
const NOT_WORD = '[^\\p{L}\\p{N}_]';

/**
 * On pure-ASCII text, a word-edge lookbehind right before a literal character is RE2's own `\\b` or
 * `\\B` (which its fast automaton runs, unlike lookbehinds).
 */
function asciiEdges(now: string, nextIsWord: boolean): string {
  return now.split(`(?<!${WORD})`).join(nextIsWord ? '\\b' : '\\B').split(`(?<=${WORD})`).join(nextIsWord ? '\\B' : '\\b');
}

/** Whether the last character a match of `seq` consumes is a word character, when every path agrees. */
function lastWordness(seq: readonly RegexNode[]): boolean | undefined {
  for (let i = seq.length - 1; i >= 0; i--) {
    const n = seq[i] as RegexNode;
    switch (n.type) {
      case 'assert':
        continue;
      case 'char':
        return wordness(n.js);
      case 'quant':
        return n.min >= 1 ? lastWordness([n.child]) : undefined;
      case 'group':
        if (n.look) continue;
        return lastWordness([n.body]);
      case 'alt': {
        const ends = n.branches.map((b) => lastWordness(b));
        return ends.every((e) => e === true) ? true : ends.every((e) => e === false) ? false : undefined;
      }
      default:
        return undefined;
    }
  }
  return undefined;
}

/** Whether every character a one-character atom (translator syntax) matches is a word character (true), none is (false), or either. */
function wordness(js: string): boolean | undefined {
  const lit = literalOf(js);
  if (lit !== undefined) return IS_WORD.test(lit);
  if (js === WORD || js === '\\p{Nd}' || js === '\\d' || js === '\\w' || js === '\\p{L}' || js === '\\p{N}') return true;
  if (js === NOT_WORD || js === '\\s' || js === '\\W') return false;
  const m = /^\[((?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9]|[A-Za-z0-9_])+)\]$/.exec(js);
  return m ? true : undefined;
}

/**
 * One case checked on the character `src` consumes: the ways out (none: it cannot hold), each with its
 * source and what stays pending. A lookahead's run splits it: the character is in the run, or ends it.
 */
function dischargeCase(c: Case, src: string, lit: string | undefined, ascii = false, ignoreCase = false, js?: string): Exit[] {
  const words = c.words ?? [];
  const k = words.findIndex((w) => w.run !== undefined);
  if (k < 0) {
    const e = dischargeOne(c, src, lit, ascii, ignoreCase);
    return e ? [e] : [];
  }
  const w = words[k] as WordCheck;
  const run = w.run as string;
  const others = words.filter((_, i) => i !== k);
  // What the consumed character can be, when its atom is known: always, never or maybe one of the run's.
  const runJs = w.runJs as string;
  const inside = js === undefined ? undefined : disjoint(js, runJs, ignoreCase) ? false : contained(js, runJs, ignoreCase) ? true : undefined;
  // The character is one of the run's: the check stays open after it (unless the text ends here).
  const inRun =
    inside === false
      ? []
      : dischargeCase({ ...c, ahead: inside ? c.ahead : [...c.ahead, { cls: run, neg: false }], words: others }, src, lit, ascii, ignoreCase, js).map((e) =>
          c.pyEnd ? e : { src: e.src, p: e.p.map((pc) => ({ ...pc, words: [...(pc.words ?? []), w] })) },
        );
  // It is not: the run ended before it, and it is the first character of the texts.
  const { run: _run, runJs: _runJs, ...texts } = w;
  const out = inside === true ? [] : dischargeCase({ ...c, ahead: inside === false ? c.ahead : [...c.ahead, { cls: run, neg: true }], words: [...others, texts] }, src, lit, ascii, ignoreCase, js);
  return [...inRun, ...out];
}

/** `dischargeCase` for a case without a run: one way out at most. */
function dischargeOne(c: Case, src: string, lit: string | undefined, ascii = false, ignoreCase = false): Exit | undefined {
  // Python's `$` before a consumed character: that character is the final newline.
  const ahead = c.pyEnd ? [...c.ahead, { cls: '\\n', neg: false }] : c.ahead;
  let left = decide(ahead, lit);
  if (left === undefined) return undefined;
  let atom = src;
  // Any character that must (not) be a word character is that class: no lookbehind needed.
  if ((src === ANY || src === '.') && left.length > 0 && left.every((a) => a.cls === WORD)) {
    if (left.some((a) => a.neg) && left.some((a) => !a.neg)) return undefined;
    atom = left[0]?.neg === true ? NOT_WORD : WORD;
    left = [];
  }
  let checks = '';
  const rest: WordCheck[] = [];
  // Texts of negative lookaheads now seen whole that also needed the end of the text right here.
  const atEnd: string[] = [];
  for (const w of c.words ?? []) {
    const done = w.done + 1;
    // A text whose character here is a different literal, or the end, cannot be the one ahead.
    const fits = (x: string[]): boolean => {
      if (x[w.done] === END) return false;
      const want = lit === undefined ? undefined : literalOf(x[w.done] ?? '');
      if (want === undefined || lit === undefined) return true;
      return ignoreCase ? caseVariants(want).includes(lit) || caseVariants(lit).includes(want) : want === lit;
    };
    const words = w.words.filter(fits);
    if (!w.neg && words.length === 0) return undefined;
    const now = words.filter((x) => x.length === done).map((x) => x.join(''));
    for (const x of words) if (x.length === done + 1 && x[done] === END) atEnd.push(x.slice(0, done).join(''));
    const later = words.filter((x) => x.length > done && !(x.length === done + 1 && x[done] === END));
    if (now.length > 0) checks += `(?<${w.neg ? '!' : '='}${now.length === 1 ? now[0] : `(?:${now.join('|')})`})`;
    // A positive check holds once its text is seen; a negative one once no longer text is left.
    if (later.length > 0 && !(now.length > 0 && !w.neg)) rest.push({ words: later, done, neg: w.neg });
    else if (later.length === 0 && now.length === 0 && !w.neg) return undefined;
  }
  if (c.pyEnd && rest.some((w) => !w.neg)) return undefined;
  const ends = atEnd.length === 0 ? '' : atEnd.length === 1 ? (atEnd[0] ?? '') : `(?:${atEnd.join('|')})`;
  // After Python's `$` the text ends here, so such a text must simply not be behind.
  if (ends !== '' && c.pyEnd) checks += `(?<!${ends})`;
  const p: Case = { now: '', ahead: [], pyEnd: false };
  if (!c.pyEnd && rest.length > 0) p.words = rest;
  const src2 = `${ascii && lit !== undefined ? asciiEdges(c.now, IS_WORD.test(lit)) : c.now}${atom}${lookbehinds(left)}${checks}${c.pyEnd ? '\\z' : ''}`;
  if (ends === '' || c.pyEnd) return { src: src2, p: [p] };
  // Either the text is not behind, or it is and one more character follows (the text does not end here).
  return { src: src2, p: [{ ...p, now: `(?<!${ends})` }, { ...p, now: `(?<=${ends})`, ahead: [SOME] }] };
}

/** The atom `src` with the pending conditions checked on the character it consumes. */
function discharge(p: Pending, src: string, lit: string | undefined, at: number | undefined, ascii: boolean, ignoreCase: boolean, js?: string): Exit[] {
  if (isTrivial(p)) return [{ src, p: TRIVIAL }];
  const exits: Exit[] = [];
  for (const c of p) exits.push(...dischargeCase(c, src, lit, ascii, ignoreCase, js));
  return merge(exits, at);
}

/** The pending conditions at the end of the whole pattern: the characters after the match are consumed. */
function dischargeAtEnd(p: Pending, depth = 0): string {
  if (isTrivial(p)) return '';
  if (depth > 64) throw new NotLinear('a lookahead reaching too far past the end of the pattern', undefined);
  const alts: string[] = [];
  for (const c of p) {
    if (c.ahead.length === 0 && !c.pyEnd && (c.words ?? []).length === 0) {
      alts.push(c.now);
      continue;
    }
    const run = (c.words ?? []).find((w) => w.run !== undefined);
    if (run !== undefined) {
      // The run is consumed at once (it has no end to check one character at a time); then the text ends,
      // or its first other character starts the texts.
      if (c.ahead.length > 0 || c.pyEnd || (c.words ?? []).length > 1) throw new NotLinear('a lookahead with a run at the end of the pattern, after other conditions', undefined);
      const { run: cls, ...texts } = run;
      const rest = `(?:${cls as string})*`;
      if (texts.neg) alts.push(`${c.now}${rest}\\z`);
      for (const e of dischargeCase({ now: '', ahead: [{ cls: cls as string, neg: true }], pyEnd: false, words: [texts] }, ANY, undefined)) alts.push(`${c.now}${rest}${e.src}${dischargeAtEnd(e.p, depth + 1)}`);
      continue;
    }
    const endOk = c.ahead.every((a) => a.neg) && (c.words ?? []).every((w) => w.neg);
    if (endOk) alts.push(`${c.now}\\z`);
    for (const e of dischargeCase(c, ANY, undefined)) alts.push(e.src + dischargeAtEnd(e.p, depth + 1));
  }
  if (alts.length === 0) return NEVER;
  return `(?:${alts.join('|')})`;
}

function hasCapture(n: RegexNode): boolean {
  switch (n.type) {
    case 'group':
      return n.capture || hasCapture(n.body);
    case 'alt':
      return n.branches.some((b) => b.some(hasCapture));
    case 'quant':
      return hasCapture(n.child);
    default:
      return false;
  }
}

function repeat(min: number, max: number, lazy: boolean, at: number | undefined): string {
  if (min > MAX_RE2_REPEAT || (max !== Infinity && max > MAX_RE2_REPEAT)) {
    throw new NotLinear(`a repeat count above ${MAX_RE2_REPEAT} (the linear-time engine's limit)`, at);
  }
  let q: string;
  if (max === Infinity) q = min === 0 ? '*' : min === 1 ? '+' : `{${min},}`;
  else if (min === 0 && max === 1) q = '?';
  else if (min === max) q = min === 1 ? '' : `{${min}}`;
  else q = `{${min},${max}}`;
  return q === '' ? '' : q + (lazy ? '?' : '');
}

/** The single character a lookahead body stands for, if it is one (`(?=[a-z])`, `(?!x|y)`). */
function oneChar(body: RegexNode): string | undefined {
  if (body.type !== 'alt' || !body.branches.every((b) => b.length === 1 && b[0]?.type === 'char')) return undefined;
  const atoms = body.branches.map((b) => charToRe2((b[0] as { js: string }).js, b[0]?.at));
  return atoms.length === 1 ? atoms[0] : `(?:${atoms.join('|')})`;
}

/** One way out of a piece of pattern: its RE2 source, and the conditions still pending on the next character. */
interface Exit {
  src: string;
  p: Pending;
}

const MAX_EXITS = 64;
/** Repetitions written out one by one to carry a lookahead (the longest text of a finite lookahead). */
const MAX_PEEL = 40;

/** Marks a capture group with its Python group number; numbered in RE2's order once the pattern is whole. */
const groupMark = (n: number): string => `(?P<g${n}>`;

/**
 * Emits pieces of pattern in RE2 syntax. A condition on the next character (a word edge, a one-character
 * lookahead) is carried forward until a character is consumed; where a piece may or may not consume one
 * (`a?`, `(x)*`), the rest of the pattern is written once per case, so a group can be written more than
 * once — each copy is marked with the Python group it stands for.
 */
class Emitter {
  constructor(
    private readonly numbers: ReadonlyMap<RegexNode, number>,
    private readonly ignoreCase: boolean,
    /** Writing the program for pure-ASCII texts, where RE2's own `\\b` is Python's. */
    private readonly ascii: boolean,
    /** Lookaheads only ever tried at the start of the text, by their condition's index: decided before the search. */
    private readonly atStart: ReadonlyMap<RegexNode, number> = new Map(),
  ) {}

  /** True when the text after `seq[from]` must start with a character the lookahead body cannot start with. */
  private cannotStartHere(body: RegexNode, seq: readonly RegexNode[], from: number): boolean {
    const a = firstLiterals([body]);
    const b = firstLiterals(seq.slice(from));
    if (a === undefined || b === undefined) return false;
    const fold = (set: Set<string>): Set<string> => (this.ignoreCase ? new Set([...set].flatMap((c) => caseVariants(c))) : set);
    const fa = fold(a);
    for (const c of fold(b)) if (fa.has(c)) return false;
    return true;
  }

  seq(seq: readonly RegexNode[], pending: Pending, prev?: boolean): Exit[] {
    let exits: Exit[] = [{ src: '', p: pending }];
    // Whether the character just consumed is a word character, when every path knows it.
    let prevWord = prev;
    for (let i = 0; i < seq.length; i++) {
      const n = seq[i] as RegexNode;
      if (n.type === 'assert' && prevWord !== undefined) {
        const cases = ASSERTS.get(n.js);
        if (cases !== undefined) {
          // A word-edge lookbehind after a character of known kind is decided here.
          const known = prevWord;
          const kept = cases.flatMap((c): Case[] => {
            if (c.now === `(?<!${WORD})`) return known ? [] : [{ ...c, now: '' }];
            if (c.now === `(?<=${WORD})`) return known ? [{ ...c, now: '' }] : [];
            return [c];
          });
          exits = merge(exits.map((e) => ({ src: e.src, p: kept.length === 0 ? [] : and(e.p, kept, n.at) })).filter((e) => e.p.length > 0).map((e) => {
            const [f, rest] = flush(e.p);
            return { src: e.src + f, p: rest };
          }), n.at);
          continue;
        }
      }
      const before = prevWord;
      prevWord = n.type === 'assert' || (n.type === 'group' && n.look) ? prevWord : lastWordness([n]);
      if (n.type === 'group' && (n.look === 'ahead' || n.look === 'nahead') && this.cannotStartHere(n.body, seq, i + 1)) {
        // What follows cannot start the way the lookahead's text does: `(?!no\s+thanks)(?:thanks|ty)`.
        if (n.look === 'ahead') return [];
        continue;
      }
      const next: Exit[] = [];
      for (const e of exits) {
        for (const x of this.node(n, e.p, before)) {
          const [f, rest] = flush(x.p);
          next.push({ src: e.src + x.src + f, p: rest });
        }
      }
      exits = merge(next, n.at);
    }
    return exits;
  }

  private alt(body: RegexNode, pending: Pending, prev?: boolean): Exit[] {
    const branches = body.type === 'alt' ? body.branches : [[body]];
    return merge(branches.flatMap((b) => this.seq(b, pending, prev)), body.at);
  }

  node(n: RegexNode, pending: Pending, prev?: boolean): Exit[] {
    switch (n.type) {
      case 'char':
        return discharge(pending, charToRe2(n.js, n.at), literalOf(n.js), n.at, this.ascii, this.ignoreCase, n.js);
      case 'assert': {
        const cases = ASSERTS.get(n.js);
        if (cases === undefined) throw new NotLinear(`assertion ${n.js}`, n.at);
        return [{ src: '', p: and(pending, cases, n.at) }];
      }
      case 'backref':
        throw new NotLinear('a backreference (RE2 cannot run it, and a backtracking engine can take exponential time on it)', n.at);
      case 'alt':
        return this.alt(n, pending, prev).map((e) => ({ src: `(?:${e.src})`, p: e.p }));
      case 'group':
        return this.group(n, pending, prev);
      case 'quant':
        return this.quant(n.child, n.min, n.max, n.lazy, pending, n.at, 0);
    }
  }

  private group(n: Extract<RegexNode, { type: 'group' }>, pending: Pending, prev?: boolean): Exit[] {
    if (n.look === 'behind' || n.look === 'nbehind') {
      if (hasCapture(n.body)) throw new NotLinear('a capturing group inside a lookbehind', n.at);
      const inner = this.alt(n.body, TRIVIAL);
      if (inner.length !== 1 || !isTrivial(inner[0]?.p ?? TRIVIAL)) throw new NotLinear('a word boundary or lookahead at the end of a lookbehind', n.at);
      return [{ src: '', p: and(pending, [{ now: `(?<${n.look === 'behind' ? '=' : '!'}${inner[0]?.src ?? ''})`, ahead: [], pyEnd: false }], n.at) }];
    }
    if (n.look === 'ahead' || n.look === 'nahead') {
      const condition = this.atStart.get(n);
      if (condition !== undefined) return [{ src: conditionMark(condition), p: pending }];
      const neg = n.look === 'nahead';
      const cls = oneChar(n.body);
      if (cls !== undefined) return [{ src: '', p: and(pending, [{ now: '', ahead: [{ cls, neg }], pyEnd: false }], n.at) }];
      const words = neg ? finiteWords(n.body, true) : hasCapture(n.body) ? undefined : finiteWords(n.body);
      if (words === undefined) {
        const run = neg ? runWords(n.body, this.ignoreCase) : undefined;
        if (run !== undefined) return [{ src: '', p: and(pending, [{ now: '', ahead: [], pyEnd: false, words: [{ words: run.words, done: 0, neg, run: run.cls, runJs: run.js }] }], n.at) }];
        throw new NotLinear(`a lookahead ${neg ? '(?!…)' : '(?=…)'} that is neither one character nor a short list of texts, before text that could match it`, n.at);
      }
      if (words.some((w) => w.length === 0)) return neg ? [] : [{ src: '', p: pending }];
      // `(?!$)` and the like: not a text, a condition on the end (not written as one yet).
      if (words.some((w) => w[0] === END)) throw new NotLinear('the end of the text as a lookahead\'s first assertion', n.at);
      const cases: Pending = neg ? [{ now: '', ahead: [], pyEnd: false, words: [{ words, done: 0, neg }] }] : words.map((w) => ({ now: '', ahead: [], pyEnd: false, words: [{ words: [w], done: 0, neg }] }));
      return [{ src: '', p: and(pending, cases, n.at) }];
    }
    const open = n.capture ? groupMark(this.numbers.get(n) ?? 0) : '(?:';
    return this.alt(n.body, pending, prev).map((e) => ({ src: `${open}${e.src})`, p: e.p }));
  }

  private quant(child: RegexNode, min: number, max: number, lazy: boolean, pending: Pending, at: number | undefined, depth: number): Exit[] {
    if (max === 0) return [{ src: '', p: pending }];
    const q = repeat(min, max, lazy, at);
    if (child.type === 'char' && isTrivial(pending)) return [{ src: charToRe2(child.js, child.at) + q, p: TRIVIAL }];
    if (isTrivial(pending)) {
      const body = this.node(child, TRIVIAL);
      if (body.length !== 1 || !isTrivial(body[0]?.p ?? TRIVIAL)) {
        throw new NotLinear('a word boundary or lookahead at the end of a repeated group', at);
      }
      const src = body[0]?.src ?? '';
      return [{ src: (child.type === 'group' || child.type === 'char' ? src : `(?:${src})`) + q, p: TRIVIAL }];
    }
    if (child.type === 'char') {
      // A character that leaves the conditions as they were (one of a lookahead's run): any number of them does too.
      const once = this.node(child, pending);
      if (once.length === 1 && samePending(once[0]?.p ?? TRIVIAL, pending)) return [{ src: `(?:${once[0]?.src ?? ''})${q}`, p: pending }];
    }
    if (depth >= MAX_PEEL) throw new NotLinear('a word boundary or lookahead before a repeated group that keeps it open', at);
    // The first repetition takes the pending conditions; the others run as usual.
    const take: Exit[] = [];
    for (const f of this.node(child, pending)) {
      if (min === 0 && samePending(f.p, pending) && f.src === '') continue;
      const [fs, fp] = flush(f.p);
      const rest = max === 1 ? [{ src: '', p: fp }] : this.quant(child, Math.max(0, min - 1), max - 1, lazy, fp, at, isTrivial(fp) ? depth : depth + 1);
      for (const r of rest) take.push({ src: f.src + fs + r.src, p: r.p });
    }
    if (min > 0) return merge(take, at);
    const skip: Exit = { src: '', p: pending };
    return merge(lazy ? [skip, ...take] : [...take, skip], at);
  }
}

/** Joins neighbouring exits that leave the same conditions pending (their order is the match priority). */
function merge(exits: readonly Exit[], at: number | undefined): Exit[] {
  const out: { p: Pending; srcs: string[] }[] = [];
  for (const e of exits) {
    const last = out[out.length - 1];
    const same = last !== undefined && samePending(last.p, e.p) ? last : undefined;
    if (same) {
      if (!same.srcs.includes(e.src)) same.srcs.push(e.src);
    } else {
      out.push({ p: e.p, srcs: [e.src] });
    }
  }
  if (out.length > MAX_EXITS) throw new NotLinear('too many word boundaries or lookaheads to rewrite', at);
  return out.map((o) => ({ src: o.srcs.length === 1 ? (o.srcs[0] ?? '') : `(?:${o.srcs.join('|')})`, p: o.p }));
}

/** Python group numbers of the capture groups, in the order of their opening parentheses. */
function numberGroups(nodes: readonly RegexNode[]): Map<RegexNode, number> {
  const out = new Map<RegexNode, number>();
  const walk = (n: RegexNode): void => {
    switch (n.type) {
      case 'group':
        if (n.capture) out.set(n, out.size + 1);
        walk(n.body);
        break;
      case 'alt':
        for (const b of n.branches) for (const m of b) walk(m);
        break;
      case 'quant':
        walk(n.child);
        break;
      default:
        break;
    }
  };
  for (const n of nodes) walk(n);
  return out;
}

/** Replaces the group marks by plain groups; returns the Python group of each RE2 group (index 1 …). */
function numberMarks(src: string): { pattern: string; groups: number[] } {
  const groups: number[] = [0];
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] ?? '';
    if (c === '\\') {
      out += c + (src[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      // A `]` right after `[` or `[^` is a literal in RE2 as in JavaScript's translation (never emitted unescaped).
      out += c;
      continue;
    }
    if (c === '(') {
      const m = /^\(\?P<g(\d+)>/.exec(src.slice(i, i + 16));
      if (m) {
        groups.push(Number(m[1]));
        out += '(';
        i += m[0].length - 1;
        continue;
      }
      if (src[i + 1] !== '?') groups.push(0);
    }
    out += c;
  }
  return { pattern: out, groups };
}

const MAX_WORDS = 256;
const MAX_WORD_LENGTH = 40;

/**
 * Marks the end of the text inside a lookahead's text (`(?!admin$)`, a `\\b` after a final word character):
 * never a real atom, and only ever a text's last.
 */
const END = '\\z';
const endsText = (w: readonly string[]): boolean => w[w.length - 1] === END;

/**
 * Each text of `seq` followed by the zero-width assertion `js`, when it can be written as texts: Python's
 * `$` (the end, or a final newline and the end) and a word boundary after a character whose kind is
 * known (a word character then needs a non-word character or the end; any other one a word character).
 */
function textsWithEdge(seq: readonly string[][], js: string): string[][] | undefined {
  if (js === '(?=\\n?$)') return seq.flatMap((x) => (endsText(x) ? [[...x]] : [[...x, END], [...x, '\\n', END]]));
  if (js !== unicodeWordBoundary(false)) return undefined;
  const out: string[][] = [];
  for (const x of seq) {
    const last = x[x.length - 1];
    const kind = last === undefined || last === END ? undefined : wordness(last);
    if (kind === undefined) return undefined;
    if (kind) out.push([...x, NOT_WORD], [...x, END]);
    else out.push([...x, WORD]);
  }
  return out;
}

/**
 * The texts a lookahead body can match, as RE2 atoms, when it is a short finite list; else undefined.
 * With `edges` (a negative lookahead), a text may end with the end of the text or a word boundary.
 */
function finiteWords(n: RegexNode, edges = false): string[][] | undefined {
  const cap = (ws: string[][] | undefined): string[][] | undefined =>
    ws === undefined || ws.length > MAX_WORDS || ws.some((w) => w.length > MAX_WORD_LENGTH) ? undefined : ws;
  switch (n.type) {
    case 'char':
      return [[charToRe2(n.js, n.at)]];
    case 'alt': {
      const out: string[][] = [];
      for (const b of n.branches) {
        let seq: string[][] = [[]];
        for (const m of b) {
          if (m.type === 'assert') {
            const edged = edges ? textsWithEdge(seq, m.js) : undefined;
            if (edged === undefined) return undefined;
            seq = edged;
          } else {
            const ws = finiteWords(m, edges);
            // Nothing but the end can follow the end.
            if (ws === undefined || (seq.some(endsText) && ws.some((w) => w.length > 0))) return undefined;
            seq = seq.flatMap((x) => ws.map((w) => [...x, ...w]));
          }
          if (cap(seq) === undefined) return undefined;
        }
        out.push(...seq);
      }
      return cap(out);
    }
    case 'group':
      return n.look ? undefined : finiteWords(n.body, edges);
    case 'quant': {
      if (n.max > 8) return undefined;
      const ws = finiteWords(n.child, edges);
      if (ws === undefined || (n.max > 1 && ws.some(endsText))) return undefined;
      const out: string[][] = [];
      let cur: string[][] = [[]];
      for (let k = 0; k <= n.max; k++) {
        if (k >= n.min) out.push(...cur);
        cur = cur.flatMap((x) => ws.map((w) => [...x, ...w]));
        if (cap(cur) === undefined || cap(out) === undefined) return undefined;
      }
      return cap(out);
    }
    default:
      return undefined;
  }
}

/**
 * A negative lookahead's body that is a run of one class and then short texts none of which can start
 * with a character of the class (`[\\s(]*\\d{4}`): the class in RE2 syntax and the texts; else undefined.
 */
function runWords(body: RegexNode, ignoreCase: boolean): { cls: string; js: string; words: string[][] } | undefined {
  if (body.type !== 'alt' || body.branches.length !== 1) return undefined;
  const [head, ...rest] = body.branches[0] ?? [];
  if (head?.type !== 'quant' || head.min !== 0 || head.max !== Infinity || head.lazy || head.child.type !== 'char' || rest.length === 0) return undefined;
  const words = finiteWords({ type: 'alt', branches: [rest] }, true);
  const starts = firstAtoms(rest);
  if (words === undefined || words.some((w) => w.length === 0 || w[0] === END) || starts === undefined) return undefined;
  const cls = head.child.js;
  return starts.every((a) => disjoint(cls, a, ignoreCase)) ? { cls: charToRe2(cls, head.at), js: cls, words } : undefined;
}

/** The one-character atoms (translator syntax) a match of `seq` can start with; undefined when it can be empty or start otherwise. */
function firstAtoms(seq: readonly RegexNode[]): string[] | undefined {
  const n = seq[0];
  switch (n?.type) {
    case 'char':
      return [n.js];
    case 'quant':
      return n.min >= 1 ? firstAtoms([n.child]) : undefined;
    case 'group':
      return n.look ? undefined : firstAtoms([n.body]);
    case 'alt': {
      const out: string[] = [];
      for (const b of n.branches) {
        const f = firstAtoms(b);
        if (f === undefined) return undefined;
        out.push(...f);
      }
      return out;
    }
    default:
      return undefined;
  }
}

let everyCharacter: string | undefined;
const classFacts = new Map<string, boolean>();

/** Whether some code point matches `pattern` (one character, translator syntax): decided on all of them at once. */
function someCharacter(pattern: string, ignoreCase: boolean): boolean {
  const key = `${ignoreCase ? 'i' : ''}\u0000${pattern}`;
  let known = classFacts.get(key);
  if (known === undefined) {
    if (everyCharacter === undefined) {
      const parts: string[] = [];
      for (let cp = 0; cp <= 0x10ffff; cp += 0x1000) {
        const chunk: number[] = [];
        for (let c = cp; c < cp + 0x1000; c++) if (c < 0xd800 || c > 0xdfff) chunk.push(c);
        parts.push(String.fromCodePoint(...chunk));
      }
      everyCharacter = parts.join('');
    }
    known = new RegExp(pattern, `su${ignoreCase ? 'i' : ''}`).test(everyCharacter);
    if (classFacts.size > 10_000) classFacts.clear();
    classFacts.set(key, known);
  }
  return known;
}

/** Whether no character matches both one-character atoms (translator syntax, with the check's case rule); exact. */
function disjoint(a: string, b: string, ignoreCase: boolean): boolean {
  return !someCharacter(`(?=${a})(?:${b})`, ignoreCase);
}

/** Whether every character `a` matches also matches `b`; exact. */
function contained(a: string, b: string, ignoreCase: boolean): boolean {
  return !someCharacter(`(?=${a})(?!${b})[\\s\\S]`, ignoreCase);
}

/** The literal characters a match of `seq` can start with (undefined: not a short literal set, or it can be empty). */
function firstLiterals(seq: readonly RegexNode[]): Set<string> | undefined {
  for (const n of seq) {
    switch (n.type) {
      case 'assert':
        continue;
      case 'group':
        if (n.look) continue;
        return firstLiterals([n.body]);
      case 'alt': {
        const out = new Set<string>();
        for (const b of n.branches) {
          const f = firstLiterals(b);
          if (f === undefined) return undefined;
          for (const c of f) out.add(c);
        }
        return out;
      }
      case 'quant':
        return n.min >= 1 ? firstLiterals([n.child]) : undefined;
      case 'char': {
        const lit = literalOf(n.js);
        if (lit !== undefined) return new Set([lit]);
        const m = /^\[([^\]\\^-]+)\]$/u.exec(n.js);
        return m ? new Set([...(m[1] ?? '')]) : undefined;
      }
      default:
        return undefined;
    }
  }
  return undefined;
}

/** Whether a pattern has a repetition of more than one (bounded or not). */
function repeats(n: RegexNode): boolean {
  switch (n.type) {
    case 'alt':
      return n.branches.some((b) => b.some(repeats));
    case 'group':
      return repeats(n.body);
    case 'quant':
      return n.max > 1 || repeats(n.child);
    default:
      return false;
  }
}

/** The most characters one path of a pattern without unbounded repetition consumes or looks at. */
function maxLength(n: RegexNode): number {
  switch (n.type) {
    case 'char':
    case 'backref':
      return 1;
    case 'assert':
      return 0;
    case 'alt':
      return Math.max(0, ...n.branches.map((b) => b.reduce((sum, m) => sum + maxLength(m), 0)));
    case 'group':
      return maxLength(n.body);
    case 'quant':
      return n.max * maxLength(n.child);
  }
}

/**
 * A bound on the backtracking paths a pattern has from one start position (undefined: it repeats without
 * bound). A lookaround is atomic in JavaScript: it is walked once each time it is reached, and the rest
 * of the pattern is walked after it, so it adds its paths instead of multiplying them.
 */
function paths(n: RegexNode): number | undefined {
  const cap = MAX_V8_PATHS + 1;
  switch (n.type) {
    case 'char':
    case 'assert':
    case 'backref':
      return 1;
    case 'alt': {
      let sum = 0;
      for (const b of n.branches) {
        let rest = 1;
        for (let i = b.length - 1; i >= 0; i--) {
          const m = b[i] as RegexNode;
          const k = paths(m);
          if (k === undefined) return undefined;
          rest = Math.min(m.type === 'group' && m.look !== undefined ? k + rest : k * rest, cap);
        }
        sum += rest;
      }
      return Math.min(sum, cap);
    }
    case 'group':
      return paths(n.body);
    case 'quant': {
      if (n.max === Infinity) return undefined;
      const k = paths(n.child);
      if (k === undefined) return undefined;
      // One path per number of iterations tried, each as many ways as the iterations multiply.
      let total = 0;
      let ways = 1;
      for (let i = 0; i <= n.max && total < cap; i++) {
        if (i >= n.min) total += ways;
        ways = Math.min(ways * k, cap);
      }
      return Math.min(total, cap);
    }
  }
}

/**
 * Where a text condition stands in a pattern: replaced, before each search, by nothing (it holds) or by
 * a pattern that never matches (it does not). U+10FFFE is a noncharacter no rule writes.
 */
const conditionMark = (k: number): string => `\u{10fffe}${k}\u{10fffe}`;
const CONDITION_MARKS = /\u{10fffe}(\d+)\u{10fffe}/gu;

/**
 * The lookaheads without groups that can only be tried at the very start of the text: after a `^`
 * (without MULTILINE) or `\\A`, with only zero-width assertions between. Each is a condition on the
 * whole text — `^(?=.*https?://)(?!^\\S+$).*` — checked once, before the search, by a program of its own.
 */
function startLookaheads(nodes: readonly RegexNode[], multiline: boolean): RegexNode[] {
  const found: RegexNode[] = [];
  const isStart = (n: RegexNode): boolean => n.type === 'assert' && ((n.js === '^' && !multiline) || n.js === '(?<![\\s\\S])');
  // Returns whether the position after `seq` is surely the start of the text, given that before it is.
  const walk = (seq: readonly RegexNode[], start: boolean): boolean => {
    let at = start;
    for (const n of seq) {
      if (isStart(n)) at = true;
      else if (n.type === 'assert') continue;
      else if (n.type === 'group' && (n.look === 'ahead' || n.look === 'nahead')) {
        if (at && !hasCapture(n.body)) found.push(n);
      } else if (n.type === 'group' && n.look === undefined) {
        const branches = n.body.type === 'alt' ? n.body.branches : [[n.body]];
        at = branches.map((b) => walk(b, at)).every((x) => x);
      } else if (n.type === 'alt') {
        at = n.branches.map((b) => walk(b, at)).every((x) => x);
      } else {
        at = false;
      }
    }
    return at;
  };
  walk(nodes, false);
  return found;
}

// eslint-disable-next-line no-control-regex -- "is this text pure ASCII"
const ASCII_TEXT = /^[\x00-\x7f]*$/;

const RE2_FLAG = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL } as const;

/**
 * Chooses the engine for a whole search pattern (`nodes` in sequence, as the search method wraps the
 * values) compiled with the JavaScript `flags` of the check.
 */
export function planEngine(nodes: readonly RegexNode[], flags: string): EnginePlan {
  const whole: RegexNode = { type: 'alt', branches: [[...nodes]] };
  const k = paths(whole);
  // With bounded repetition a path can be long too: the walk per start position is paths × length.
  if (k !== undefined && k <= MAX_V8_PATHS && (!repeats(whole) || k * (maxLength(whole) + 1) <= MAX_V8_STEPS)) return { ok: true, engine: 'v8' };
  return planRe2(nodes, flags);
}

/** The RE2 form of a pattern, or why it has none. */
function planRe2(nodes: readonly RegexNode[], flags: string): EnginePlan {
  const numbers = numberGroups(nodes);
  const starts = startLookaheads(nodes, flags.includes('m'));
  const atStart = new Map(starts.map((n, i) => [n, i]));
  // A pattern that starts with "not after a word character" and then a word character (an
  // `includes-word` list of words, `\bword`): the character before the match is consumed instead of
  // looked behind at — the leftmost match is the same, group 0 starts one character earlier, and the
  // pattern needs no lookbehind there (re2js runs lookbehinds on its slower automaton).
  const head = nodes[0];
  const first = firstLiterals(nodes.slice(1));
  const hoist = head?.type === 'assert' && (head.js === `(?:(?<!${WORD})|(?!${WORD}))` || head.js === `(?<!${WORD})`) && first !== undefined && [...first].every((c) => IS_WORD.test(c));
  const body = hoist ? nodes.slice(1) : nodes;
  const write = (ascii: boolean): string => {
    const exits = new Emitter(numbers, flags.includes('i'), ascii, atStart).seq(body, TRIVIAL, hoist ? false : undefined).map((e) => e.src + dischargeAtEnd(e.p));
    if (exits.length === 0) exits.push(NEVER);
    const whole = exits.length === 1 ? (exits[0] ?? NEVER) : `(?:${exits.join('|')})`;
    return hoist ? `(?:^|${NOT_WORD})${whole}` : whole;
  };
  let marked: string;
  let markedAscii: string;
  const conditions: Re2Condition[] = [];
  try {
    marked = write(false);
    markedAscii = write(true);
    for (const n of starts) {
      if (n.type !== 'group') continue;
      const c = planRe2([{ type: 'assert', js: '(?<![\\s\\S])' }, { type: 'group', capture: false, body: n.body }], flags);
      if (!c.ok) return c;
      if (c.engine !== 're2js') throw new Error('a condition planned on V8');
      conditions.push({ pattern: c.pattern, flags: c.flags, neg: n.look === 'nahead', ...(c.ascii ? { ascii: c.ascii } : {}), ...(c.conditions ? { conditions: c.conditions } : {}) });
    }
  } catch (err) {
    if (err instanceof NotLinear) return { ok: false, message: err.message, ...(err.at === undefined ? {} : { at: err.at }) };
    throw err;
  }
  let base = 0;
  for (const f of flags) base |= RE2_FLAG[f as keyof typeof RE2_FLAG] ?? 0;
  const flagsOf = (pattern: string): number => base | (/\(\?<[=!]/.test(pattern) ? RE2JS.LOOKBEHINDS : 0);
  const { pattern, groups } = numberMarks(marked);
  const form: Re2Form = { pattern, flags: flagsOf(pattern), groups, groupCount: numbers.size };
  if (markedAscii !== marked) {
    const ascii = numberMarks(markedAscii);
    form.ascii = { pattern: ascii.pattern, flags: flagsOf(ascii.pattern) };
  }
  if (conditions.length > 0) form.conditions = conditions;
  try {
    // The ASCII program differs only in its word edges; it is compiled on first use.
    re2Program(withConditions(form.pattern, conditions.map(() => true)), form.flags);
  } catch (err) {
    return { ok: false, message: `the linear-time engine cannot run it: ${(err as Error).message}` };
  }
  return { ok: true, engine: 're2js', ...form };
}

/** `pattern` with each condition mark replaced by what its condition's outcome on the text makes it. */
function withConditions(pattern: string, holds: readonly boolean[]): string {
  return pattern.replace(CONDITION_MARKS, (_, k: string) => (holds[Number(k)] === true ? '' : NEVER));
}

/** Whether a text condition (a start-of-text lookahead's body, anchored) holds on `text`. */
function conditionHolds(c: Re2Condition, text: string, ascii: boolean): boolean {
  const holds = (c.conditions ?? []).map((d) => conditionHolds(d, text, ascii));
  const form = ascii && c.ascii ? c.ascii : c;
  const found = re2Program(withConditions(form.pattern, holds), form.flags).test(text);
  return found !== c.neg;
}

const PROGRAMS = new Map<string, RE2JS>();
const PROGRAMS_MAX = 2000;

function re2Program(pattern: string, flags: number): RE2JS {
  const key = `${flags}\u0000${pattern}`;
  let re = PROGRAMS.get(key);
  if (re === undefined) {
    re = RE2JS.compile(pattern, flags);
    if (PROGRAMS.size >= PROGRAMS_MAX) PROGRAMS.clear();
    PROGRAMS.set(key, re);
  }
  return re;
}

/** The RE2 form of a check: its pattern, flags, and the Python group each RE2 group stands for. */
export interface Re2Form {
  pattern: string;
  flags: number;
  groups: number[];
  /** How many groups the Python pattern has (a group can also be written zero times). */
  groupCount: number;
  /** The same pattern for pure-ASCII texts (same groups), when it differs: word edges as RE2's `\\b`. */
  ascii?: { pattern: string; flags: number };
  /** Conditions on the whole text (lookaheads at its start), by the index their mark in `pattern` names. */
  conditions?: Re2Condition[];
}

/** A lookahead at the start of the text, as a program of its own: it holds when the program finds (or, `neg`, does not find) a match. */
export interface Re2Condition {
  pattern: string;
  flags: number;
  neg: boolean;
  ascii?: { pattern: string; flags: number };
  conditions?: Re2Condition[];
}

/** The regex of a check, on the engine its plan chose. */
export function searchRegex(check: { pattern: string; flags: string; engine: RegexEngine; re2?: Re2Form | undefined }): SearchRegex {
  if (check.engine === 'v8') return new RegExp(check.pattern, check.flags);
  const form = check.re2;
  if (form === undefined) throw new Error('a re2js check without its RE2 pattern');
  const conditions = form.conditions;
  const re = conditions ? undefined : re2Program(form.pattern, form.flags);
  const asciiForm = form.ascii;
  let asciiRe: RE2JS | undefined;
  const size = form.groupCount + 1;
  return {
    exec(text: string): (string | undefined)[] | null {
      const ascii = asciiForm !== undefined && ASCII_TEXT.test(text);
      let prog: RE2JS;
      if (conditions) {
        // Each start-of-text lookahead is decided once on the whole text; the search then runs with its outcome.
        const holds = conditions.map((c) => conditionHolds(c, text, ASCII_TEXT.test(text)));
        const f = ascii && asciiForm ? asciiForm : form;
        prog = re2Program(withConditions(f.pattern, holds), f.flags);
      } else {
        prog = ascii && asciiForm ? (asciiRe ??= re2Program(asciiForm.pattern, asciiForm.flags)) : (re as RE2JS);
      }
      if (!prog.test(text)) return null;
      const m = prog.matcher(text);
      if (!m.find()) return null;
      const out: (string | undefined)[] = new Array<string | undefined>(size).fill(undefined);
      out[0] = m.group(0) ?? undefined;
      // A group written more than once: the copy that matched last is the one Python reports.
      for (let g = 1; g <= m.groupCount(); g++) {
        const v = m.group(g);
        const py = form.groups[g] ?? 0;
        if (v !== null && v !== undefined && py > 0) out[py] = v;
      }
      return out;
    },
  };
}
