/** A problem found in an input file: where it is, and what was expected. */
export interface InputProblem {
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** 1-based column on that line, when known (YAML files). */
  column?: number;
  /** 1-based data row (CSV rows after the header, JSON array index + 1). */
  row?: number;
  /** The column or field path the problem is about. */
  field?: string;
  severity: 'error' | 'warning';
  message: string;
}

/** Renders a problem as `file:line[:col] (row N) field: message`, the shape editors and CI logs link. */
export function formatProblem(p: InputProblem): string {
  return `${problemLocation(p)}: ${p.message}`;
}

/** Where a problem is: `file:line[:col] (row N) field`. */
export function problemLocation(p: InputProblem): string {
  const at = p.line === undefined ? p.file : p.column === undefined ? `${p.file}:${p.line}` : `${p.file}:${p.line}:${p.column}`;
  const row = p.row !== undefined ? ` (row ${p.row})` : '';
  const field = p.field ? ` ${p.field}` : '';
  return `${at}${row}${field}`;
}

/** True when any problem is an error (the report still prints, the exit code becomes 1). */
export function hasErrors(problems: readonly InputProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
