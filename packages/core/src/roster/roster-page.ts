import type { Diagnostic } from '../rules/schema.js';
import { checkUsername, shopNameProblem } from './username.js';

/** One artist line of the roster page. */
export interface RosterLine {
  /** 1-based line number on the page. */
  line: number;
  username: string;
  shopName?: string;
  /** When the artist was accepted (ISO date or instant as written); else the sync's time is used. */
  onboardedAt?: string;
}

/** A line of the roster page that names no artist the sync can onboard, with why. */
export interface RosterProblem {
  line: number;
  column: number;
  /** The line as written (cut to 100 characters). */
  text: string;
  message: string;
  /** The username the line names, when it names one (e.g. a duplicate). */
  username?: string;
}

/** The roster page, read line by line. */
export interface ParsedRoster {
  artists: RosterLine[];
  /** Bad lines: skipped, the other lines still count. */
  problems: RosterProblem[];
  /** Problems with the page as a whole: the page is not applied. */
  errors: Diagnostic[];
}

/** A page longer than this is refused as a whole (Reddit's wiki pages hold up to 512 KB). */
export const ROSTER_MAX_LINES = 20_000;

const HEADER = /^username\s*(,\s*shop_name\s*(,\s*onboarded_at\s*)?)?$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A roster line's date, if it is a real date between 2005 (Reddit's founding) and 2100. */
function checkDate(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 2005 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return undefined;
  return Number.isNaN(Date.parse(text.includes('T') || text.includes(' ') ? text.replace(' ', 'T') : `${text}T00:00:00Z`)) ? undefined : text;
}

/** The text of a line without its comment: `#` at the start, or after a space. */
function withoutComment(raw: string): { text: string; indent: number } {
  const hash = raw.search(/(^|\s)#/);
  const body = hash === -1 ? raw : raw.slice(0, hash);
  const indent = body.length - body.trimStart().length;
  return { text: body.trim(), indent };
}

/**
 * Reads the roster page: one artist a line, `username` or `username,shop_name,onboarded_at` (the
 * header line `username,shop_name,onboarded_at` is allowed), `#` comments and blank lines ignored.
 * Names compare case-insensitively; a name listed again is a problem naming the first line. Each
 * bad line is a problem with its line number; the others still count.
 */
export function parseRosterPage(source: string): ParsedRoster {
  const lines = source.split(/\r?\n/);
  if (lines.length > ROSTER_MAX_LINES) {
    return {
      artists: [],
      problems: [],
      errors: [{ line: ROSTER_MAX_LINES + 1, column: 1, severity: 'error', message: `the roster page has ${lines.length} lines; at most ${ROSTER_MAX_LINES} are read` }],
    };
  }
  const artists: RosterLine[] = [];
  const problems: RosterProblem[] = [];
  const firstLine = new Map<string, number>();
  lines.forEach((raw, i) => {
    const line = i + 1;
    const { text, indent } = withoutComment(raw);
    if (text === '' || HEADER.test(text)) return;
    const problem = (message: string, username?: string): void => {
      problems.push({ line, column: indent + 1, text: raw.trim().slice(0, 100), message, ...(username ? { username } : {}) });
    };
    const fields = text.split(',').map((f) => f.trim());
    if (fields.length > 3) return problem(`expected "username" or "username,shop_name,onboarded_at", found ${fields.length} comma-separated fields (a shop name cannot contain a comma)`);
    const [nameField = '', shopField = '', dateField = ''] = fields;
    const name = checkUsername(nameField);
    if (!name.ok) return problem(name.message);
    const key = name.username.toLowerCase();
    const seen = firstLine.get(key);
    if (seen !== undefined) return problem(`${name.username} is already listed on line ${seen}`, name.username);
    const shopProblem = shopNameProblem(shopField);
    if (shopProblem) return problem(shopProblem, name.username);
    let onboardedAt: string | undefined;
    if (dateField !== '') {
      onboardedAt = checkDate(dateField);
      if (!onboardedAt) return problem(`"${dateField.slice(0, 30)}" is not a date (expected YYYY-MM-DD between 2005 and 2100)`, name.username);
    }
    firstLine.set(key, line);
    artists.push({ line, username: name.username, ...(shopField ? { shopName: shopField } : {}), ...(onboardedAt ? { onboardedAt } : {}) });
  });
  return { artists, problems, errors: [] };
}

/** Each bad line as a warning diagnostic (the page is still applied; the sync reports them once). */
export function rosterDiagnostics(parsed: ParsedRoster): Diagnostic[] {
  return [...parsed.errors, ...parsed.problems.map((p): Diagnostic => ({ line: p.line, column: p.column, severity: 'warning', message: p.message }))];
}
