import type { RosterLine } from './roster-page.js';

/** What the app has stored about one rostered user. */
export interface StoredRosterEntry {
  username: string;
  /** How the artist was onboarded: `roster` (the wiki page) or `menu` (a moderator's menu action). */
  source: 'roster' | 'menu';
  /** False once offboarded. */
  active: boolean;
}

/** What a sync must do to make the stored roster follow the page. */
export interface RosterDiff {
  /** Page lines naming no active artist, in page order. */
  added: RosterLine[];
  /** Active artists the page onboarded whose line is gone, by name. */
  removed: string[];
}

/**
 * Compares the page's artists with the stored roster (names case-insensitively). Only artists the
 * page itself onboarded can be removed by deleting their line: one onboarded from the menu was
 * never on the page. An artist offboarded while their line stayed is onboarded again only when the
 * line is new since `previousPage` (the names of the last synced revision), not by any later edit.
 */
export function diffRoster(page: readonly RosterLine[], stored: readonly StoredRosterEntry[], previousPage: readonly string[] = []): RosterDiff {
  const active = new Map(stored.filter((e) => e.active).map((e) => [e.username.toLowerCase(), e]));
  const offboarded = new Set(stored.filter((e) => !e.active).map((e) => e.username.toLowerCase()));
  const before = new Set(previousPage.map((n) => n.toLowerCase()));
  const onPage = new Set(page.map((l) => l.username.toLowerCase()));
  return {
    added: page.filter((l) => {
      const key = l.username.toLowerCase();
      return !active.has(key) && !(offboarded.has(key) && before.has(key));
    }),
    removed: [...active.values()].filter((e) => e.source === 'roster' && !onPage.has(e.username.toLowerCase())).map((e) => e.username),
  };
}

/** Reddit's limit on user flairs set by one `setUserFlairBatch` call. */
export const FLAIR_BATCH_SIZE = 100;

/** Splits `items` into batches of at most `size` (default: one flair batch), in order. */
export function planBatches<T>(items: readonly T[], size: number = FLAIR_BATCH_SIZE): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a whole number ≥ 1, got ${size}`);
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
