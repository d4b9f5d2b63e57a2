/**
 * Builds the JavaScript regex of one search check the way AutoModerator builds its Python one: every
 * value (escaped unless `regex`) joined into one capturing group — group 1, the "whole matched option" of
 * `{{match}}` — and wrapped in the search method's template.
 */
import { findCatastrophicBacktracking } from './redos.js';
import { SCOPED_CASE, translatePythonRegex, type RegexNode } from './python-regex.js';
import { requiredLiterals } from './prefilter.js';
import type { SearchMethod } from './schema.js';

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
    const redos = findCatastrophicBacktracking(t.ast, ignoreCase);
    if (redos) {
      problems.push({ value: i, severity: 'error', message: `regex ${JSON.stringify(value)} rejected: ${redos.message}` });
      return;
    }
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
    return { pattern: '(?!)()', flags, problems };
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
      return { pattern: '(?!)()', flags, problems };
    }
  }
  const out: BuiltPattern = { pattern, flags, problems };
  if (literals && literals.length > 0 && method !== 'full-exact') out.required = literals;
  return out;
}
