import pc from 'picocolors';
import type { Report } from './report-model.js';
import { headline, reportSections, shortTime, type Cell } from './sections.js';

type Colors = ReturnType<typeof pc.createColors>;

// Terminal cells are single-line and bounded so one long error message cannot wreck the layout.
const MAX_CELL = 60;

function cellText(c: Cell): string {
  // eslint-disable-next-line no-control-regex -- strip terminal escapes from user text so it cannot recolour or move the cursor
  const clean = c.text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return !c.full && clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL - 1)}…` : clean;
}

function paint(colors: Colors, c: Cell, text: string): string {
  // Every tone is named after the picocolors function that draws it.
  return c.tone ? colors[c.tone](text) : text;
}

/** The report as an aligned terminal table; colour only when `color` is true. */
export function reportToTable(report: Report, opts: { color: boolean; limit: number }): string {
  const colors = pc.createColors(opts.color);
  const lines: string[] = [];
  lines.push(colors.bold(`creator-desk report — ${report.dir} — now ${shortTime(report.now)}`));
  lines.push(headline(report));
  for (const input of report.inputs) lines.push(colors.dim(`  read ${input.file}: ${input.records} ${input.kind}`));
  for (const s of reportSections(report, opts.limit)) {
    lines.push('');
    lines.push(colors.bold(colors.cyan(`${s.title.toUpperCase()} (${s.total})`)));
    if (s.total === 0) {
      lines.push(colors.dim(`  ${s.emptyText}`));
      continue;
    }
    const texts = s.rows.map((r) => r.map(cellText));
    const widths = s.columns.map((h, i) => Math.max(h.length, ...texts.map((r) => (r[i] ?? '').length)));
    lines.push(`  ${s.columns.map((h, i) => colors.dim(h.padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd());
    s.rows.forEach((row, r) => {
      const cells = row.map((c, i) => {
        const t = (texts[r]?.[i] ?? '').padEnd(widths[i] ?? 0);
        return paint(colors, c, t);
      });
      lines.push(`  ${cells.join('  ')}`.trimEnd());
    });
    if (s.omitted > 0) lines.push(colors.dim(`  … and ${s.omitted} more (--limit, or --format json for everything)`));
  }
  if (report.retries.written.length) {
    lines.push('');
    for (const f of report.retries.written) lines.push(colors.dim(`wrote ${f}`));
  }
  if (report.notes.length) {
    lines.push('');
    for (const n of report.notes) lines.push(colors.dim(`note: ${n}`));
  }
  return `${lines.join('\n')}\n`;
}
