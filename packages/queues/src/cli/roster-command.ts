/**
 * `creator-desk roster EXPORT.csv [--current PAGE] [--since DATE]`: turns the review tool's export
 * of submissions into the lines to paste into the app's wiki page `creator-desk/roster` — every
 * artist with an accepted (approved) submission, once, with the date of their first acceptance,
 * leaving out the names the current page already lists.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse as parseCsv } from 'csv-parse/sync';
import { checkUsername, parseRosterPage } from '@creator-desk/core';

/** Where the roster command reads and writes; tests pass their own. */
export interface RosterIo {
  out: (text: string) => void;
  err: (text: string) => void;
  readFile: (path: string) => string;
  exit: (code: number) => void;
}

/** One new roster line and the export row it came from. */
export interface AcceptedArtist {
  username: string;
  shopName?: string;
  /** YYYY-MM-DD of the artist's first accepted submission. */
  acceptedOn: string;
  line: number;
}

/** What the export held: new artists in order of acceptance, names already on the page, and bad rows. */
export interface RosterFromExport {
  artists: AcceptedArtist[];
  alreadyListed: number;
  problems: string[];
}

const ACCEPTED = 'approved';
const REQUIRED = ['artist', 'status'] as const;

/** The instant a row's submission was accepted: its last `approved@…` history entry, else when it was submitted. */
function acceptedAt(row: Record<string, string>): string | undefined {
  const approvals = (row.status_history ?? '').split(';').map((e) => e.trim()).filter((e) => e.startsWith(`${ACCEPTED}@`));
  const at = approvals.at(-1)?.slice(ACCEPTED.length + 1) ?? row.submitted_at ?? '';
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * The roster lines for the accepted artists of a review export (CSV with `artist`, `status`, and
 * `status_history` or `submitted_at`; an optional `shop_name` column is carried over). `current`
 * is the roster page's text: names it lists are left out. `since` (YYYY-MM-DD) keeps only artists
 * first accepted on or after it. Bad rows are named `FILE:LINE: …` in `problems`, never dropped silently.
 */
export function rosterFromExport(csv: string, file: string, opts: { current?: string; since?: string } = {}): RosterFromExport {
  const problems: string[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(csv, { columns: true, skip_empty_lines: true, trim: true, info: true, bom: true }) as typeof records;
  } catch (e) {
    return { artists: [], alreadyListed: 0, problems: [`${file}: error: not a readable CSV (${e instanceof Error ? e.message : String(e)})`] };
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (records.length > 0 && missing.length > 0) return { artists: [], alreadyListed: 0, problems: [`${file}:1: error: missing column(s) ${missing.join(', ')} (expected the review tool's submissions export)`] };
  const listed = new Set(parseRosterPage(opts.current ?? '').artists.map((a) => a.username.toLowerCase()));
  const first = new Map<string, AcceptedArtist>();
  let alreadyListed = 0;
  for (const { record, info } of records) {
    if (record.status !== ACCEPTED) continue;
    const line = info.lines;
    const name = checkUsername(record.artist ?? '');
    if (!name.ok) {
      problems.push(`${file}:${line}: error: artist ${name.message}`);
      continue;
    }
    const at = acceptedAt(record);
    if (!at) {
      problems.push(`${file}:${line}: error: no acceptance date (status_history has no approved@… and submitted_at is not a date)`);
      continue;
    }
    const key = name.username.toLowerCase();
    const seen = first.get(key);
    const acceptedOn = at.slice(0, 10);
    if (seen && seen.acceptedOn <= acceptedOn) continue;
    const shop = (record.shop_name ?? '').replace(/,/g, ' ').trim();
    first.set(key, { username: name.username, ...(shop ? { shopName: shop.slice(0, 40) } : {}), acceptedOn, line });
  }
  const artists: AcceptedArtist[] = [];
  for (const [key, a] of first) {
    if (opts.since && a.acceptedOn < opts.since) continue;
    if (listed.has(key)) {
      alreadyListed += 1;
      continue;
    }
    artists.push(a);
  }
  artists.sort((a, b) => a.acceptedOn.localeCompare(b.acceptedOn) || a.username.localeCompare(b.username));
  return { artists, alreadyListed, problems };
}

/** The lines to paste: `username,shop_name,onboarded_at` per artist, under a comment saying where they came from. */
export function formatRosterLines(r: RosterFromExport, file: string): string {
  const head = `# ${r.artists.length} accepted artist(s) from ${file}${r.alreadyListed > 0 ? ` (${r.alreadyListed} already on the page left out)` : ''}`;
  return [head, ...r.artists.map((a) => `${a.username},${a.shopName ?? ''},${a.acceptedOn}`)].join('\n') + '\n';
}

/** Node's console and file system. */
export function nodeRosterIo(exit: (code: number) => void): RosterIo {
  return { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), readFile: (p) => readFileSync(p, 'utf8'), exit };
}

/** Registers `creator-desk roster`. Exit 0; 1 when rows had errors (the good lines are still printed); 2 on usage errors. */
export function registerRosterCommand(program: Command, io: RosterIo): void {
  program
    .command('roster')
    .description("turn the review tool's export into the new lines of the app's roster page (creator-desk/roster)")
    .argument('<export>', 'review submissions export (CSV with artist, status, status_history)')
    .option('--current <file>', 'the roster page as it is now: names it lists are left out')
    .option('--since <date>', 'only artists first accepted on or after this date (YYYY-MM-DD)')
    .action((exportFile: string, opts: { current?: string; since?: string }) => {
      if (opts.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.since)) {
        io.err(`creator-desk roster: --since expects YYYY-MM-DD, got "${opts.since}"\n`);
        return io.exit(2);
      }
      let csv: string;
      let current: string | undefined;
      try {
        csv = io.readFile(exportFile);
        current = opts.current === undefined ? undefined : io.readFile(opts.current);
      } catch (e) {
        io.err(`creator-desk roster: cannot read ${e instanceof Error ? e.message : String(e)}\n`);
        return io.exit(1);
      }
      const r = rosterFromExport(csv, exportFile, { ...(current !== undefined ? { current } : {}), ...(opts.since ? { since: opts.since } : {}) });
      for (const p of r.problems) io.err(`${p}\n`);
      io.out(formatRosterLines(r, exportFile));
      io.exit(r.problems.length > 0 ? 1 : 0);
    });
}
