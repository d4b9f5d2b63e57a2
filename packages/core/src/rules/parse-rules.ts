/**
 * Reading an AutoModerator-style rules file: split into sections, load each as YAML 1.1 (as PyYAML
 * does), and build the rules. One broken section never hides the others.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { buildRule } from './build-rule.js';
import { fromYaml, type DuplicateKey, type Pos } from './pnode.js';
import type { Diagnostic, Rule } from './schema.js';
import { splitSections } from './split-sections.js';
import { relaxFlowIndentation } from './flow-indent.js';
import { openerFor, unclosedConstructs } from './yaml-openers.js';
import { lineStartOffsets, positionAt } from '../text/line-position.js';

export interface ParseRulesOptions {
  /** File name put on every diagnostic. */
  source?: string;
}

export interface ParseRulesResult {
  rules: Rule[];
  diagnostics: Diagnostic[];
}

/** Largest config accepted (a wiki page holds at most 1 MB). */
const MAX_TEXT = 1_000_000;

function locator(text: string, baseLine: number, firstColOffset: number, shifts: Map<number, number>): (offset: number) => Pos {
  const starts = lineStartOffsets(text);
  return (offset) => {
    const at = positionAt(starts, offset);
    const lo = at.line - 1;
    const column = Math.max(1, at.column + (lo === 0 ? firstColOffset : 0) - (shifts.get(lo) ?? 0));
    return { line: baseLine + lo, column };
  };
}

