/**
 * Translates AutoModerator's Python-flavoured regular expressions into JavaScript (`u` flag) source.
 *
 * Python's `re` with `re.UNICODE` (what AutoModerator compiles with) treats `\w`, `\d`, `\b` as
 * Unicode-aware; JavaScript's are ASCII-only even with the `u` flag, so they are rewritten with Unicode
 * property classes. Syntax JavaScript spells differently is rewritten; syntax it cannot run faithfully
 * (possessive quantifiers, atomic groups, conditionals, scoped flags that change case-sensitivity) is
 * rejected with the offset of the construct.
 */

/** Parsed regex, kept for the engine choice (regex-engine.ts) and the literal prefilter. */
export type RegexNode = (
  | { type: 'alt'; branches: RegexNode[][] }
  | { type: 'group'; capture: boolean; look?: 'ahead' | 'nahead' | 'behind' | 'nbehind'; body: RegexNode }
  | { type: 'quant'; min: number; max: number; lazy: boolean; child: RegexNode }
  | { type: 'char'; js: string }
  | { type: 'assert'; js: string }
  | { type: 'backref'; js: string }
) & {
  /** 0-based offset of the construct in the Python pattern (absent on synthesised nodes). */
  at?: number;
};

export interface PythonFlags {
  i: boolean;
  m: boolean;
  x: boolean;
  a: boolean;
}

export interface TranslateOk {
  ok: true;
  /** JavaScript source of the pattern (to be wrapped and compiled with the `su` flags). */
  source: string;
  ast: RegexNode;
  /** Global inline flags found in the pattern, e.g. `(?i)`. */
  flags: Partial<PythonFlags>;
  groupCount: number;
  warnings: { message: string; offset: number }[];
}
export interface TranslateError {
  ok: false;
  message: string;
  /** 0-based offset in the Python pattern. */
  offset: number;
}
export type TranslateResult = TranslateOk | TranslateError;

class RegexSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const WORD_UNICODE = '\\p{L}\\p{N}_';
const W = `[${WORD_UNICODE}]`;
const NOT_W = `[^${WORD_UNICODE}]`;
const SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/']);
const CLASS_SYNTAX = new Set(['\\', ']', '[', '-', '^']);

/** JavaScript (`u` flag) word boundary with Python's Unicode notion of a word character. */
export function unicodeWordBoundary(negated: boolean): string {
  return negated
    ? `(?:(?<=${W})(?=${W})|(?<!${W})(?!${W}))`
    : `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`;
}

/** Start of the message for scoped flags that change case-sensitivity (retried with emulation). */
export const SCOPED_CASE = 'unsupported: scoped inline flags that change case-sensitivity';

// Characters JavaScript's Unicode case folding relates beyond toLowerCase/toUpperCase.
const FOLD_EXTRA: Record<string, string[]> = {
  k: ['\u212a'], K: ['\u212a'], '\u212a': ['k', 'K'],
  s: ['\u017f'], S: ['\u017f'], '\u017f': ['s', 'S'],
  'å': ['\u212b'], 'Å': ['\u212b'], '\u212b': ['å', 'Å'],
  'ω': ['\u2126'], 'Ω': ['\u2126'], '\u2126': ['ω', 'Ω'],
};

/** The characters a case-insensitive match treats as `ch`. */
export function caseVariants(ch: string): string[] {
  const out = new Set([ch]);
  for (const v of [ch.toLowerCase(), ch.toUpperCase()]) {
    if ([...v].length === 1) {
      out.add(v);
      const l = v.toLowerCase();
      if ([...l].length === 1) out.add(l);
    }
  }
  for (const v of [...out]) for (const e of FOLD_EXTRA[v] ?? []) out.add(e);
  return [...out];
}

function escapeLiteral(ch: string): string {
  return SYNTAX.has(ch) ? `\\${ch}` : ch;
}

function escapeClassLiteral(ch: string): string {
  return CLASS_SYNTAX.has(ch) ? `\\${ch}` : ch;
}

/** Python's one-letter escapes for control characters (`\n`, `\t` …), by letter. */
const CONTROL_ESCAPES: ReadonlyMap<string, number> = new Map([['n', 10], ['t', 9], ['r', 13], ['f', 12], ['v', 11], ['a', 7]]);

