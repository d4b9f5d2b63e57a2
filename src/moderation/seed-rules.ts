/**
 * The commented example written to the rules page on install. It must parse without errors:
 * test/moderation/seed-rules.test.ts checks it against the core parser.
 */
export const SEED_RULES = `# creator-desk content rules for this subreddit.
#
# The syntax is AutoModerator's (https://www.reddit.com/wiki/automoderator/full-documentation),
# with a few extras: author checks is_artist, artist_since_days and strikes, and the actions
# escalate, add_modnote and strike (a proposal a moderator confirms).
#
# Only moderators can see and edit this page. Every saved edit is checked: if it has errors, the
# mod inbox gets one message listing them as line:column, and the previous good version stays in
# force. Delete a rule by deleting its section; a section starts with a line of three dashes.
---
# 1. Reports of unoriginal work: two reports put a post in front of moderators.
type: submission
reports: 2
action: filter
action_reason: "Reported twice or more: possible unoriginal work"
modmail_subject: "Reported post: possible unoriginal work"
modmail: |
    The post {{permalink}} by u/{{author}} was reported at least twice and was filtered for review.
---
# 2. AI-generated art must carry the AI-generated flair.
type: submission
title+body (includes-word): ["AI-generated", "AI generated", "midjourney", "stable diffusion", "dall-e"]
set_flair: ["AI-generated", "ai"]
overwrite_flair: true
comment: |
    This post mentions AI tools, so it has been flaired **AI-generated**, as the rules require.
comment_stickied: true
---
# 3. New accounts: posts from accounts younger than 3 days or under 10 karma wait for review.
type: submission
author:
    account_age: "< 3 days"
    combined_karma: "< 10"
    satisfy_any_threshold: true
action: filter
action_reason: "New account"
---
# 4. Artist-only post flairs: showcases and drop announcements are for rostered artists.
#    The roster is filled by artist onboarding (the mod menu, and the wiki page creator-desk/roster).
#    Until a roster has been synced every author counts as a non-artist, so this rule only reports,
#    never removes. Once the "status" menu item says the artist roster was synced, change
#    "action: report" to "action: remove" and uncomment the comment.
type: submission
flair_text (full-exact): ["Artist Showcase", "Drop Announcement"]
author:
    is_artist: false
    is_moderator: false
action: report
action_reason: "Artist-only flair, author not on the artist roster"
# comment: |
#     Only artists in the creator program can use this flair.
#     Please repost with another flair, or message the moderators to join the program.
---
# Modmail triage (type: modmail): each new message in a user's conversation is checked against
# these rules. One category per message: of the matching rules that set a "category", only the
# highest priority applies (its reply, notes and other actions); rules without "category" all apply.
# reply: "macro: NAME" sends a macro from the wiki page creator-desk/macros (placeholders, help
# links, sign-off). Extra modmail fields: is_first_message, conversation_type, open_takedowns.
# 5. Ban appeals first: an appeal mentions every other topic too.
type: modmail
priority: 90
is_first_message: true
subject+body (regex): ['appeal(ing|ed)?', 'unban(ned)?', '(was|been|got|am|i''m) (perma)?banned', 'lift (the|my) ban']
category: ban-appeal
reply: "macro: ban-appeal-received"
private_note: "Ban appeal: it should be reviewed by a moderator who did not issue the ban."
---
# 6. Copyright takedowns: a moderator answers (legal deadlines), so no macro.
type: modmail
priority: 80
is_first_message: true
subject+body (regex): ['dmca', 'take ?down', 'copyright(ed)?', 'counter[- ]?notice', 'infring(e|es|ed|ing|ement)', 'stole my art']
category: takedown
highlight: true
private_note: "Takedown question: check the user's cases in the summary; the restore window is 10–14 business days after a counter-notice."
---
# 7. Onboarding — Persona identity checks flagged as false positives.
type: modmail
priority: 70
is_first_message: true
subject+body (regex): ['persona', 'identity (check|verification)', 'verify(ing)? my identity', 'id (check|verification)', 'selfie']
category: onboarding-identity
reply: "macro: persona-false-positive"
---
# 8. Onboarding — Stripe payout account setup and resets.
type: modmail
priority: 70
is_first_message: true
subject+body (regex): ['stripe', 'payout account', 'bank (account|details)', 'tax (form|info)', 'w-?8ben', 'w-?9']
category: onboarding-payments
reply: "macro: stripe-reset"
---
# 9. Upload errors in the staging pipeline.
type: modmail
priority: 60
is_first_message: true
subject+body (regex): ['upload(ing)? (error|failed|fails|stuck)', "(can't|cannot|couldn't|unable to) upload", 'upload(s)? (keeps?|kept) failing', 'staging', 'file (was |got )?rejected']
category: upload-error
reply: "macro: upload-error"
---
# 10. Payouts (after Stripe setup, which names payouts too).
type: modmail
priority: 60
is_first_message: true
subject+body (regex): ['payouts?', "(haven't|have not|wasn't|not) (been )?paid", 'payments?', 'earnings', 'royalt(y|ies)']
category: payout
reply: "macro: payout-timing"
---
# 11. Brand collaborations go to the Brand team.
type: modmail
priority: 50
is_first_message: true
subject+body (regex): ['brand (deal|collab[a-z]*|partnership)', 'collab(oration)?s?', 'partnerships?', 'sponsor(ship|ed)?', 'marketing agency']
category: brand-inquiry
reply: "macro: brand-inquiry"
escalate:
    team: Brand
    reason: "Brand inquiry via modmail"
---
# 12. Events: contests, drops, AMAs.
type: modmail
priority: 40
is_first_message: true
subject+body (regex): ['events?', 'contests?', 'giveaways?', 'drop (date|day|time)', 'ama', 'prizes?']
category: event-question
reply: "macro: event-question"
---
# 13. Everything else: recorded as "other" for the digest; a moderator answers.
type: modmail
priority: -100
is_first_message: true
category: other
private_note: "No category matched; a moderator answers. The message: {{body}}"
`;
