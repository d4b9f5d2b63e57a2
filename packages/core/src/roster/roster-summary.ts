import { escapeMarkdown } from '../templates/escape-markdown.js';

/** A roster line the sync did not onboard, and why. */
export interface RosterLineProblem {
  line: number;
  /** The line as written, when known. */
  text?: string;
  message: string;
}

/** What one sync of the roster page did, for its mod-inbox summary. */
export interface RosterSyncReport {
  page: string;
  revisionId: string;
  editor?: string;
  /** New names on the page that are now artists. */
  onboarded: number;
  problems: readonly RosterLineProblem[];
  /** Names deleted from the page that were offboarded, and those left as artists by the settings. */
  offboarded: readonly string[];
  keptRemoved: readonly string[];
}

const esc = (s: string): string => escapeMarkdown(s, { maxLength: 100 });
// Inside a code span nothing is markup (no pings, links or formatting); only a backtick could end it.
const code = (s: string): string => `\`${s.slice(0, 100).replace(/[`\r\n]/g, "'")}\``;

/**
 * The one mod-inbox summary of a roster sync: every bad line by line number with the line as
 * written and why (escaped: a line cannot ping, link or format), then the deletions.
 */
export function formatRosterSummary(r: RosterSyncReport): string {
  const who = r.editor ? ` by u/${esc(r.editor)}` : '';
  const lines = [
    `The artist roster **${r.page}** (revision ${code(r.revisionId)}${who}) was synced: ${r.onboarded} new artist(s) onboarded.`,
  ];
  if (r.problems.length > 0) {
    lines.push('', `${r.problems.length} line(s) were not onboarded; the other lines were. Fix them on the page and save it again:`, '');
    for (const p of [...r.problems].sort((a, b) => a.line - b.line)) {
      lines.push(`- line ${p.line}${p.text ? `: ${code(p.text)}` : ''} — ${esc(p.message)}`);
    }
  }
  if (r.offboarded.length > 0) lines.push('', `Deleted from the page and offboarded: ${r.offboarded.map((n) => `u/${esc(n)}`).join(', ')}.`);
  if (r.keptRemoved.length > 0) {
    lines.push('', `Deleted from the page but still artists (the setting "Deleting a name from the roster page offboards the artist" is off): ${r.keptRemoved.map((n) => `u/${esc(n)}`).join(', ')}.`);
  }
  return lines.join('\n');
}

/** The summary's subject (stable for a revision, so a retried delivery finds the one it sent). */
export function rosterSummarySubject(r: Pick<RosterSyncReport, 'problems' | 'revisionId'>): string {
  return `Artist roster synced: ${r.problems.length} line(s) not onboarded (revision ${r.revisionId.slice(0, 40)})`;
}
