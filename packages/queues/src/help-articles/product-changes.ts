import { z } from 'zod';
import { optionalTextSchema } from '../readers/fields.js';
import type { InputProblem } from '../readers/problems.js';
import { readTable, type ColumnSpec, type TableFormat } from '../readers/table.js';
import { validateRow, type SourceRef } from '../readers/validate-rows.js';
import { calendarDaySchema } from './calendar-day.js';

/** One row of the product-change list. */
export function productChangeRowSchema(timeZone: string) {
  return z
    .object({
      area: z.string().trim().min(1, 'required value is missing').max(200, 'at most 200 characters'),
      date: calendarDaySchema(timeZone),
      id: optionalTextSchema,
      description: optionalTextSchema,
    })
    .transform((r) => ({ area: r.area, date: r.date, id: r.id, description: r.description }));
}

/** The product-change list's columns. */
export const PRODUCT_CHANGE_COLUMNS: ColumnSpec = { required: ['area', 'date'], optional: ['id', 'description'] };

/** A product change: an area and the day it shipped. */
export type ProductChange = z.output<ReturnType<typeof productChangeRowSchema>> & { source: SourceRef };

/** Reads the product changes (CSV, or JSON array / `{changes: [...]}`), reporting bad rows by row. */
export function readProductChanges(raw: string, file: string, format: TableFormat, timeZone: string): { items: ProductChange[]; problems: InputProblem[] } {
  const schema = productChangeRowSchema(timeZone);
  return readTable(raw, file, format, ['changes', 'product_changes'], (row, problems) => validateRow(row, schema, file, problems), PRODUCT_CHANGE_COLUMNS);
}
