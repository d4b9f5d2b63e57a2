import type { z } from 'zod';
import type { InputProblem } from './problems.js';
import type { RawRow } from './table.js';

/** Where a validated record came from, so later findings can point back at the file. */
export interface SourceRef {
  file: string;
  row: number;
  line?: number;
}

/** Validates one raw record: the item with its source, or undefined with one problem per issue pushed. */
export function validateRow<S extends z.ZodType>(raw: RawRow, schema: S, file: string, problems: InputProblem[]): (z.output<S> & { source: SourceRef }) | undefined {
  const result = schema.safeParse(raw.data);
  if (result.success) {
    const source: SourceRef = raw.line === undefined ? { file, row: raw.row } : { file, row: raw.row, line: raw.line };
    const item = result.data as z.output<S> & { source: SourceRef };
    item.source = source;
    return item;
  }
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || undefined;
    const problem: InputProblem = { file, row: raw.row, severity: 'error', message: issueMessage(issue, raw.data) };
    if (raw.line !== undefined) problem.line = raw.line;
    if (field !== undefined) problem.field = field;
    problems.push(problem);
  }
  return undefined;
}

function issueMessage(issue: z.core.$ZodIssue, data: Record<string, unknown>): string {
  const key = issue.path[0];
  const present = typeof key === 'string' && key in data;
  if (!present && issue.code === 'invalid_type') return 'required value is missing';
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const got = typeof key === 'string' ? data[key] : undefined;
    return `expected one of ${issue.values.map(String).join(' | ')}, got ${JSON.stringify(got)}`;
  }
  return issue.message;
}
