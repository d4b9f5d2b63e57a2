import type { z } from 'zod';
import type { InputProblem } from './problems.js';
import { readTable, type TableFormat } from './table.js';
import { validateRow, type SourceRef } from './validate-rows.js';

export interface ReadResult<T> {
  items: T[];
  problems: InputProblem[];
}

/** The problem for a record whose id was already read (`first` says where); the record is not used. */
export function duplicateIdProblem(id: string, at: SourceRef, first: string): InputProblem {
  return {
    file: at.file,
    row: at.row,
    ...(at.line !== undefined ? { line: at.line } : {}),
    field: 'id',
    severity: 'error',
    message: `duplicate id ${JSON.stringify(id)} (${first}); this row was not used`,
  };
}

/**
 * Reads an export (CSV, or JSON under one of `arrayKeys`) with a row schema: each record is validated as
 * it is parsed, bad rows and repeated ids become problems with file, row and line, and the rest is
 * returned. `share` may swap repeated strings of a kept item for shared copies.
 */
export function readRecords<S extends z.ZodType<{ id: string }>>(
  text: string | Uint8Array,
  file: string,
  format: TableFormat,
  arrayKeys: readonly string[],
  schema: S,
  share?: (item: z.output<S>) => void,
): ReadResult<z.output<S> & { source: SourceRef }> {
  const seen = new Map<string, number>();
  // Listed after the file's other problems, as a second look at the rows that passed validation.
  const duplicates: InputProblem[] = [];
  const read = readTable(text, file, format, arrayKeys, (raw, problems) => {
    const item = validateRow(raw, schema, file, problems);
    if (item === undefined) return undefined;
    const firstRow = seen.get(item.id);
    if (firstRow !== undefined) {
      duplicates.push(duplicateIdProblem(item.id, item.source, `first at row ${firstRow}`));
      return undefined;
    }
    seen.set(item.id, item.source.row);
    share?.(item);
    return item;
  });
  read.problems.push(...duplicates);
  return read;
}
