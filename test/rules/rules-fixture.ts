import Devvit from '../../src/main.js';
import { RULES_PAGE } from '../../src/config/rules-page.js';
import { createHarness, type Harness, type HarnessOptions } from '../harness/index.js';

/** A rules page exercising each action type the content triggers perform. */
export const CONTENT_RULES = `---
# new accounts: filter and tell the mods
type: submission
author:
    account_age: "< 3 days"
action: filter
action_reason: "New account"
modmail_subject: "New account post"
modmail: "A post by a new account was filtered."
---
# AI art: flair, sticky comment, mod note
type: submission
title (includes-word): ["midjourney"]
set_flair: ["AI-generated", "ai"]
comment: "Flaired as AI-generated."
comment_stickied: true
add_modnote:
    note: "Posted AI art"
    label: "SPAM_WATCH"
---
# giveaways: remove, lock, message the author, escalate
type: submission
title (includes-word): ["giveaway"]
action: remove
action_reason: "Giveaway"
set_locked: true
message_subject: "Your post was removed"
message: "Giveaways are not allowed here."
escalate:
    team: "Trust & Safety"
    reason: "giveaway"
---
# comments that say scam get reported; 'verified' ones get approved
type: comment
body (includes-word): ["scam"]
action: report
action_reason: "possible scam accusation"
---
type: comment
body (includes-word): ["verified"]
action: approve
---
# edited posts that add a link to a known scam domain are spam
type: submission
is_edited: true
body (includes): ["scam.example"]
action: spam
---
# reported three times
type: submission
reports: 3
action: filter
action_reason: "3 reports"
`;

/** Installs CONTENT_RULES as the rules page and puts it in force through the real trigger. */
export async function installRules(h: Harness, text = CONTENT_RULES, editor = 'mod_alice'): Promise<void> {
  h.reddit.editWikiPage(RULES_PAGE, text, editor);
  await h.trigger('ModAction', h.events.modAction('wikirevise', editor));
  h.calls.reset();
}

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
