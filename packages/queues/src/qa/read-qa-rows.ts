import { CALENDAR_MIN_MS } from '@creator-desk/core';
import type { z } from 'zod';
import type { InputProblem } from '../readers/problems.js';
import { readTable, type ColumnSpec, type TableFormat } from '../readers/table.js';
import { validateRow, type SourceRef } from '../readers/validate-rows.js';

/** How far after `now` a row's time may be (export clocks drift a little), as for the review export. */
export const QA_FUTURE_SKEW_MS = 5 * 60_000;

export interface QaRowsRead<T> {
  items: (T & { source: SourceRef })[];
  problems: InputProblem[];
}

/**
 * Reads a QA export (CSV, or JSON as an array or under one of `arrayKeys`) row by row with `schema`:
 * a bad row is an error naming file, row, line and field, and is not used; so is a row whose time
 * (`timeField`) is later than `now` (+5 min) or before 1900 — a clock or export error that would
 * otherwise count in the wrong week.
 */
export function readQaRows<S extends z.ZodType>(
  text: string,
  file: string,
  format: TableFormat,
  arrayKeys: readonly string[],
  schema: S,
  columns: ColumnSpec,
  timeField: { column: string; of: (item: z.output<S>) => Date },
  now: Date,
): QaRowsRead<z.output<S>> {
  const read = readTable(
    text,
    file,
    format,
    arrayKeys,
    (raw, problems) => {
      const item = validateRow(raw, schema, file, problems);
      if (item === undefined) return undefined;
      const at = timeField.of(item);
      const t = at.getTime();
      const why =
        t > now.getTime() + QA_FUTURE_SKEW_MS
          ? `${at.toISOString()} is after the report's now (${now.toISOString()}) by more than ${QA_FUTURE_SKEW_MS / 60_000} minutes: a clock or export error; this row was not used`
          : t < CALENDAR_MIN_MS
            ? `${at.toISOString()} is before 1900: an export error; this row was not used`
            : undefined;
      if (why === undefined) return item;
      const problem: InputProblem = { file, row: raw.row, field: timeField.column, severity: 'error', message: why };
      if (raw.line !== undefined) problem.line = raw.line;
      problems.push(problem);
      return undefined;
    },
    columns,
  );
  return { items: read.items, problems: read.problems };
}
