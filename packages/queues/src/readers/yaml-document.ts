import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { InputProblem } from './problems.js';

export interface YamlRead<T> {
  value?: T;
  problems: InputProblem[];
}

/** 1-based line and column of the node at `path`, or of its nearest ancestor that exists in the document. */
function locate(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): { line: number; column: number } | undefined {
  const keys = path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  for (let depth = keys.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(keys.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const pos = lineCounter.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return undefined;
}

/** 1-based line and column of the key `key` of the mapping at `path`. */
function locateKey(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[], key: string): { line: number; column: number } | undefined {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path.map((p) => (typeof p === 'symbol' ? String(p) : p)), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair || !isNode(pair.key) || !pair.key.range) return undefined;
  const pos = lineCounter.linePos(pair.key.range[0]);
  return { line: pos.line, column: pos.col };
}

/** The problems of one schema failure, each at the line and column of the key it is about. */
function schemaProblems(issues: readonly z.core.$ZodIssue[], doc: Document, lineCounter: LineCounter, file: string): InputProblem[] {
  return issues.map((issue) => {
    // An unknown key is reported at the key itself, so a typo points at the typo.
    const unknown = issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? (issue.keys[0] as string) : undefined;
    const keys = unknown === undefined ? issue.path : [...issue.path, unknown];
    const at = (unknown === undefined ? undefined : locateKey(doc, lineCounter, issue.path, unknown)) ?? locate(doc, lineCounter, keys);
    const problem: InputProblem = { file, severity: 'error', message: issue.message };
    if (at) {
      problem.line = at.line;
      problem.column = at.column;
    }
    if (keys.length) problem.field = keys.map(String).join('.');
    return problem;
  });
}

/**
 * Parses YAML and validates it with a zod schema; syntax and schema problems carry the YAML line and
 * column. With `salvage`, a document with schema errors still yields a value: each key that failed is
 * left out (so its default applies) and the rest is kept — the caller must still treat the read as failed
 * for anything it acts on, since `problems` has errors.
 */
export function readYaml<S extends z.ZodType>(text: string, file: string, schema: S, opts: { salvage?: boolean } = {}): YamlRead<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: InputProblem[] = [];
  for (const [list, severity] of [[doc.errors, 'error'], [doc.warnings, 'warning']] as const) {
    for (const e of list) {
      const pos = lineCounter.linePos(e.pos[0]);
      problems.push({ file, line: pos.line, column: pos.col, severity, message: e.message.split('\n')[0] ?? e.message });
    }
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };
  const data: unknown = doc.toJS() ?? {};
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, problems };
  problems.push(...schemaProblems(result.error.issues, doc, lineCounter, file));
  if (!opts.salvage) return { problems };
  // Drop what failed and parse again; each round removes at least one key, so this ends.
  let issues = result.error.issues;
  for (let round = 0; round < 50; round++) {
    // Last first, so removing an array element does not shift the ones still to remove.
    if (![...issues].reverse().every((issue) => prune(data, issue))) break;
    const again = schema.safeParse(data);
    if (again.success) return { value: again.data, problems };
    issues = again.error.issues;
  }
  return { problems };
}

/** Removes the value an issue is about from `data` (in place); false when nothing could be removed. */
function prune(data: unknown, issue: z.core.$ZodIssue): boolean {
  const path = issue.path;
  let parent: unknown = data;
  for (const key of path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return false;
    parent = (parent as Record<PropertyKey, unknown>)[key as PropertyKey];
  }
  if (parent === null || typeof parent !== 'object') return false;
  if (issue.code === 'unrecognized_keys') {
    const target = path.length ? (parent as Record<PropertyKey, unknown>)[path[path.length - 1] as PropertyKey] : parent;
    if (target === null || typeof target !== 'object') return false;
    for (const k of issue.keys) delete (target as Record<string, unknown>)[k];
    return true;
  }
  if (path.length === 0) return false;
  const last = path[path.length - 1] as PropertyKey;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else delete (parent as Record<PropertyKey, unknown>)[last];
  return true;
}
