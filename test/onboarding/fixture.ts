import Devvit from '../../src/main.js';
import { ROSTER_PAGE } from '../../src/onboarding/roster-config-page.js';
import { createHarness, redisView, type Harness, type HarnessOptions } from '../harness/index.js';

export const LABELS = {
  onboardAuthor: 'creator-desk: onboard author as artist',
  offboardAuthor: 'creator-desk: offboard author (artist)',
  onboard: 'creator-desk: onboard artist…',
  offboard: 'creator-desk: offboard artist…',
} as const;

/** A harness with a moderator (mod_alice), a would-be artist (artist_ann) and a non-moderator (regular_bob). */
export function onboardingHarness(opts: HarnessOptions = {}): Harness {
  const h = createHarness(Devvit, opts);
  h.reddit.addModerator('mod_alice', ['all']);
  h.reddit.addUser({ name: 'artist_ann', createdDaysAgo: 400 });
  h.reddit.addUser({ name: 'regular_bob', createdDaysAgo: 400 });
  return h;
}

/** Conversations with `user` (welcome messages and others). */
export const conversationsWith = (h: Harness, user: string) => [...h.reddit.conversations.values()].filter((c) => c.participant?.toLowerCase() === user.toLowerCase());

/** Writes the roster page as `editor` and delivers the wikirevise `times` times. */
export async function saveRoster(h: Harness, content: string, editor = 'mod_alice', times = 1): Promise<void> {
  h.reddit.editWikiPage(ROSTER_PAGE, content, editor);
  await h.trigger('ModAction', h.events.modAction('wikirevise', editor), times);
}

/** When the roster sync is due next (ms), if it is. */
export async function rosterDueAt(h: Harness): Promise<number | undefined> {
  const due = await redisView(h).zRange('cd:enf:due', 0, -1, { by: 'rank' });
  return due.find((d) => d.member === 'roster:sync')?.score;
}

/**
 * Delivers the due jobs, moving the clock `stepMs` each time, until the roster sync's next run is
 * the daily one (a run out of time continues seconds later; one with failures a minute later).
 * Returns how many jobs ran.
 */
export async function runSyncToEnd(h: Harness, opts: { maxSteps?: number; stepMs?: number } = {}): Promise<number> {
  let runs = (await h.runDueJobs()).length;
  for (let i = 0; i < (opts.maxSteps ?? 500); i++) {
    const at = await rosterDueAt(h);
    if (at === undefined || at - h.clock.now() > 3_600_000) return runs;
    runs += (await h.advance(opts.stepMs ?? 61_000)).length;
  }
  throw new Error('runSyncToEnd: the roster sync did not finish');
}
