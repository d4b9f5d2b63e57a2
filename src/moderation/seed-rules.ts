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
#    Nothing fills the artist roster yet (it comes with artist onboarding), so until a roster has
#    been synced every author counts as a non-artist: this rule only reports, never removes. Once
#    the roster is synced, change "action: report" to "action: remove" and uncomment the comment.
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
`;
