import { parseRosterPage, rosterDiagnostics } from '@creator-desk/core';
import { scheduleNextDue, setDue } from '../platform/due/due-schedule.js';
import { configPageKeys, type ConfigPage } from '../platform/wiki-config/config-page.js';
import { ROSTER_DUE } from './keys.js';

/** The roster's wiki page. */
export const ROSTER_PAGE = 'creator-desk/roster';

/** Written on install: comments only, so nothing is onboarded until a moderator adds names. */
export const SEED_ROSTER = `# creator-desk artist roster — one artist a line. Saving this page onboards every new name:
# user flair, approved user, a welcome message as the subreddit, and an entry the rules read as
# "author: is_artist". Lines that cannot be onboarded (not a Reddit username, no such account,
# listed twice) are reported to the mod inbox in one message with their line numbers; the other
# lines are still onboarded.
#
# Either just the name, or name,shop name,date accepted (YYYY-MM-DD):
#   artist_ann
#   bob_builds,Bob Builds,2026-02-01
# Lines starting with # are comments. A shop name cannot contain a comma.
username,shop_name,onboarded_at
`;

/** The keys of the roster page's state (`cd:roster:active`, `cd:roster:validation`, …). */
export const ROSTER_CONFIG_KEYS = configPageKeys('roster');

/**
 * The roster's wiki config page: bad lines are warnings (the page is applied, they are skipped
 * and reported by the sync); only a page too long to read is refused. An accepted revision is
 * synced at once through the next-due job.
 */
export const rosterConfigPage: ConfigPage = {
  page: ROSTER_PAGE,
  noun: 'artists',
  noneInForce: 'no artist roster is in force',
  keys: ROSTER_CONFIG_KEYS,
  seed: SEED_ROSTER,
  validate(source) {
    const parsed = parseRosterPage(source);
    return Promise.resolve({ diagnostics: rosterDiagnostics(parsed), entries: parsed.artists.length });
  },
  async afterChange(context) {
    await setDue(context.redis, ROSTER_DUE, new Date());
    await scheduleNextDue(context.redis, context.scheduler);
  },
};
