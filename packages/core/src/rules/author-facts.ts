import { z } from 'zod';
import type { Author } from './item.js';

/** What is known about an author when rules are evaluated, as read from Reddit and the app's stores. */
export interface AuthorFactSources {
  name: string;
  /** Reddit's account facts (`createdUtc` in seconds); absent when not looked up: age and karma are unknown. */
  account?: { createdUtc?: number; commentKarma?: number; postKarma?: number };
  isModerator: boolean;
  isContributor: boolean;
  /** The artist roster's stored entry for the author (JSON with `since`); null or absent: not on the roster. */
  rosterEntry?: string | null;
  /** The stored count of active strikes; absent or unreadable counts as 0. */
  strikes?: string | number | null;
  flair?: { text?: string; cssClass?: string; templateId?: string };
}

const DAY_MS = 86_400_000;

/** A roster entry as the artist-onboarding feature stores it. */
const rosterEntrySchema = z.looseObject({ since: z.string() });

function artistSinceDays(entry: string, nowMs: number): number | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry);
  } catch {
    return undefined;
  }
  const r = rosterEntrySchema.safeParse(parsed);
  if (!r.success) return undefined;
  const since = Date.parse(r.data.since);
  return Number.isNaN(since) ? undefined : Math.floor((nowMs - since) / DAY_MS);
}

function strikeCount(v: AuthorFactSources['strikes']): number {
  const n = Number(v ?? 0);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/**
 * The rules' `author:` group from what the app read: account age in days at `nowMs`, karma and
 * combined karma when known, moderator and approved-user status, artist roster facts (listed with an
 * unreadable `since` still counts as an artist, with `artist_since` unknown) and active strikes.
 */
export function authorFacts(src: AuthorFactSources, nowMs: number): Author {
  const a = src.account;
  const commentKarma = a?.commentKarma;
  const postKarma = a?.postKarma;
  const listed = typeof src.rosterEntry === 'string' && src.rosterEntry !== '';
  return {
    name: src.name,
    account_age_days: a?.createdUtc === undefined ? undefined : (nowMs - a.createdUtc * 1000) / DAY_MS,
    comment_karma: commentKarma,
    post_karma: postKarma,
    combined_karma: commentKarma !== undefined && postKarma !== undefined ? commentKarma + postKarma : undefined,
    is_contributor: src.isContributor,
    is_moderator: src.isModerator,
    is_artist: listed,
    artist_since_days: listed ? artistSinceDays(src.rosterEntry as string, nowMs) : undefined,
    strikes: strikeCount(src.strikes),
    flair_text: src.flair?.text,
    flair_css_class: src.flair?.cssClass,
    flair_template_id: src.flair?.templateId,
  };
}
