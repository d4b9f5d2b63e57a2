import Devvit from '../../src/main.js';
import { EVENTS_PAGE } from '../../src/events/events-keys.js';
import { createHarness, type Harness } from '../harness/index.js';

/** A weekly Tuesday 18:00 New York drop, announced 2 h before with a 1 h reminder, rotated weekly. */
export const WEEKLY_PAGE = `events:
  - id: weekly-drop
    title: "Weekly drop — {{date MMMM d}}"
    body: "Drops open at {{time}} {{zone}}."
    time_zone: America/New_York
    start: 2026-03-03 18:00
    rrule: FREQ=WEEKLY;BYDAY=TU
    announce: 2h
    reminders: [1h]
    flair: "Drop {{date MMM d}}"
    sticky: 1
    distinguish: true
    rotate: {unsticky: true, lock: true, end_note: "This drop has ended."}
`;

/** A harness at Monday 2026-03-02 10:00 UTC with the app installed and `page` saved by mod_alice. */
export async function eventsHarness(page = WEEKLY_PAGE): Promise<Harness> {
  const h = createHarness(Devvit, { start: new Date('2026-03-02T10:00:00Z') });
  h.reddit.addModerator('mod_alice');
  await h.trigger('AppInstall', h.events.appInstall());
  h.reddit.editWikiPage(EVENTS_PAGE, page, 'mod_alice');
  await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'));
  return h;
}

/**
 * Moves the virtual clock to `until`, stopping at every scheduled job's time and delivering it
 * `times` times (as Devvit may). Returns the most jobs ever live at once.
 */
export async function runUntil(h: Harness, until: string, times = 1): Promise<number> {
  const end = Date.parse(until);
  let maxLive = h.scheduler.jobs.size;
  for (let guard = 0; guard < 10_000; guard++) {
    const next = Math.min(...[...h.scheduler.jobs.values()].map((j) => j.nextRunAt));
    if (!Number.isFinite(next) || next > end) break;
    if (next > h.clock.now()) h.clock.set(next);
    for (const job of h.scheduler.due()) {
      h.scheduler.completed(job);
      await h.runJob(job.name, job.data, times);
      maxLive = Math.max(maxLive, h.scheduler.jobs.size);
    }
  }
  h.clock.set(Math.max(h.clock.now(), end));
  return maxLive;
}

/** The app's posts, oldest first. */
export const appPosts = (h: Harness) => [...h.reddit.posts.values()].filter((p) => p.authorName === h.reddit.appName).sort((a, b) => a.createdUtc - b.createdUtc);
/** The app's comments on a post, oldest first. */
export const appComments = (h: Harness, postId: string) =>
  [...h.reddit.comments.values()].filter((c) => c.postId === postId && c.authorName === h.reddit.appName).sort((a, b) => a.createdUtc - b.createdUtc);
export const isoOf = (seconds: number) => new Date(seconds * 1000).toISOString();