/** A comment just above a rule (`# Remove link shorteners`) names it. */
function ruleName(comment: string | null | undefined): string | undefined {
  if (!comment) return undefined;
  const lines = comment.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^[-=#*_~\s]+$/.test(l));
  const last = lines[lines.length - 1];
  return last === undefined ? undefined : last.replace(/^#+\s*/, '').slice(0, 120);
}

interface SectionResult {
  /** Positions as if the section started on line 1; `index` and `ruleIndex` are 0, no `source`. */
  rule: Rule | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Sections already read, by text: re-validating a config after one rule changed (every wiki edit)
 * only reads the changed sections. Results are position-relative and rebased on the way out.
 */
const SECTION_CACHE = new Map<string, SectionResult>();
const SECTION_CACHE_MAX = 5000;

function parseSectionCached(text: string, firstLineColumnOffset: number): SectionResult {
  const key = `${firstLineColumnOffset}\u0000${text}`;
  let result = SECTION_CACHE.get(key);
  if (result === undefined) {
    result = parseSection(text, firstLineColumnOffset);
    if (SECTION_CACHE.size >= SECTION_CACHE_MAX) SECTION_CACHE.clear();
    SECTION_CACHE.set(key, result);
  }
  return result;
}

/** A line number inside a cached message, rewritten when the result is rebased. */
function lineRef(relativeLine: number): string {
  return `\u0001${relativeLine}\u0001`;
}
// eslint-disable-next-line no-control-regex -- U+0001 marks a line number no message text can contain
const LINE_REF = /\u0001(\d+)\u0001/g;

/** A deep copy with every `line`/`ruleLine` moved by `delta` (cached results are never mutated). */
function rebase(value: unknown, delta: number): unknown {
  if (Array.isArray(value)) return value.map((v) => rebase(v, delta));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if ((k === 'line' || k === 'ruleLine') && typeof v === 'number') out[k] = v + delta;
    else if (k === 'message' && typeof v === 'string') out[k] = v.replace(LINE_REF, (_, n: string) => String(Number(n) + delta));
    else out[k] = rebase(v, delta);
  }
  return out;
}

/** Reads one section (text after a `---` line) into at most one rule. */
function parseSection(text: string, firstLineColumnOffset: number): SectionResult {
  const diagnostics: Diagnostic[] = [];
  const push = (d: Diagnostic): void => {
    diagnostics.push(d);
  };
  const relaxed = relaxFlowIndentation(text);
  const locate = locator(relaxed.text, 1, firstLineColumnOffset, relaxed.shifts);
  // Until the YAML is read, the rule starts at its first line that is not blank or a comment.
  const firstContent = /^[ \t]*([^\s#])/m.exec(relaxed.text);
  let rulePos = locate(firstContent ? firstContent.index + firstContent[0].length - 1 : 0);
  const ruleFields = { ruleIndex: 0, ruleLine: rulePos.line };
  let doc;
  try {
    doc = parseDocument(relaxed.text, { version: '1.1', uniqueKeys: false, prettyErrors: false, strict: false });
  } catch (err) {
    push({ ...rulePos, severity: 'error', message: `cannot read YAML: ${(err as Error).message}`, ...ruleFields });
    return { rule: undefined, diagnostics };
  }
  if (doc.errors.length > 0) {
    const openers = unclosedConstructs(relaxed.text);
    for (const e of doc.errors) {
      const pos = locate(e.pos[0]);
      const msg = e.message.split('\n')[0] ?? e.message;
      const opener = openerFor(openers, e.pos[0], msg);
      if (opener !== undefined && opener.offset < e.pos[0]) {
        // Point at where the construct opened (what to fix), and say where the parser gave up.
        const at = locate(opener.offset);
        push({ ...at, severity: 'error', message: `YAML error: ${msg}: ${opener.what} opened here is never closed (the parser gave up at line ${lineRef(pos.line)}, column ${pos.column}; the whole rule is skipped)`, ...ruleFields });
      } else {
        push({ ...pos, severity: 'error', message: `YAML error: ${msg} (the whole rule is skipped)`, ...ruleFields });
      }
    }
    return { rule: undefined, diagnostics };
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) return { rule: undefined, diagnostics };
  if (!isMap(contents)) {
    // AutoModerator ignores sections that are not mappings; banner lines of hyphens are the usual case.
    const isBanner = isScalar(contents) && typeof contents.value === 'string' && /^[-=#*_~\s]*$/.test(contents.value);
    if (!isBanner) {
      const what = isSeq(contents) ? 'a list' : 'plain text';
      push({ ...rulePos, severity: 'warning', message: `this section is ${what}, not a rule: ignored (AutoModerator ignores it too)`, ...ruleFields });
    }
    return { rule: undefined, diagnostics };
  }
  if (contents.range) rulePos = locate(contents.range[0]);
  ruleFields.ruleLine = rulePos.line;
  const dups: DuplicateKey[] = [];
  const node = fromYaml(contents, doc, locate, dups);
  if (node.kind !== 'map') return { rule: undefined, diagnostics };
  for (const d of dups) {
    push({ ...d.first, severity: 'warning', message: `duplicate key '${d.key}': the one on line ${lineRef(d.second.line)} replaces this one (as in AutoModerator)`, ...ruleFields });
  }
  const firstKey = contents.items[0]?.key as { commentBefore?: string | null } | null | undefined;
  const name = ruleName(doc.commentBefore ?? contents.commentBefore ?? firstKey?.commentBefore);
  const buildOpts = { index: 0, line: rulePos.line, column: rulePos.column, ...(name !== undefined ? { name } : {}) };
  try {
    const rule = buildRule(node, buildOpts, (pos, severity, message, extra) => push({ line: pos.line, column: pos.column, severity, message, ...ruleFields, ...extra }));
    return { rule, diagnostics };
  } catch (err) {
    // A bug here must not take the other rules down; report it against this rule.
    push({ ...rulePos, severity: 'error', message: `internal error while reading this rule: ${(err as Error).message}`, ...ruleFields });
    return { rule: undefined, diagnostics };
  }
}

/** Parses a rules file into normalised rules and diagnostics (never throws). */
export function parseRules(text: string, opts: ParseRulesOptions = {}): ParseRulesResult {
  const diagnostics: Diagnostic[] = [];
  const rules: Rule[] = [];
  const source = opts.source;
  const push = (d: Omit<Diagnostic, 'source'>): void => {
    diagnostics.push(source === undefined ? d : { source, ...d });
  };
  if (typeof text !== 'string') {
    push({ line: 1, column: 1, severity: 'error', message: 'rules must be text' });
    return { rules, diagnostics };
  }
  if (text.length > MAX_TEXT) {
    push({ line: 1, column: 1, severity: 'error', message: `rules file is too large (${text.length} characters; at most ${MAX_TEXT})` });
    return { rules, diagnostics };
  }
  const normalised = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const sections = splitSections(normalised);
  sections.forEach((section, index) => {
    const { rule, diagnostics: found } = parseSectionCached(section.text, section.firstLineColumnOffset);
    const delta = section.line - 1;
    for (const d of found) {
      const moved = rebase(d, delta) as Diagnostic;
      moved.ruleIndex = index;
      diagnostics.push(source === undefined ? moved : { source, ...moved });
    }
    if (rule) {
      const moved = rebase(rule, delta) as Rule;
      moved.index = index;
      if (source !== undefined) moved.source = source;
      rules.push(moved);
    }
  });
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { rules, diagnostics };
}
