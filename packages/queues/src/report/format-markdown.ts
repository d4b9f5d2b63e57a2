import { escapeMarkdown } from '@creator-desk/core';
import type { Report } from './report-model.js';
import { headline, reportSections, shortTime, type Cell } from './sections.js';

// Ids go in code spans (inert in every markdown flavour); a backtick inside would end the span early.
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

function mdCell(c: Cell): string {
  if (c.kind === 'id') return code(c.text);
  // User-supplied text (titles, artists, notes, errors) is escaped so it cannot ping, link or break the table.
  if (c.kind === 'user') return escapeMarkdown(c.text, { singleLine: true, maxLength: 200 });
  const text = c.text.replace(/\|/g, '\\|');
  return c.tone === 'red' || c.tone === 'bold' ? `**${text}**` : text;
}

/** The report as Markdown to paste into chat or a mod discussion (tables, user text escaped). */
export function reportToMarkdown(report: Report, opts: { limit: number }): string {
  const out: string[] = [];
  out.push(`## creator-desk report — ${shortTime(report.now)}`);
  out.push('');
  out.push(`**${headline(report)}**`);
  for (const s of reportSections(report, opts.limit)) {
    out.push('');
    out.push(`### ${s.title} (${s.total})`);
    out.push('');
    if (s.total === 0) {
      out.push(`_${s.emptyText}_`);
      continue;
    }
    out.push(`| ${s.columns.join(' | ')} |`);
    out.push(`|${s.columns.map(() => ' --- ').join('|')}|`);
    for (const row of s.rows) out.push(`| ${row.map(mdCell).join(' | ')} |`);
    if (s.omitted > 0) out.push('', `_… and ${s.omitted} more._`);
  }
  if (report.notes.length) {
    out.push('');
    for (const n of report.notes) out.push(`- ${escapeMarkdown(n)}`);
  }
  return `${out.join('\n')}\n`;
}
