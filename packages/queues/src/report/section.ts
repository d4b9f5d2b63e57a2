/** How a cell is rendered: ids as code, user-supplied text escaped, tones coloured on a terminal. */
export interface Cell {
  text: string;
  kind?: 'id' | 'user' | 'plain';
  tone?: 'red' | 'yellow' | 'green' | 'dim' | 'bold' | 'cyan';
  /** Never shortened on a terminal (problem messages must be read whole). */
  full?: boolean;
}

/** One block of the report: a titled table (or a message when empty). */
export interface Section {
  title: string;
  total: number;
  columns: string[];
  rows: Cell[][];
  emptyText: string;
  /** Rows left out to keep the section readable. */
  omitted: number;
  /** Columns a narrow terminal may leave out, first to go first (the json format always has them). */
  drop: number[];
}

/** A cell of the report's own text, optionally coloured. */
export const plain = (text: string, tone?: Cell['tone']): Cell => (tone ? { text, tone } : { text });
/** A cell of user-supplied text (escaped by every format); `—` when absent. */
export const user = (text: string | undefined): Cell => ({ text: text ?? '—', kind: 'user' });
/** A cell holding an id (a code span in Markdown). */
export const id = (text: string): Cell => ({ text, kind: 'id' });

/** A section of `items`, at most `limit` rows; `drop` names the columns a narrow terminal may leave out. */
export function section<T>(title: string, columns: string[], items: readonly T[], row: (item: T) => Cell[], limit: number, emptyText: string, drop: string[] = []): Section {
  const shown = items.length > limit ? items.slice(0, limit) : items;
  return { title, total: items.length, columns, rows: shown.map(row), emptyText, omitted: items.length - shown.length, drop: drop.map((c) => columns.indexOf(c)) };
}
