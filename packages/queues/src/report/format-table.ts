import pc from 'picocolors';
import type { Report } from './report-model.js';
import { headlineParts, reportSections, shortTime } from './sections.js';
import type { Cell, Section } from './section.js';

type Colors = ReturnType<typeof pc.createColors>;

// A cell is cut here even when the terminal is wide, so one long error message cannot wreck the layout.
const MAX_CELL = 60;
// No column is squeezed below this to make a row fit.
const MIN_COLUMN = 6;
const INDENT = 2;
const GAP = 2;

function cellText(c: Cell): string {
  // eslint-disable-next-line no-control-regex -- strip terminal escapes from user text so it cannot recolour or move the cursor
  const clean = c.text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return !c.full && clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL - 1)}…` : clean;
}

function paint(colors: Colors, c: Cell, text: string): string {
  // Every tone is named after the picocolors function that draws it.
  return c.tone ? colors[c.tone](text) : text;
}

/** Splits text into lines of at most `width` characters, at spaces where it can. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    let cut = rest.lastIndexOf(' ', width);
    if (cut <= 0) cut = width;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  lines.push(rest);
  return lines;
}

/**
 * Column widths that fit `width` characters: the natural widths, then the widest column is narrowed one
 * character at a time — free text (names, reasons, errors) first, then other columns, ids last, since a
 * cut id is useless — until the row fits or nothing can give.
 */
function fitWidths(section: Section, texts: string[][], width: number): number[] {
  const widths = section.columns.map((h, i) => Math.max(h.length, ...texts.map((r) => (r[i] ?? '').length)));
  const rank = section.columns.map((_, i) => {
    const kinds = new Set(section.rows.map((r) => r[i]?.kind ?? 'plain'));
    return kinds.has('user') ? 0 : kinds.has('id') && kinds.size === 1 ? 2 : 1;
  });
  const total = (): number => INDENT + widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
  while (total() > width) {
    let pick = -1;
    for (let i = 0; i < widths.length; i++) {
      if ((widths[i] as number) <= MIN_COLUMN) continue;
      if (pick < 0 || (rank[i] as number) < (rank[pick] as number) || (rank[i] === rank[pick] && (widths[i] as number) > (widths[pick] as number))) pick = i;
    }
    if (pick < 0) break;
    widths[pick] = (widths[pick] as number) - 1;
  }
  return widths;
}

/** The section without its droppable columns, as many as it takes for the natural widths to fit. */
function narrowed(s: Section, width: number): Section {
  let keep = s.columns.map((_, i) => i);
  const natural = (cols: number[]): number =>
    INDENT + cols.reduce((sum, i) => sum + Math.max((s.columns[i] as string).length, ...s.rows.map((r) => cellText(r[i] as Cell).length)), 0) + GAP * (cols.length - 1);
  for (const d of s.drop) {
    if (natural(keep) <= width) break;
    keep = keep.filter((i) => i !== d);
  }
  if (keep.length === s.columns.length) return s;
  return { ...s, columns: keep.map((i) => s.columns[i] as string), rows: s.rows.map((r) => keep.map((i) => r[i] as Cell)) };
}

/** One table row as terminal lines: cells cut to their column, `full` cells wrapped onto more lines. */
function rowLines(colors: Colors, row: Cell[], texts: string[], widths: number[]): string[] {
  const parts = row.map((c, i) => {
    const w = widths[i] ?? 0;
    const t = texts[i] ?? '';
    if (t.length <= w) return [t];
    return c.full ? wrapText(t, w) : [`${t.slice(0, Math.max(0, w - 1))}…`];
  });
  const height = Math.max(...parts.map((p) => p.length));
  const out: string[] = [];
  for (let k = 0; k < height; k++) {
    const cells = row.map((c, i) => paint(colors, c, (parts[i]?.[k] ?? '').padEnd(widths[i] ?? 0)));
    out.push(`${' '.repeat(INDENT)}${cells.join(' '.repeat(GAP))}`.trimEnd());
  }
  return out;
}

/** The summary parts joined with ` · `, wrapped between parts to fit `width`. */
function wrapParts(parts: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const p of parts) {
    const next = line === '' ? p : `${line} · ${p}`;
    if (next.length > width && line !== '') {
      lines.push(`${line} ·`);
      line = p;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The report as an aligned terminal table at most `width` columns wide; colour only when `color` is true. */
export function reportToTable(report: Report, opts: { color: boolean; limit: number; width?: number }): string {
  const width = opts.width ?? 120;
  const colors = pc.createColors(opts.color);
  const lines: string[] = [];
  const long = (text: string, indent = ''): string[] => wrapText(text, width - indent.length).map((l, i) => (i === 0 ? l : `${indent}${l}`));
  for (const l of long(`creator-desk report — ${report.dir} — now ${shortTime(report.now, report.timeZone)} (times in ${report.timeZone})`)) lines.push(colors.bold(l));
  lines.push(...wrapParts(headlineParts(report), width));
  for (const input of report.inputs) for (const l of long(`  read ${input.file}: ${input.records} ${input.kind}`, '    ')) lines.push(colors.dim(l));
  for (const s of reportSections(report, opts.limit)) {
    lines.push('');
    lines.push(colors.bold(colors.cyan(`${s.title.toUpperCase()} (${s.total})`)));
    if (s.total === 0) {
      lines.push(colors.dim(`  ${s.emptyText}`));
      continue;
    }
    const s2 = narrowed(s, width);
    const texts = s2.rows.map((r) => r.map(cellText));
    const widths = fitWidths(s2, texts, width);
    lines.push(`${' '.repeat(INDENT)}${s2.columns.map((h, i) => colors.dim((h.length > (widths[i] ?? 0) ? `${h.slice(0, (widths[i] ?? 1) - 1)}…` : h).padEnd(widths[i] ?? 0))).join(' '.repeat(GAP))}`.trimEnd());
    s2.rows.forEach((row, r) => lines.push(...rowLines(colors, row, texts[r] ?? [], widths)));
    if (s.omitted > 0) lines.push(colors.dim(`  … and ${s.omitted} more (--limit, or --format json for everything)`));
  }
  if (report.retries.written.length) {
    lines.push('');
    for (const f of report.retries.written) for (const l of long(`wrote ${f}`, '  ')) lines.push(colors.dim(l));
  }
  if (report.notes.length) {
    lines.push('');
    for (const n of report.notes) for (const l of long(`note: ${n}`, '      ')) lines.push(colors.dim(l));
  }
  return `${lines.join('\n')}\n`;
}
