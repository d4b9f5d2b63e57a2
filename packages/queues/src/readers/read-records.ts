import type { z } from 'zod';
import type { InputProblem } from './problems.js';
import { readTable, type TableFormat } from './table.js';
import { validateRow, type SourceRef } from './validate-rows.js';

export interface ReadResult<T> {
  items: T[];
  problems: InputProblem[];
}

/** Ids read so far, across the files of one kind: where each was first read, as `row * FILES + file index`. */
export interface SeenIds {
  ids: Map<string, number>;
  files: string[];
}

// Files of one kind a reading can tell apart in a packed id position (rows go up to 2^53 / FILES).
const FILES = 1024;

/** A fresh record of ids, to share across the files of one kind. */
export function seenIds(): SeenIds {
  return { ids: new Map(), files: [] };
}

/** How records are handed over when a caller reads several files or streams them. */
export interface RecordOptions<T> {
  /** Ids already read from earlier files (updated as this file is read): a repeat is reported and not used. */
  seen?: SeenIds;
  /** Receives each usable record as soon as it is read, instead of the returned `items` (then empty). */
  each?: (item: T) => void;
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
 * returned (or handed to `opts.each`). `share` may swap repeated strings of a kept item for shared
 * copies. `records` counts the valid records with an id new to this file.
 */
export function readRecords<S extends z.ZodType<{ id: string }>>(
  text: string | Uint8Array,
  file: string,
  format: TableFormat,
  arrayKeys: readonly string[],
  schema: S,
  share?: (item: z.output<S>) => void,
  opts: RecordOptions<z.output<S> & { source: SourceRef }> = {},
): ReadResult<z.output<S> & { source: SourceRef }> & { records: number } {
  // One lookup per record in the common case: `seen` holds every id read so far (this file's too) with
  // where it was first read, packed into a number so the map keeps no object per record.
  const seen = opts.seen ?? { ids: new Map<string, number>(), files: [] };
  const fileIndex = seen.files.push(file) - 1;
  const each = opts.each;
  // Ids an earlier file had, by the row they first took in this file (rare, so kept apart).
  const againHere = new Map<string, number>();
  // Listed after the file's other problems, as a second look at the rows that passed validation:
  // repeats within this file first, then ids an earlier file already had.
  const repeats: InputProblem[] = [];
  const earlier: InputProblem[] = [];
  let records = 0;
  const read = readTable(text, file, format, arrayKeys, (raw, problems) => {
    const item = validateRow(raw, schema, file, problems);
    if (item === undefined) return undefined;
    const first = seen.ids.get(item.id);
    if (first !== undefined) {
      const firstFile = first % FILES;
      const firstRow = (first - firstFile) / FILES;
      if (firstFile === fileIndex) {
        repeats.push(duplicateIdProblem(item.id, item.source, `first at row ${firstRow}`));
        return undefined;
      }
      const rowHere = againHere.get(item.id);
      if (rowHere !== undefined) {
        repeats.push(duplicateIdProblem(item.id, item.source, `first at row ${rowHere}`));
        return undefined;
      }
      againHere.set(item.id, item.source.row);
      records++;
      earlier.push(duplicateIdProblem(item.id, item.source, `first in ${seen.files[firstFile] ?? '?'} row ${firstRow}`));
      return undefined;
    }
    seen.ids.set(item.id, item.source.row * FILES + fileIndex);
    records++;
    share?.(item);
    if (!each) return item;
    each(item);
    return undefined;
  });
  for (const p of repeats) read.problems.push(p);
  for (const p of earlier) read.problems.push(p);
  return { items: read.items, problems: read.problems, records };
}
