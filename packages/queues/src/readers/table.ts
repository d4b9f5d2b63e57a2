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
  const { items, problems } = readTable(text, file, format, arrayKeys, (raw) => raw);
  return { rows: items, problems };
}

/**
 * Reads a CSV or JSON export record by record, handing each raw record to `accept` as soon as it is
 * parsed (so raw records are garbage the moment they are validated); what `accept` returns is kept,
 * `undefined` drops the record (the caller reports why). Malformed records become problems.
 */
export function readTable<T>(
  text: string,
  file: string,
  format: TableFormat,
  arrayKeys: readonly string[],
  accept: (raw: RawRow, problems: InputProblem[]) => T | undefined,
): { items: T[]; problems: InputProblem[] } {
  return format === 'csv' ? readCsvTable(text, file, accept) : readJsonTable(text, file, arrayKeys, accept);
}

/**
 * Start and end line of every non-empty CSV record, by one pass over the text that tracks quotes (a
 * quoted field may span lines). Much cheaper than asking csv-parse for per-record info objects.
 */
export function csvRecordLines(text: string): { starts: Int32Array; ends: Int32Array; count: number } {
  let cap = 1024;
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let count = 0;
  let line = 1;
  let inQuotes = false;
  let open = false;
  let recStart = 0;
  const push = (): void => {
    if (count === cap) {
      cap *= 2;
      const s2 = new Int32Array(cap);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(cap);
      e2.set(ends);
      ends = e2;
    }
    starts[count] = recStart;
    ends[count] = line;
    count++;
  };
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (!inQuotes) {
        if (open) push();
        open = false;
      }
      line++;
    } else if (c !== 13) {
      if (c === 34) inQuotes = !inQuotes;
      if (!open) {
        open = true;
        recStart = line;
      }
    }
  }
  if (open) push();
  return { starts, ends, count };
}

function readCsvTable<T>(text: string, file: string, accept: (raw: RawRow, problems: InputProblem[]) => T | undefined): { items: T[]; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const skippedEnds = new Set<number>();
  // Line numbers come from one cheap pass over the text; csv-parse's per-record info objects cost more.
  const spans = csvRecordLines(text);
  let span = 0;
  // The span index of the next record csv-parse kept (0 = the header), or -1 past the end: spans whose
  // end line csv-parse reported as malformed (on_skip) have no record in its output.
  const nextSpan = (): number => {
    while (span < spans.count && skippedEnds.has(spans.ends[span] as number)) span++;
    return span < spans.count ? span++ : -1;
  };
  let records: (string[] | undefined)[];
  try {
    // No on_record hook: csv-parse builds a context object per record for it, which costs more than
    // the parse itself; records are validated afterwards and released one by one instead.
    records = parseCsv(text, {
      bom: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err: CsvError | undefined) => {
        if (err) {
          const line = lineOf(err);
          const problem: InputProblem = { file, severity: 'error', message: csvMessage(err) };
          if (line !== undefined) {
            skippedEnds.add(line);
            problem.line = line;
          }
          problems.push(problem);
        }
        return undefined;
      },
    });
  } catch (err) {
    const e = err as CsvError;
    const line = lineOf(e);
    return { items: [], problems: [...problems, { file, ...(line !== undefined ? { line } : {}), severity: 'error', message: `not readable as CSV: ${e.message}` }] };
  }
  // Point each malformed record at the line it starts on (it may span several) and its row number.
  for (const p of problems) {
    if (p.line === undefined) continue;
    for (let k = 0; k < spans.count; k++) {
      if (spans.ends[k] === p.line) {
        p.line = spans.starts[k] as number;
        if (k > 0) p.row = k;
        break;
      }
    }
  }
  const header = records[0];
  let names: string[] | undefined;
  const items: T[] = [];
  if (header) {
    const headerSpan = nextSpan();
    names = header.map((h) => h.trim().toLowerCase());
    const seen = new Set<string>();
    for (const h of names) {
      if (seen.has(h)) problems.push({ file, line: headerSpan < 0 ? 1 : (spans.starts[headerSpan] as number), severity: 'error', field: h, message: 'duplicate column in the header' });
      seen.add(h);
    }
    for (let i = 1; i < records.length; i++) {
      const record = records[i] as string[];
      records[i] = undefined;
      const data: Record<string, unknown> = {};
      for (let c = 0; c < names.length; c++) {
        const cell = record[c];
        // An empty CSV cell means "no value", the same as a missing key in JSON.
        if (cell !== undefined && cell !== '') data[names[c] as string] = cell;
      }
      // Data rows are numbered as they stand in the file (a skipped malformed record keeps its number).
      const k = nextSpan();
      const raw: RawRow = k < 0 ? { row: i, data } : { row: k, line: spans.starts[k] as number, data };
      const item = accept(raw, problems);
      if (item !== undefined) items.push(item);
    }
  }
  if (!names) problems.push({ file, severity: 'warning', message: 'empty file: no header row' });
  return { items, problems };
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

function readJsonTable<T>(
  text: string,
  file: string,
  arrayKeys: readonly string[],
  accept: (raw: RawRow, problems: InputProblem[]) => T | undefined,
): { items: T[]; problems: InputProblem[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { items: [], problems: [{ file, severity: 'error', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  let list: unknown = doc;
  if (!Array.isArray(doc) && doc !== null && typeof doc === 'object') {
    const key = arrayKeys.find((k) => Array.isArray((doc as Record<string, unknown>)[k]));
    list = key === undefined ? undefined : (doc as Record<string, unknown>)[key];
  }
  if (!Array.isArray(list)) {
    const expected = arrayKeys.length ? `an array, or an object with ${arrayKeys.map((k) => `"${k}"`).join(' or ')}` : 'an array';
    return { items: [], problems: [{ file, severity: 'error', message: `expected ${expected} of records` }] };
  }
  const items: T[] = [];
  const problems: InputProblem[] = [];
  list.forEach((entry: unknown, index) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push({ file, row: index + 1, field: `[${index}]`, severity: 'error', message: 'expected an object' });
      return;
    }
    const item = accept({ row: index + 1, data: entry as Record<string, unknown> }, problems);
    if (item !== undefined) items.push(item);
  });
  return { items, problems };
}
