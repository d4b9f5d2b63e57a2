import type { Report } from './report-model.js';
import { headline, reportSections, shortTime } from './sections.js';
import type { Cell } from './section.js';

// Ids go in code spans (inert in every markdown flavour); a backtick inside would end the span early.
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

// What can ping or link in chat and on Reddit: URLs, bare domains, u/ and r/ names, @mentions, <…> tags.
const ACTIVE = /(?:https?:\/\/|www\.)\S+|\/?\b[ur]\/[\w-]+|@\w+|<[^>\s]*>|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|gg|co|app|dev|xyz)\b\S*/gi;
// Characters that start markdown syntax inside a line; `:` and `-` mid-line start nothing and stay bare.
const SYNTAX = /[\\`*_~[\]()|<>#]/g;

/**
 * User-supplied text (titles, artists, notes, errors) made inert for a table cell: whatever could ping or
 * link goes in a code span, markdown's syntax characters are backslash-escaped, nothing else is touched
 * (no `\:` or `\-`, no invisible characters), and it stays on one line.
 */
export function inertText(text: string, maxLength = 200): string {
  // eslint-disable-next-line no-control-regex -- control characters and newlines would break the table row
  let t = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+/g, ' ').trim();
  if (t.length > maxLength) t = `${t.slice(0, maxLength - 1)}…`;
  let out = '';
  let last = 0;
  for (const m of t.matchAll(ACTIVE)) {
    out += t.slice(last, m.index).replace(SYNTAX, (ch) => `\\${ch}`);
    out += code(m[0]).replace(/\|/g, '\\|');
    last = (m.index ?? 0) + m[0].length;
  }
  return out + t.slice(last).replace(SYNTAX, (ch) => `\\${ch}`);
}

function mdCell(c: Cell): string {
  if (c.kind === 'id') return code(c.text);
  if (c.kind === 'user') return inertText(c.text);
  const text = c.text.replace(/\|/g, '\\|');
  return c.tone === 'red' || c.tone === 'bold' ? `**${text}**` : text;
}

/** The report as Markdown to paste into chat or a mod discussion (tables, user text escaped). */
export function reportToMarkdown(report: Report, opts: { limit: number }): string {
  const out: string[] = [];
  out.push(`## creator-desk report — ${shortTime(report.now, report.timeZone)} (times in ${report.timeZone})`);
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
    for (const n of report.notes) out.push(`- ${inertText(n, 1000)}`);
  }
  return `${out.join('\n')}\n`;
}
