import { RULES_PAGE } from '../../src/platform/rules/rules-page.js';
// harness.js, not index.js: bench scripts import this file outside vitest.
import type { Harness } from '../harness/harness.js';

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
