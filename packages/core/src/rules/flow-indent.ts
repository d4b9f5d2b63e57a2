/**
 * PyYAML (what AutoModerator loads rules with) accepts flow lists whose continuation lines are not
 * indented past their key:
 *
 *     title: ['a', 'b',
 *     'c']
 *
 * The YAML spec — and the `yaml` library — reject that. This pass indents such continuation lines just
 * enough, and records how many spaces it added per line so diagnostics keep the original columns.
 */

export interface Relaxed {
  text: string;
  /** Spaces added at the start of each (0-based) line. */
  shifts: Map<number, number>;
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  return i;
}

/** Indents flow-collection continuation lines that PyYAML accepts and the YAML spec does not. */
export function relaxFlowIndentation(text: string): Relaxed {
  const lines = text.split('\n');
  const shifts = new Map<number, number>();
  let depth = 0;
  let quote: '"' | "'" | undefined;
  let flowKeyIndent = 0;
  let blockScalarIndent: number | undefined;
  for (let li = 0; li < lines.length; li++) {
    let line = lines[li] ?? '';
    const indent = indentOf(line);
    if (blockScalarIndent !== undefined) {
      if (line.trim() === '' || indent > blockScalarIndent) continue;
      blockScalarIndent = undefined;
    }
    if ((depth > 0 || quote !== undefined) && line.trim() !== '' && indent <= flowKeyIndent) {
      const add = flowKeyIndent + 1 - indent;
      line = ' '.repeat(add) + line;
      lines[li] = line;
      shifts.set(li, add);
    }
    // Scan the line for flow brackets outside quotes and comments.
    let valueStart = true; // at the start of a value (line start, after ': ', '- ', '[', '{', ',')
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote !== undefined) {
        if (c === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else quote = undefined;
        } else if (c === '\\' && quote === '"') i++;
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
      if ((c === '"' || c === "'") && valueStart) {
        quote = c;
        valueStart = false;
        continue;
      }
      if ((c === '[' || c === '{') && (valueStart || depth > 0)) {
        if (depth === 0) flowKeyIndent = indent;
        depth++;
        valueStart = true;
        continue;
      }
      if ((c === ']' || c === '}') && depth > 0) {
        depth--;
        valueStart = false;
        continue;
      }
      if (c === ',' && depth > 0) {
        valueStart = true;
        continue;
      }
      if (c === ':' && (line[i + 1] === ' ' || line[i + 1] === undefined || (depth > 0 && line[i + 1] === ','))) {
        valueStart = true;
        continue;
      }
      if (c === '-' && valueStart && (line[i + 1] === ' ' || line[i + 1] === undefined)) {
        continue;
      }
      if ((c === '|' || c === '>') && valueStart && depth === 0) {
        blockScalarIndent = indent;
        break;
      }
      // A plain scalar: skip to the next indicator that could end it.
      valueStart = false;
      if (depth === 0) {
        // Outside flow, a plain scalar runs to ': ' or ' #'.
        while (i + 1 < line.length && !(line[i + 1] === ':' && (line[i + 2] === ' ' || line[i + 2] === undefined)) && !(line[i + 1] === ' ' && line[i + 2] === '#')) i++;
      }
    }
    if (depth === 0 && quote === undefined) flowKeyIndent = 0;
  }
  // Most sections need no change: hand back the same string rather than a re-joined copy.
  return { text: shifts.size === 0 ? text : lines.join('\n'), shifts };
}
