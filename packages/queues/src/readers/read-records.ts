import type { z } from 'zod';
import type { InputProblem } from './problems.js';
import { readTable, type ColumnSpec, type TableFormat } from './table.js';
import { validateRow, type SourceRef } from './validate-rows.js';

export interface ReadResult<T> {
  items: T[];
  problems: InputProblem[];
}

/** One row of an id that several rows carry. */
interface Occurrence<T> {
  fileIndex: number;
  row: number;
  line?: number;
  /** The row's status time (ms): the latest thing it says happened. */
  time: number;
  /** The record, kept only for ids that repeat (so a later winner can replace an earlier one). */
  item?: T;
}

/**
 * Ids read so far across the files of one kind. A repeated id is resolved by status time: the row whose
 * latest time is later wins (a daily snapshot appended later is the fresher row; equal times: the later
 * row), the others are listed. Streaming hands only first occurrences out, so when a later row wins the
 * caller reads the files again with `skip` set (see `resolveDuplicates`).
 */
export interface SeenIds {
  /** Each id's slot: where it was first read (`rows`, `fileOf`) and that row's status time (`times`). */
  ids: Map<string, number>;
  rows: Int32Array;
  fileOf: Uint16Array;
  times: Float64Array;
  count: number;
  files: string[];
  /** Every row of each repeated id, in reading order. */
  repeats: Map<string, Occurrence<unknown>[]>;
  /** A second reading: the rows (`fileIndex:row`) that lost to a repeat of their id are left out. */
  skip?: ReadonlySet<string>;
}

/** A fresh record of ids, to share across the files of one kind (`skip`: the losers of a first reading). */
export function seenIds(skip?: ReadonlySet<string>): SeenIds {
  const cap = 1024;
  return { ids: new Map(), rows: new Int32Array(cap), fileOf: new Uint16Array(cap), times: new Float64Array(cap), count: 0, files: [], repeats: new Map(), ...(skip ? { skip } : {}) };
}

// One slot per id in typed arrays rather than a Map value object per id: 100,000 rows keep no object each.
function addSlot(seen: SeenIds, id: string, row: number, fileIndex: number, time: number): void {
  if (seen.count === seen.rows.length) {
    const cap = seen.count * 2;
    const rows = new Int32Array(cap);
    rows.set(seen.rows);
    const fileOf = new Uint16Array(cap);
    fileOf.set(seen.fileOf);
    const times = new Float64Array(cap);
    times.set(seen.times);
    Object.assign(seen, { rows, fileOf, times });
  }
  const slot = seen.count++;
  seen.rows[slot] = row;
  seen.fileOf[slot] = fileIndex;
  seen.times[slot] = time;
  seen.ids.set(id, slot);
}

/** How records are handed over when a caller reads several files or streams them. */
export interface RecordOptions<T> {
  /** Ids already read from earlier files (updated as this file is read); see SeenIds for repeats. */
  seen?: SeenIds;
  /** Receives each usable record as soon as it is read, instead of the returned `items` (then empty). */
  each?: (item: T) => void;
  /** Told how many bytes of this file have been parsed, as large files are read chunk by chunk. */
  progress?: (bytesDone: number) => void;
}

/** The repeated ids of a reading: a problem per row not used, and whether a row handed out lost. */
export interface DuplicateResolution {
  problems: InputProblem[];
  /** `fileIndex:row` of every row that lost. */
  skip: Set<string>;
  /** True when some winner is not the row that was handed out first: read again with `skip`. */
  rereadNeeded: boolean;
  /** For an in-memory reading: id → the winning record. */
  winners: Map<string, unknown>;
}

/** Decides every repeated id of a reading (later status time wins; ties: the later row). */
export function resolveDuplicates(seen: SeenIds): DuplicateResolution {
  const problems: InputProblem[] = [];
  const skip = new Set<string>();
  const winners = new Map<string, unknown>();
  let rereadNeeded = false;
  const where = (o: Occurrence<unknown>): string => `${seen.files[o.fileIndex] ?? '?'} row ${o.row}`;
  for (const [id, rows] of seen.repeats) {
    let win = rows[0] as Occurrence<unknown>;
    for (const o of rows) if (o.time >= win.time) win = o;
    if (win !== rows[0]) rereadNeeded = true;
    winners.set(id, win.item);
    for (const o of rows) {
      if (o === win) continue;
      skip.add(`${o.fileIndex}:${o.row}`);
      problems.push({
        file: seen.files[o.fileIndex] ?? '?',
        row: o.row,
        ...(o.line !== undefined ? { line: o.line } : {}),
        field: 'id',
        severity: 'warning',
        message: `duplicate id ${JSON.stringify(id)}: ${where(win)} has the ${win.time > o.time ? 'later' : 'same'} status time (${new Date(win.time).toISOString()}${win.time > o.time ? '' : ', and comes later'}), so that row is used and this one is not`,
      });
    }
  }
  return { problems, skip, rereadNeeded, winners };
}

/**
 * Reads an export (CSV, or JSON under one of `arrayKeys`) with a row schema: each record is validated as
 * it is parsed, bad rows become problems with file, row and line, and the rest is returned (or handed to
 * `opts.each`). A CSV header without the required `columns` is one problem for the file. `timeOf` gives
 * a record's status time, which decides between rows repeating an id. `share` may swap repeated strings of
 * a kept item for shared copies. `records` counts the records handed out.
 */
export function readRecords<S extends z.ZodType<{ id: string }>>(
  text: string | Uint8Array,
  file: string,
  format: TableFormat,
  arrayKeys: readonly string[],
  schema: S,
  columns: ColumnSpec,
  timeOf: (item: z.output<S>) => number,
  share?: (item: z.output<S>) => void,
  opts: RecordOptions<z.output<S> & { source: SourceRef }> = {},
): ReadResult<z.output<S> & { source: SourceRef }> & { records: number } {
  type Item = z.output<S> & { source: SourceRef };
  // One lookup per record in the common case: `seen` holds every id read so far with its slot.
  const standalone = opts.seen === undefined;
  const seen = opts.seen ?? seenIds();
  const fileIndex = seen.files.push(file) - 1;
  const each = opts.each;
  const skip = seen.skip;
  let records = 0;
  const read = readTable(
    text,
    file,
    format,
    arrayKeys,
    (raw, problems) => {
      const item = validateRow(raw, schema, file, problems) as Item | undefined;
      if (item === undefined) return undefined;
      if (skip) {
        if (skip.has(`${fileIndex}:${item.source.row}`)) return undefined;
      } else {
        const time = timeOf(item);
        const first = seen.ids.get(item.id);
        if (first !== undefined) {
          let rows = seen.repeats.get(item.id);
          if (!rows) {
            rows = [{ fileIndex: seen.fileOf[first] as number, row: seen.rows[first] as number, time: seen.times[first] as number }];
            seen.repeats.set(item.id, rows);
          }
          rows.push({ fileIndex, row: item.source.row, ...(item.source.line !== undefined ? { line: item.source.line } : {}), time, item });
          share?.(item);
          return undefined;
        }
        addSlot(seen, item.id, item.source.row, fileIndex, time);
      }
      records++;
      share?.(item);
      if (!each) return item;
      each(item);
      return undefined;
    },
    columns,
    opts.progress,
  );
  if (standalone && seen.repeats.size > 0) {
    // In memory, a later winner simply takes its first row's place.
    const r = resolveDuplicates(seen);
    for (const p of r.problems) read.problems.push(p);
    read.items = read.items.map((item) => (r.winners.get(item.id) as Item | undefined) ?? item);
  }
  return { items: read.items, problems: read.problems, records };
}