function hex(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

interface ClassItem {
  /** Source inside a JS class. */
  js: string;
  /** Code points of a range `a-z`. */
  range?: [number, number];
  /** Code point for a single literal (range endpoints). */
  cp?: number;
  /** `\W` (only expressible outside a class). */
  notWord?: boolean;
}

class Parser {
  private pos = 0;
  private groupCount = 0;
  private readonly names = new Set<string>();
  readonly flags: Partial<PythonFlags> = {};
  readonly warnings: { message: string; offset: number }[] = [];
  private readonly chars: string[];
  private readonly offsets: number[];

  /** Emulating case-insensitivity by expanding letters (the regex then runs without the `i` flag). */
  private fold = false;

  constructor(
    pattern: string,
    private readonly ignoreCase: boolean,
    private readonly emulate = false,
  ) {
    // Iterate by code point so astral characters stay whole.
    this.chars = [];
    this.offsets = [];
    let off = 0;
    for (const ch of pattern) {
      this.chars.push(ch);
      this.offsets.push(off);
      off += ch.length;
    }
    this.offsets.push(off);
    this.leadingFlags();
    this.fold = emulate && (ignoreCase || this.flags.i === true);
  }

  /** A literal character, expanded to its case variants where case-insensitivity is emulated. */
  private lit(ch: string): string {
    if (!this.fold) return escapeLiteral(ch);
    const v = caseVariants(ch);
    return v.length === 1 ? escapeLiteral(ch) : `[${v.map(escapeClassLiteral).join('')}]`;
  }

  private get verbose(): boolean {
    return this.flags.x === true;
  }
  private get ascii(): boolean {
    return this.flags.a === true;
  }

  private off(i = this.pos): number {
    return this.offsets[i] ?? this.offsets[this.offsets.length - 1] ?? 0;
  }

  private fail(message: string, at = this.pos): never {
    throw new RegexSyntaxError(message, this.off(at));
  }

  private peek(k = 0): string | undefined {
    return this.chars[this.pos + k];
  }

  /** Python applies flags written at the very start to the whole pattern. */
  private leadingFlags(): void {
    for (;;) {
      const m = /^\(\?([aiLmsux]+)\)/.exec(this.chars.slice(this.pos).join(''));
      if (!m) return;
      this.applyGlobalFlags(m[1] ?? '', this.pos);
      this.pos += m[0].length;
    }
  }

  private applyGlobalFlags(letters: string, at: number): void {
    for (const f of letters) {
      if (f === 'L') this.fail('unsupported: locale flag (?L) has no JavaScript equivalent', at);
      if (f === 'i' || f === 'm' || f === 'x' || f === 'a') this.flags[f] = true;
      // `s` and `u` are always on in AutoModerator.
    }
  }

  parse(): { ast: RegexNode; source: string; groupCount: number } {
    const { node, js } = this.parseAlt();
    if (this.pos < this.chars.length) {
      // Only an unmatched ')' stops the top-level alternation.
      this.fail('unbalanced parenthesis: this ) closes nothing');
    }
    return { ast: node, source: js, groupCount: this.groupCount };
  }

  private skipVerbose(): void {
    if (!this.verbose) return;
    for (;;) {
      const c = this.peek();
      if (c === undefined) return;
      if (/\s/.test(c)) {
        this.pos++;
      } else if (c === '#') {
        while (this.peek() !== undefined && this.peek() !== '\n') this.pos++;
      } else {
        return;
      }
    }
  }

  private parseAlt(): { node: RegexNode; js: string } {
    const branches: RegexNode[][] = [];
    const jsBranches: string[] = [];
    for (;;) {
      const { nodes, js } = this.parseSeq();
      branches.push(nodes);
      jsBranches.push(js);
      if (this.peek() === '|') {
        this.pos++;
        continue;
      }
      break;
    }
    return { node: { type: 'alt', branches }, js: jsBranches.join('|') };
  }

  private parseSeq(): { nodes: RegexNode[]; js: string } {
    const nodes: RegexNode[] = [];
    let js = '';
    for (;;) {
      this.skipVerbose();
      const c = this.peek();
      if (c === undefined || c === '|' || c === ')') break;
      const start = this.pos;
      const atom = this.parseAtom();
      if (atom === null) continue;
      atom.node.at ??= this.off(start);
      const q = this.parseQuantifier(atom, start);
      q.node.at ??= this.off(start);
      nodes.push(q.node);
      js += q.js;
    }
    return { nodes, js };
  }

  private parseQuantifier(atom: { node: RegexNode; js: string }, atomStart: number): { node: RegexNode; js: string } {
    let cur = atom;
    let quantified = false;
    for (;;) {
      this.skipVerbose();
      const c = this.peek();
      let min: number;
      let max: number;
      let text: string;
      const qStart = this.pos;
      if (c === '*' || c === '+' || c === '?') {
        this.pos++;
        [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
        text = c;
      } else if (c === '{') {
        const rest = this.chars.slice(this.pos).join('');
        const m = /^\{(\d*)(,?)(\d*)\}/.exec(rest);
        if (!m || (m[1] === '' && m[2] === '')) return cur; // a literal '{' follows (handled as an atom)
        this.pos += [...m[0]].length;
        min = m[1] === '' ? 0 : Number(m[1]);
        max = m[2] === '' ? min : m[3] === '' ? Infinity : Number(m[3]);
        if (max < min) this.fail('min repeat greater than max repeat', qStart);
        if (min > 65535 || (max !== Infinity && max > 65535)) this.fail('repeat count too large (Python allows up to 65535)', qStart);
        text = `{${min}${m[2] === '' ? '' : `,${max === Infinity ? '' : max}`}}`;
      } else {
        return cur;
      }
      if (quantified) this.fail('multiple repeat: a quantifier cannot follow another one', qStart);
      if (cur.node.type === 'assert' || (cur.node.type === 'group' && cur.node.look)) {
        // Python 3 rejects repeating a zero-width assertion other than lookarounds; keep it simple.
        if (cur.node.type === 'assert') this.fail('nothing to repeat: an anchor cannot be repeated', qStart);
      }
      let lazy = false;
      if (this.peek() === '?') {
        this.pos++;
        lazy = true;
        text += '?';
      } else if (this.peek() === '+') {
        this.fail('unsupported: possessive quantifier (Python 3.11+ syntax) — JavaScript has no possessive quantifiers', qStart);
      }
      const wrapped = cur.node.type === 'char' || cur.node.type === 'group' || cur.node.type === 'backref' ? cur.js : `(?:${cur.js})`;
      cur = { node: { type: 'quant', min, max, lazy, child: cur.node }, js: wrapped + text };
      quantified = true;
      void atomStart;
    }
  }

  private parseAtom(): { node: RegexNode; js: string } | null {
    const c = this.peek();
    if (c === undefined) return null;
    const at = this.pos;
    switch (c) {
      case '*':
      case '+':
      case '?':
        this.fail('nothing to repeat: the quantifier has nothing before it', at);
        break;
      case '{': {
        const rest = this.chars.slice(this.pos).join('');
        if (/^\{\d*,?\d*\}/.test(rest) && !/^\{,?\}/.test(rest)) this.fail('nothing to repeat: the quantifier has nothing before it', at);
        this.pos++;
        return { node: { type: 'char', js: '\\{' }, js: '\\{' };
      }
      case '}':
        this.pos++;
        return { node: { type: 'char', js: '\\}' }, js: '\\}' };
      case ']':
        this.pos++;
        return { node: { type: 'char', js: '\\]' }, js: '\\]' };
      case '^':
        this.pos++;
        return { node: { type: 'assert', js: '^' }, js: '^' };
      case '$': {
        this.pos++;
        // Python's `$` also matches before a final newline; JavaScript's only at the very end.
        const js = this.flags.m ? '$' : '(?=\\n?$)';
        return { node: { type: 'assert', js }, js };
      }
      case '.':
        this.pos++;
        return { node: { type: 'char', js: '.' }, js: '.' };
      case '[':
        return this.parseClass();
      case '(':
        return this.parseGroup();
      case '\\':
        return this.parseEscape();
      default:
        this.pos++;
        return { node: { type: 'char', js: this.lit(c) }, js: this.lit(c) };
    }
    return null;
  }

  /** Reads `name>` of a named group, which Python allows to be defined once; returns the JavaScript prefix. */
  private namedGroup(at: number): string {
    const name = this.readName('>', 'group name');
    if (this.names.has(name)) this.fail(`redefinition of group name '${name}'`, at);
    this.names.add(name);
    return `?<${name}>`;
  }

  private readName(terminator: string, what: string): string {
    let name = '';
    const start = this.pos;
    while (this.peek() !== undefined && this.peek() !== terminator) {
      name += this.peek();
      this.pos++;
    }
    if (this.peek() !== terminator) this.fail(`missing ${terminator}, unterminated ${what}`, start);
    this.pos++;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) this.fail(`bad character in group name '${name}' (JavaScript needs an ASCII identifier)`, start);
    return name;
  }

  private parseGroup(): { node: RegexNode; js: string } | null {
    const at = this.pos;
    this.pos++; // (
    let prefix = '';
    let capture = false;
    let look: 'ahead' | 'nahead' | 'behind' | 'nbehind' | undefined;
    let scopedFold: boolean | undefined;
    if (this.peek() === '?') {
      this.pos++;
      const c = this.peek();
      if (c === ':') {
        this.pos++;
        prefix = '?:';
      } else if (c === 'P') {
        this.pos++;
        const d = this.peek();
        if (d === '<') {
          this.pos++;
          prefix = this.namedGroup(at);
          capture = true;
        } else if (d === '=') {
          this.pos++;
          const name = this.readName(')', 'group reference');
          if (!this.names.has(name)) this.fail(`unknown group name '${name}' in (?P=${name})`, at);
          if (this.fold) this.fail('unsupported: a backreference inside case-insensitive text cannot be combined with scoped flags (?-i:…)', at);
          return { node: { type: 'backref', js: `\\k<${name}>` }, js: `\\k<${name}>` };
        } else if (d === '>') {
          this.fail('unsupported: recursive pattern (?P>…) cannot run in JavaScript', at);
        } else {
          this.fail('unknown extension ?P' + (d ?? ''), at);
        }
      } else if (c === '=' || c === '!') {
        this.pos++;
        prefix = `?${c}`;
        look = c === '=' ? 'ahead' : 'nahead';
      } else if (c === '<') {
        const d = this.peek(1);
        if (d === '=' || d === '!') {
          this.pos += 2;
          prefix = `?<${d}`;
          look = d === '=' ? 'behind' : 'nbehind';
        } else {
          // `(?<name>…)` is JavaScript's (and Python 3.12's PCRE-style) spelling: accept it.
          this.pos++;
          prefix = this.namedGroup(at);
          capture = true;
        }
      } else if (c === '#') {
        while (this.peek() !== undefined && this.peek() !== ')') this.pos++;
        if (this.peek() !== ')') this.fail('missing ), unterminated comment', at);
        this.pos++;
        return null;
      } else if (c === '>') {
        this.fail('unsupported: atomic group (?>…) — JavaScript has no atomic groups', at);
      } else if (c === '(') {
        this.fail('unsupported: conditional group (?(…)…) cannot run in JavaScript', at);
      } else if (c !== undefined && /[aiLmsux-]/.test(c)) {
        const rest = this.chars.slice(this.pos).join('');
        const m = /^([aiLmsux]*)(?:-([imsx]+))?(:|\))/.exec(rest);
        if (!m) this.fail('unknown flag in inline flag group', at);
        const on = m[1] ?? '';
        const off = m[2] ?? '';
        this.pos += [...m[0]].length;
        if (m[3] === ')') {
          if (off) this.fail('bad inline flags: cannot turn off flags without a scope', at);
          if (this.emulate) this.fail(`unsupported: inline flag (?${on}) in the middle of a pattern that also uses scoped flags`, at);
          this.applyGlobalFlags(on, at);
          if (on.includes('x') || on.includes('a')) {
            this.fail(`unsupported: inline flag (?${on}) in the middle of a pattern — put it at the very start`, at);
          }
          this.warnings.push({
            message: `inline flag (?${on}) is not at the start of the pattern: applied to the whole check (Python 3.11+ would reject it)`,
            offset: this.off(at),
          });
          return null;
        }
        // Scoped flags: only the ones that change nothing here can be run faithfully.
        const base = this.emulate ? this.fold : this.ignoreCase || this.flags.i === true;
        const changesCase = (on.includes('i') && !base) || (off.includes('i') && base);
        if (/[aLmux]/.test(on) || /[mx]/.test(off)) {
          this.fail(`unsupported: scoped inline flags (?${on}${off ? '-' + off : ''}:…) other than i and s — JavaScript (Node 20) cannot switch them inside a pattern`, at);
        }
        if (changesCase && !this.emulate) {
          // buildSearchPattern retries the whole check with case-insensitivity emulated.
          this.fail(`${SCOPED_CASE} (?${on}${off ? '-' + off : ''}:…)`, at);
        }
        if (changesCase) scopedFold = on.includes('i');
        prefix = '?:';
      } else {
        this.fail(`unknown extension ?${c ?? ''}`, at);
      }
    } else {
      capture = true;
      this.groupCount++;
    }
    if (capture && prefix !== '') this.groupCount++;
    const outerFold = this.fold;
    if (scopedFold !== undefined) this.fold = scopedFold;
    const { node, js } = this.parseAlt();
    this.fold = outerFold;
    if (this.peek() !== ')') this.fail('missing ), unterminated subpattern', at);
    this.pos++;
    const group: RegexNode = { type: 'group', capture, body: node };
    if (look) group.look = look;
    return { node: group, js: `(${prefix}${js})` };
  }

  /** Parses an escape outside a class. */
  private parseEscape(): { node: RegexNode; js: string } {
    const at = this.pos;
    this.pos++;
    const c = this.peek();
    if (c === undefined) this.fail('bad escape (end of pattern)', at);
    this.pos++;
    const ch = (js: string): { node: RegexNode; js: string } => ({ node: { type: 'char', js }, js });
    const as = (js: string): { node: RegexNode; js: string } => ({ node: { type: 'assert', js }, js });
    switch (c) {
      case 'A':
        return as('(?<![\\s\\S])');
      case 'Z':
        return as('(?![\\s\\S])');
      case 'b':
        return as(this.ascii ? '\\b' : unicodeWordBoundary(false));
      case 'B':
        return as(this.ascii ? '\\B' : unicodeWordBoundary(true));
      case 'w':
        return ch(this.ascii ? '\\w' : W);
      case 'W':
        return ch(this.ascii ? '\\W' : NOT_W);
      case 'd':
        return ch(this.ascii ? '\\d' : '\\p{Nd}');
      case 'D':
        return ch(this.ascii ? '\\D' : '\\P{Nd}');
      case 's':
      case 'S':
        return ch(`\\${c}`);
      case 'p':
      case 'P':
        return ch(this.unicodeProperty(c, at));
      default: {
        if (/[1-9]/.test(c)) {
          let digits = c;
          if (this.peek() !== undefined && /[0-9]/.test(this.peek() ?? '')) {
            // Three octal digits make an octal escape, otherwise up to two digits are a group number.
            if (/[0-7]/.test(c) && /[0-7]/.test(this.peek() ?? '') && /[0-7]/.test(this.peek(1) ?? '')) {
              const oct = c + (this.peek() ?? '') + (this.peek(1) ?? '');
              this.pos += 2;
              const cp = parseInt(oct, 8);
              if (cp > 0o377) this.fail(`octal escape value \\${oct} outside of range 0-0o377`, at);
              return ch(hex(cp));
            }
            digits += this.peek();
            this.pos++;
          }
          if (this.fold) this.fail('unsupported: a backreference inside case-insensitive text cannot be combined with scoped flags (?-i:…)', at);
          return { node: { type: 'backref', js: `\\${digits}` }, js: `(?:\\${digits})` };
        }
        const lit = this.charEscape(c, at);
        if (lit.cp === undefined) return ch(lit.js);
        const s = String.fromCodePoint(lit.cp);
        if (this.fold && caseVariants(s).length > 1) return ch(this.lit(s));
        return ch(lit.cp > 0x20 && lit.cp !== 0x7f && !/\s/u.test(s) ? escapeLiteral(s) : hex(lit.cp));
      }
    }
  }

  /** Adds the case variants of a class's characters (emulated case-insensitivity). */
  private foldClass(items: ClassItem[], at: number): void {
    const extra: string[] = [];
    for (const item of items) {
      if (/\\[pP]\{(Lu|Ll|Lt|Uppercase|Lowercase|Uppercase_Letter|Lowercase_Letter|Titlecase_Letter)\}/.test(item.js)) {
        this.fail('unsupported: a cased Unicode property inside case-insensitive text cannot be combined with scoped flags (?-i:…)', at);
      }
      const [lo, hi] = item.range ?? (item.cp !== undefined ? [item.cp, item.cp] : [1, 0]);
      if (hi - lo > 5000) this.fail('unsupported: a character range this large cannot be made case-insensitive alongside scoped flags (?-i:…)', at);
      for (let cp = lo; cp <= hi; cp++) {
        for (const v of caseVariants(String.fromCodePoint(cp))) {
          const c = v.codePointAt(0) ?? 0;
          if (c < lo || c > hi) extra.push(v);
        }
      }
    }
    for (const v of new Set(extra)) items.push({ js: escapeClassLiteral(v), cp: v.codePointAt(0) ?? 0 });
  }

  /**
   * `\p{…}` is not Python `re` syntax but the `regex` module's, and real configs use it (`\p{Pi}`);
   * JavaScript's `u` flag understands the same general categories and scripts.
   */
  private unicodeProperty(c: string, at: number): string {
    const rest = this.chars.slice(this.pos).join('');
    const m = /^\{([A-Za-z_]+(?:=[A-Za-z_]+)?)\}/.exec(rest);
    if (!m) this.fail(`bad escape \\${c} (expected \\${c}{Category})`, at);
    const js = `\\${c}{${m[1] ?? ''}}`;
    try {
      new RegExp(js, 'u');
    } catch {
      this.fail(`unknown Unicode property \\${c}{${m[1] ?? ''}}`, at);
    }
    this.pos += m[0].length;
    return js;
  }

  /** Escapes that denote one character, shared by classes and the pattern body. */
  private charEscape(c: string, at: number): ClassItem {
    const single = (cp: number): ClassItem => ({ js: hex(cp), cp });
    const control = CONTROL_ESCAPES.get(c);
    if (control !== undefined) return single(control);
    switch (c) {
      case '0': {
        let oct = '0';
        while (oct.length < 3 && /[0-7]/.test(this.peek() ?? '')) {
          oct += this.peek();
          this.pos++;
        }
        return single(parseInt(oct, 8));
      }
      case 'x': {
        const h = this.chars.slice(this.pos, this.pos + 2).join('');
        if (!/^[0-9a-fA-F]{2}$/.test(h)) this.fail('incomplete escape \\x (needs two hex digits)', at);
        this.pos += 2;
        return single(parseInt(h, 16));
      }
      case 'u':
      case 'U': {
        const n = c === 'u' ? 4 : 8;
        const h = this.chars.slice(this.pos, this.pos + n).join('');
        if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(h)) this.fail(`incomplete escape \\${c} (needs ${n} hex digits)`, at);
        this.pos += n;
        const cp = parseInt(h, 16);
        if (cp > 0x10ffff) this.fail(`bad escape \\${c}${h}: not a Unicode code point`, at);
        return single(cp);
      }
      case 'N':
        this.fail('unsupported: named Unicode escape \\N{…} — write the character itself', at);
        break;
      default:
        if (/[A-Za-z]/.test(c)) this.fail(`bad escape \\${c} (Python rejects unknown letter escapes)`, at);
        if (/[0-9]/.test(c)) this.fail(`bad escape \\${c}`, at);
    }
    const cp = c.codePointAt(0) ?? 0;
    return { js: SYNTAX.has(c) || CLASS_SYNTAX.has(c) ? `\\${c}` : c, cp };
  }

  private parseClass(): { node: RegexNode; js: string } {
    const at = this.pos;
    this.pos++; // [
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    const items: ClassItem[] = [];
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail('unterminated character set', at);
      if (c === ']' && !first) {
        this.pos++;
        break;
      }
      first = false;
      let item: ClassItem;
      if (c === '\\') {
        const eAt = this.pos;
        this.pos++;
        const e = this.peek();
        if (e === undefined) this.fail('bad escape (end of pattern)', eAt);
        this.pos++;
        switch (e) {
          case 'w':
            item = { js: this.ascii ? '\\w' : WORD_UNICODE };
            break;
          case 'W':
            item = this.ascii ? { js: '\\W' } : { js: '', notWord: true };
            break;
          case 'd':
            item = { js: this.ascii ? '\\d' : '\\p{Nd}' };
            break;
          case 'D':
            item = { js: this.ascii ? '\\D' : '\\P{Nd}' };
            break;
          case 's':
          case 'S':
            item = { js: `\\${e}` };
            break;
          case 'p':
          case 'P':
            item = { js: this.unicodeProperty(e, eAt) };
            break;
          case 'b':
            item = { js: '\\x08', cp: 8 };
            break;
          default:
            if (/[1-7]/.test(e)) {
              let oct = e;
              while (oct.length < 3 && /[0-7]/.test(this.peek() ?? '')) {
                oct += this.peek();
                this.pos++;
              }
              const cp = parseInt(oct, 8);
              item = { js: hex(cp), cp };
            } else {
              item = this.charEscape(e, eAt);
            }
        }
      } else {
        this.pos++;
        const cp = c.codePointAt(0) ?? 0;
        item = { js: escapeClassLiteral(c), cp };
      }
      // A range a-z (a '-' before ']' is literal).
      if (this.peek() === '-' && this.peek(1) !== undefined && this.peek(1) !== ']') {
        const dashAt = this.pos;
        this.pos++;
        let hi: ClassItem;
        const h = this.peek() ?? '';
        if (h === '\\') {
          const eAt = this.pos;
          this.pos++;
          const e = this.peek() ?? '';
          this.pos++;
          if (/[wWdDsS]/.test(e)) this.fail(`bad character range ${item.js}-\\${e}`, dashAt);
          hi = e === 'b' ? { js: '\\x08', cp: 8 } : this.charEscape(e, eAt);
        } else {
          this.pos++;
          hi = { js: escapeClassLiteral(h), cp: h.codePointAt(0) ?? 0 };
        }
        if (item.cp === undefined || hi.cp === undefined) this.fail(`bad character range ${item.js}-${hi.js}`, dashAt);
        if (hi.cp < item.cp) this.fail(`bad character range ${String.fromCodePoint(item.cp)}-${String.fromCodePoint(hi.cp)} (the start is after the end)`, dashAt);
        items.push({ js: `${item.js}-${hi.js}`, range: [item.cp, hi.cp] });
        continue;
      }
      items.push(item);
    }
    if (this.fold) this.foldClass(items, at);
    const plain = items.filter((i) => !i.notWord).map((i) => i.js).join('');
    if (!items.some((i) => i.notWord)) {
      const js = `[${negated ? '^' : ''}${plain}]`;
      return { node: { type: 'char', js }, js };
    }
    // `\W` inside a class has no JS (`u`, not `v`) spelling: rewrite the class as an alternation.
    const js = negated
      ? `(?:(?!${plain ? `[${plain}]` : '[]'})${W})`
      : `(?:${plain ? `[${plain}]|` : ''}${NOT_W})`;
    return { node: { type: 'char', js }, js };
  }
}

/**
 * Translates one Python regex. `ignoreCase` says whether the check is case-insensitive (scoped flags that
 * would not change anything are then accepted).
 */
export function translatePythonRegex(pattern: string, ignoreCase = true, opts: { emulateCase?: boolean } = {}): TranslateResult {
  try {
    const parser = new Parser(pattern, ignoreCase, opts.emulateCase === true);
    const { ast, source, groupCount } = parser.parse();
    return { ok: true, source, ast, flags: parser.flags, groupCount, warnings: parser.warnings };
  } catch (err) {
    if (err instanceof RegexSyntaxError) return { ok: false, message: err.message, offset: err.offset };
    throw err;
  }
}
