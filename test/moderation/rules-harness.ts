import Devvit from '../../src/main.js';
import { createHarness, type Harness, type HarnessOptions } from '../harness/index.js';
import { CONTENT_RULES, installRules } from './rules-fixture.js';

/**
 * The content-rules test subreddit: moderator mod_alice, an established artist (artist_ann, 400
 * days) and a new account (newbie, 1 day), with CONTENT_RULES (or `text`) in force.
 */
export async function rulesHarness(opts: HarnessOptions = {}, text = CONTENT_RULES): Promise<Harness> {
  const h = createHarness(Devvit, opts);
  h.reddit.addModerator('mod_alice');
  h.reddit.addUser({ name: 'artist_ann', createdDaysAgo: 400 });
  h.reddit.addUser({ name: 'newbie', createdDaysAgo: 1 });
  await installRules(h, text);
  return h;
}
