import { parse as parseCsv, type CsvError } from 'csv-parse/sync';
import type { InputProblem } from './problems.js';

/** One data record before validation, with where it came from. */
export interface RawRow {
  /** 1-based data row: CSV rows after the header, or JSON array index + 1. */
  row: number;
  /** 1-based line where the record starts (CSV only; JSON does not keep positions). */
  line?: number;
  data: Record<string, unknown>;
}

export type TableFormat = 'csv' | 'json';

export interface ParsedTable {
  rows: RawRow[];
  problems: InputProblem[];
}

/** Guesses the table format from a file name (`.csv` or `.json`). */
export function tableFormatOf(file: string): TableFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}

/**
 * Splits a CSV or JSON export into raw records. Malformed records (bad quoting, wrong number of
 * columns) become problems with their line; every other record is returned.
 */
export function parseTable(text: string, file: string, format: TableFormat, arrayKeys: readonly string[] = []): ParsedTable {
  return format === 'csv' ? parseCsvTable(text, file) : parseJsonTable(text, file, arrayKeys);
}

function parseCsvTable(text: string, file: string): ParsedTable {
  const problems: InputProblem[] = [];
  let records: { record: string[]; info: { lines: number; empty_lines: number; comment_lines: number } }[];
  try {
    records = parseCsv(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err: CsvError | undefined) => {
        if (err) problems.push({ file, line: lineOf(err), severity: 'error', message: csvMessage(err) });
        return undefined;
      },
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as CsvError;
    return { rows: [], problems: [{ file, line: lineOf(e), severity: 'error', message: `not readable as CSV: ${e.message}` }] };
  }
  const first = records[0];
  if (!first) {
    return { rows: [], problems: [...problems, { file, severity: 'warning', message: 'empty file: no header row' }] };
  }
  const header = first.record.map((h) => h.trim().toLowerCase());
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) problems.push({ file, line: first.info.lines, severity: 'error', field: h, message: 'duplicate column in the header' });
    seen.add(h);
  }
  const rows: RawRow[] = [];
  let prevEnd = first.info.lines;
  let prevSkipped = first.info.empty_lines + first.info.comment_lines;
  for (let i = 1; i < records.length; i++) {
    const { record, info } = records[i] as (typeof records)[number];
    const skipped = info.empty_lines + info.comment_lines;
    const line = prevEnd + 1 + (skipped - prevSkipped);
    prevEnd = info.lines;
    prevSkipped = skipped;
    const data: Record<string, unknown> = {};
    for (let c = 0; c < header.length; c++) {
      const cell = record[c];
      // An empty CSV cell means "no value", the same as a missing key in JSON.
      if (cell !== undefined && cell !== '') data[header[c] as string] = cell;
    }
    rows.push({ row: i, line, data });
  }
  return { rows, problems };
}

function lineOf(err: CsvError): number | undefined {
  const lines = (err as unknown as { lines?: unknown }).lines;
  return typeof lines === 'number' ? lines : undefined;
}

function csvMessage(err: CsvError): string {
  if (err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || err.code === 'CSV_RECORD_INCONSISTENT_COLUMNS') {
    const rec = (err as unknown as { record?: unknown[] }).record;
    return `wrong number of columns${rec ? ` (${rec.length})` : ''}: ${err.message.replace(/^Invalid Record Length: /, '')}`;
  }
  return err.message;
}

function parseJsonTable(text: string, file: string, arrayKeys: readonly string[]): ParsedTable {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { rows: [], problems: [{ file, severity: 'error', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  let list: unknown = doc;
  if (!Array.isArray(doc) && doc !== null && typeof doc === 'object') {
    const key = arrayKeys.find((k) => Array.isArray((doc as Record<string, unknown>)[k]));
    list = key === undefined ? undefined : (doc as Record<string, unknown>)[key];
  }
  if (!Array.isArray(list)) {
    const expected = arrayKeys.length ? `an array, or an object with ${arrayKeys.map((k) => `"${k}"`).join(' or ')}` : 'an array';
    return { rows: [], problems: [{ file, severity: 'error', message: `expected ${expected} of records` }] };
  }
  const rows: RawRow[] = [];
  const problems: InputProblem[] = [];
  list.forEach((entry: unknown, index) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push({ file, row: index + 1, field: `[${index}]`, severity: 'error', message: 'expected an object' });
      return;
    }
    rows.push({ row: index + 1, data: entry as Record<string, unknown> });
  });
  return { rows, problems };
}
