/**
 * Builds the JavaScript regex of one search check the way AutoModerator builds its Python one: every
 * value (escaped unless `regex`) joined into one capturing group — group 1, the "whole matched option" of
 * `{{match}}` — and wrapped in the search method's template.
 */
import { SCOPED_CASE, translatePythonRegex, type RegexNode } from './python-regex.js';
import { requiredLiterals } from './prefilter.js';
import { planEngine, searchRegex, type RegexEngine, type Re2Form } from './regex-engine.js';
import type { Condition, Rule, SearchMethod } from './schema.js';

const WORD = '[\\p{L}\\p{N}_]';
const NOT_WORD = '[^\\p{L}\\p{N}_]';
// Python's `(?:^|\W|\b)` before and `(?:$|\W|\b)` after a value: true wherever the value does not start
// (end) in the middle of a word.
const WORD_START_ANY = `(?:(?<!${WORD})|(?!${WORD}))`;
const WORD_END_ANY = WORD_START_ANY;
const IS_WORD_CHAR = /^[\p{L}\p{N}_]$/u;
const JS_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

export interface ValueProblem {
  /** Index of the value in the check's list. */
  value: number;
  /** 0-based offset in the value, when the problem is at a precise spot. */
  offset?: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface BuiltPattern {
  pattern: string;
  flags: string;
  /** The engine that runs it (see regex-engine.ts); `re2` is the pattern in RE2 syntax when that is re2js. */
  engine: RegexEngine;
  re2?: Re2Form;
  /** Literal texts one of which must occur wherever `pattern` matches (a fast pre-check), if any. */
  required?: string[];
  problems: ValueProblem[];
}

/**
 * The pattern with its Unicode word classes swapped for one-character classes: the same syntax (so the
 * same validity) but far cheaper for V8 to construct — only validity is being checked here.
 */
function syntaxOnly(pattern: string): string {
  return pattern.split(NOT_WORD).join('[^_]').split(WORD).join('[_]').split(WORD_CHARS).join('_');
}
const WORD_CHARS = '\\p{L}\\p{N}_';

/** A literal value as the translator's syntax tree (for the engine choice). */
function literalNode(value: string): RegexNode {
  return { type: 'alt', branches: [Array.from(value, (ch): RegexNode => ({ type: 'char', js: escapeForRegex(ch) }))] };
}

/** The nodes of the whole search pattern: the method's template around group 1, the values' alternation. */
function templateNodes(method: SearchMethod, values: readonly RegexNode[], multiline: boolean): RegexNode[] {
  const branches = values.flatMap((v) => (v.type === 'alt' ? v.branches : [[v]]));
  const group: RegexNode = { type: 'group', capture: true, body: { type: 'alt', branches } };
  const as = (js: string): RegexNode => ({ type: 'assert', js });
  const end = as(multiline ? '$' : '(?=\\n?$)');
  const notWordRun: RegexNode = { type: 'quant', min: 0, max: Infinity, lazy: false, child: { type: 'char', js: NOT_WORD } };
  switch (method) {
    case 'full-exact':
      return [as('^'), group, end];
    case 'full-text':
      return [as('^'), notWordRun, group, notWordRun, end];
    case 'includes':
      return [group];
    case 'starts-with':
      return [as('^'), group];
    case 'ends-with':
      return [group, end];
    case 'includes-word':
    case 'domain':
      return [as(WORD_START_ANY), group, as(WORD_END_ANY)];
  }
}

/** Escapes literal text for a `u`-flag JavaScript regex (Python's `re.escape` equivalent). */
export function escapeForRegex(text: string): string {
  return text.replace(JS_SYNTAX, '\\$&');
}

/** Compiles the values of one check; values with errors are reported and left out of the pattern. */
export function buildSearchPattern(
  values: readonly string[],
  method: SearchMethod,
  regex: boolean,
  caseSensitive: boolean,
  emulateCase = false,
): BuiltPattern {
  const problems: ValueProblem[] = [];
  const sources: string[] = [];
  const asts: RegexNode[] = [];
  const sourceValue: number[] = [];
  let literals: string[] | undefined = [];
  let multiline = false;
  let needsEmulation = false;
  let ignoreCase = !caseSensitive;
  let wordEdgesKnown = true;
  let startsWord = true;
  let endsWord = true;
  values.forEach((value, i) => {
    if (!regex) {
      sources.push(escapeForRegex(value));
      const chars = Array.from(value);
      if (chars.length >= 2) literals?.push(value);
      else literals = undefined;
      const first = chars[0];
      const last = chars[chars.length - 1];
      if (first === undefined || last === undefined) {
        wordEdgesKnown = false;
        return;
      }
      if (!IS_WORD_CHAR.test(first)) startsWord = false;
      if (!IS_WORD_CHAR.test(last)) endsWord = false;
      return;
    }
    wordEdgesKnown = false;
    const t = translatePythonRegex(value, !caseSensitive, { emulateCase });
    if (!t.ok && !emulateCase && t.message.startsWith(SCOPED_CASE)) needsEmulation = true;
    if (!t.ok) {
      problems.push({ value: i, offset: t.offset, severity: 'error', message: `regex ${JSON.stringify(value)}: ${t.message}` });
      return;
    }
    for (const w of t.warnings) problems.push({ value: i, offset: w.offset, severity: 'warning', message: `regex ${JSON.stringify(value)}: ${w.message}` });
    if (t.flags.i) ignoreCase = true;
    if (t.flags.m) multiline = true;
    sources.push(t.source);
    sourceValue.push(i);
    asts.push(t.ast);
  });
  // Scoped flags that switch case-sensitivity (`(?-i:Ways)`): JavaScript (Node 20) cannot switch flags
  // mid-pattern, so the check runs case-sensitively with every case-insensitive letter expanded ([wW]).
  if (needsEmulation) return buildSearchPattern(values, method, regex, caseSensitive, true);
  if (emulateCase) ignoreCase = false;
  if (regex) literals = emulateCase || problems.some((p) => p.severity === 'error') ? undefined : requiredLiterals(asts);
  const v = `(${sources.join('|')})`;
  const end = multiline ? '$' : '(?=\\n?$)';
  let pattern: string;
  switch (method) {
    case 'full-exact':
      pattern = `^${v}${end}`;
      break;
    case 'full-text':
      pattern = `^${NOT_WORD}*${v}${NOT_WORD}*${end}`;
      break;
    case 'includes':
      pattern = v;
      break;
    case 'starts-with':
      pattern = `^${v}`;
      break;
    case 'ends-with':
      pattern = `${v}${end}`;
      break;
    case 'includes-word':
    case 'domain': {
      // Literal values that start/end with a word character only need a plain look-behind/ahead, which
      // keeps V8's fast literal scan for the common case.
      const before = wordEdgesKnown && startsWord ? `(?<!${WORD})` : WORD_START_ANY;
      const after = wordEdgesKnown && endsWord ? `(?!${WORD})` : WORD_END_ANY;
      pattern = `${before}${v}${after}`;
      break;
    }
  }
  const flags = `su${ignoreCase ? 'i' : ''}${multiline ? 'm' : ''}`;
  if (sources.length === 0) {
    // Nothing left to search for: a pattern that never matches.
    return { pattern: '(?!)()', flags, engine: 'v8', problems };
  }
  // Escaped literals cannot make the pattern invalid. Regex values are compiled together once (compiling
  // Unicode classes is not cheap); only when that fails is each value tried alone, to say which one.
  if (regex) {
    try {
      new RegExp(syntaxOnly(pattern), flags);
    } catch (err) {
      let blamed = false;
      sources.forEach((src, k) => {
        try {
          new RegExp(syntaxOnly(`(${src})`), flags);
        } catch (e) {
          const i = sourceValue[k] ?? -1;
          problems.push({ value: i, severity: 'error', message: `regex ${JSON.stringify(values[i])} cannot run in JavaScript: ${(e as Error).message}` });
          blamed = true;
        }
      });
      if (!blamed) problems.push({ value: -1, severity: 'error', message: `the values together cannot run in JavaScript: ${(err as Error).message}` });
      return { pattern: '(?!)()', flags, engine: 'v8', problems };
    }
  }
  const valueNodes = regex ? asts : values.map(literalNode);
  const plan = planEngine(templateNodes(method, valueNodes, multiline), flags);
  if (!plan.ok) {
    // Blame the value that cannot run in linear time on its own (the templates alone always can).
    const blamed = regex
      ? asts.flatMap((ast, k) => {
        const alone = planEngine(templateNodes(method, [ast], multiline), flags);
        return alone.ok ? [] : [{ k, alone }];
      })
      : [];
    for (const { k, alone } of blamed) {
      const i = sourceValue[k] ?? -1;
      const where = alone.ok || alone.at === undefined ? '' : ` at column ${alone.at + 1} of the pattern`;
      problems.push({ value: i, ...(alone.ok || alone.at === undefined ? {} : { offset: alone.at }), severity: 'error', message: `regex ${JSON.stringify(values[i])} rejected: it could take more than linear time on a long text: ${alone.ok ? plan.message : alone.message}${where}` });
    }
    if (blamed.length === 0) problems.push({ value: -1, severity: 'error', message: `the values together could take more than linear time on a long text: ${plan.message}` });
    return { pattern: '(?!)()', flags, engine: 'v8', problems };
  }
  const out: BuiltPattern = { pattern, flags, engine: plan.engine, problems };
  if (plan.engine === 're2js') {
    const { ok: _ok, engine: _engine, ...form } = plan;
    out.re2 = form;
  }
  if (literals && literals.length > 0 && method !== 'full-exact') out.required = literals;
  return out;
}

/** A regex compiled the way the rule language runs it, for a plain "does it occur" test. */
export type TextPattern =
  | { ok: true; engine: RegexEngine; test(text: string): boolean }
  | { ok: false; message: string };

/**
 * Compiles one Python-flavoured regex as a rule's `(regex, includes)` check would — case-insensitive
 * unless asked, linear time on any text — for other configs that match text (queue error patterns).
 */
export function compileTextPattern(source: string, opts: { caseSensitive?: boolean } = {}): TextPattern {
  const built = buildSearchPattern([source], 'includes', true, opts.caseSensitive === true);
  const error = built.problems.find((p) => p.severity === 'error');
  if (error) return { ok: false, message: error.message };
  const re = searchRegex(built);
  return { ok: true, engine: built.engine, test: (text: string) => re.exec(text) !== null };
}

/** Where a regex check runs. */
export interface RegexCheckEngine {
  key: string;
  line: number;
  column: number;
  engine: RegexEngine;
}

/** The regex checks of compiled-to-be rules (sub-groups included), each with the engine it runs on. */
export function regexChecks(rules: readonly Rule[]): RegexCheckEngine[] {
  const out: RegexCheckEngine[] = [];
  const walk = (c: Condition): void => {
    for (const check of c.checks) {
      if (check.kind === 'search' && check.regex) out.push({ key: check.key, line: check.line, column: check.column, engine: check.engine });
    }
    for (const g of Object.values(c.groups)) if (g) walk(g);
  };
  for (const r of rules) walk(r.condition);
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
