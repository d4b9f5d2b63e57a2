import { didYouMean } from '@creator-desk/core';
import type { z } from 'zod';
import type { InputProblem } from '../readers/problems.js';

/** `tickets[3].created_at`: a JSON path as a reader of the file would write it. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/**
 * One problem per zod issue of a record at `base` (`tickets[3]`), its field the whole JSON path; an
 * enum slip (`opne`) names the allowed values and the nearest one.
 */
export function zodProblems(error: z.ZodError, record: unknown, file: string, base: readonly PropertyKey[], severity: InputProblem['severity'], row?: number): InputProblem[] {
  return error.issues.map((issue) => {
    const path = [...base, ...issue.path];
    const value = valueAt(record, issue.path);
    let message = issue.message;
    if (issue.code === 'invalid_value' && 'values' in issue) {
      const allowed = issue.values.map(String);
      const got = typeof value === 'string' ? didYouMean(value, allowed) : '';
      message = `expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}${got}`;
    } else if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'custom')) {
      message = `missing (${issue.message.replace(/, received undefined$/, '')})`;
    }
    return { file, field: jsonPath(path), severity, message, ...(row === undefined ? {} : { row }) };
  });
}
