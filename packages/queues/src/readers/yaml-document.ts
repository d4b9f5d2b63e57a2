import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { InputProblem } from './problems.js';

export interface YamlRead<T> {
  value?: T;
  problems: InputProblem[];
}

/** Parses YAML and validates it with a zod schema; syntax and schema problems carry the YAML line. */
export function readYaml<S extends z.ZodType>(text: string, file: string, schema: S): YamlRead<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: InputProblem[] = [];
  for (const err of doc.errors) {
    problems.push({ file, line: lineCounter.linePos(err.pos[0]).line, severity: 'error', message: err.message.split('\n')[0] ?? err.message });
  }
  for (const warn of doc.warnings) {
    problems.push({ file, line: lineCounter.linePos(warn.pos[0]).line, severity: 'warning', message: warn.message.split('\n')[0] ?? warn.message });
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };
  const result = schema.safeParse(doc.toJS() ?? {});
  if (result.success) return { value: result.data, problems };
  for (const issue of result.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    let line: number | undefined;
    // The failing key may be missing; walk up to the nearest node that exists for a line number.
    for (let depth = path.length; depth >= 0 && line === undefined; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
    }
    const problem: InputProblem = { file, severity: 'error', message: issue.message };
    if (line !== undefined) problem.line = line;
    if (path.length) problem.field = path.join('.');
    problems.push(problem);
  }
  return { problems };
}
