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

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function locator(text: string, baseLine: number, firstColOffset: number, shifts: Map<number, number>): (offset: number) => Pos {
  const starts = lineStarts(text);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const column = Math.max(1, offset - (starts[lo] ?? 0) + 1 + (lo === 0 ? firstColOffset : 0) - (shifts.get(lo) ?? 0));
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
    const relaxed = relaxFlowIndentation(section.text);
    const locate = locator(relaxed.text, section.line, section.firstLineColumnOffset, relaxed.shifts);
    // Until the YAML is read, the rule starts at its first line that is not blank or a comment.
    const firstContent = /^[ \t]*([^\s#])/m.exec(relaxed.text);
    let rulePos = locate(firstContent ? firstContent.index + firstContent[0].length - 1 : 0);
    const ruleFields = { ruleIndex: index, ruleLine: rulePos.line };
    let doc;
    try {
      doc = parseDocument(relaxed.text, { version: '1.1', uniqueKeys: false, prettyErrors: false, strict: false });
    } catch (err) {
      push({ ...rulePos, severity: 'error', message: `rule ${index + 1}: cannot read YAML: ${(err as Error).message}`, ...ruleFields });
      return;
    }
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const pos = locate(e.pos[0]);
        const msg = e.message.split('\n')[0] ?? e.message;
        push({ ...pos, severity: 'error', message: `YAML error: ${msg} (the whole rule is skipped)`, ...ruleFields });
      }
      return;
    }
    const contents = doc.contents;
    if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) return;
    if (!isMap(contents)) {
      // AutoModerator ignores sections that are not mappings; banner lines of hyphens are the usual case.
      const isBanner = isScalar(contents) && typeof contents.value === 'string' && /^[-=#*_~\s]*$/.test(contents.value);
      if (!isBanner) {
        const what = isSeq(contents) ? 'a list' : 'plain text';
        push({ ...rulePos, severity: 'warning', message: `section ${index + 1} is ${what}, not a rule: ignored (AutoModerator ignores it too)`, ...ruleFields });
      }
      return;
    }
    if (contents.range) rulePos = locate(contents.range[0]);
    ruleFields.ruleLine = rulePos.line;
    const dups: DuplicateKey[] = [];
    const node = fromYaml(contents, doc, locate, dups);
    if (node.kind !== 'map') return;
    for (const d of dups) {
      push({ ...d.first, severity: 'warning', message: `duplicate key '${d.key}': the one on line ${d.second.line} replaces this one (as in AutoModerator)`, ...ruleFields });
    }
    const firstKey = contents.items[0]?.key as { commentBefore?: string | null } | null | undefined;
    const name = ruleName(doc.commentBefore ?? contents.commentBefore ?? firstKey?.commentBefore);
    const buildOpts = { index, line: rulePos.line, column: rulePos.column, ...(source !== undefined ? { source } : {}), ...(name !== undefined ? { name } : {}) };
    try {
      const rule = buildRule(node, buildOpts, (pos, severity, message) => push({ line: pos.line, column: pos.column, severity, message, ...ruleFields }));
      if (rule) rules.push(rule);
    } catch (err) {
      // A bug here must not take the other rules down; report it against this rule.
      push({ ...rulePos, severity: 'error', message: `internal error while reading this rule: ${(err as Error).message}`, ...ruleFields });
    }
  });
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { rules, diagnostics };
}
