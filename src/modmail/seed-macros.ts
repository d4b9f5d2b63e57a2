/**
 * The macros page written on install: one reply per seeded modmail category that can be answered
 * without a moderator, each with the help articles an artist needs.
 */
export const SEED_MACROS = `# creator-desk reply macros. A modmail rule replies with one by naming it:
#   reply: "macro: persona-false-positive"
# Placeholders: {{author}} {{subject}} {{subreddit}} {{category}} {{permalink}} (user values are escaped).
# Links must be https. Saved revisions with errors are refused; the last good macros stay in force.
sign_off: |
  — the r/{{subreddit}} mod team (this reply was sent automatically; a moderator will follow up if needed)
links_heading: "Help articles:"
macros:
  persona-false-positive:
    body: |
      Hi u/{{author}},

      thanks for writing in about your identity check. Persona sometimes flags a check by mistake
      (a blurry photo, glare on the ID, a name that differs from your payout account). You can retry
      the check once from the creator dashboard; if it is refused again, reply here with the date of
      both attempts and we will ask the program team to review it by hand. Never send your ID here.
    links:
      - title: Verifying your identity with Persona
        url: https://support.reddithelp.com/hc/en-us/articles/creator-identity-verification
  stripe-reset:
    body: |
      Hi u/{{author}},

      Stripe payout accounts can be reset only by the program team. Please reply with the email
      address your Stripe account uses (not your bank details) and whether you see "restricted" or
      "pending verification" on the Stripe dashboard.
    links:
      - title: Setting up payouts with Stripe
        url: https://support.reddithelp.com/hc/en-us/articles/creator-payouts-stripe
  upload-error:
    body: |
      Hi u/{{author}},

      most upload errors come from the file itself: layers must be PNG, 552×552 px, under 10 MB, with
      no hidden layers. Please check the file against the guide and try again; if the error stays,
      reply with the exact error text and the time you uploaded, and we will ask for a retry.
    links:
      - title: Preparing avatar art for upload
        url: https://support.reddithelp.com/hc/en-us/articles/creator-upload-requirements
  payout-timing:
    body: |
      Hi u/{{author}},

      payouts are sent monthly, about 30 days after the end of the month the sales happened in, once
      your balance is above the minimum. If a payout is late by more than a week, reply with the month
      it was for and we will check with the program team.
    links:
      - title: When payouts arrive
        url: https://support.reddithelp.com/hc/en-us/articles/creator-payout-schedule
  ban-appeal-received:
    body: |
      Hi u/{{author}},

      we received your appeal. A moderator who did not take the original action will review it, usually
      within two business days. Please keep replies in this conversation.
  brand-inquiry:
    body: |
      Hi u/{{author}},

      thanks for your interest! Brand collaborations go through the program team, not the subreddit's
      moderators. Please use the partnership form; we have passed your message on as well.
    links:
      - title: Brand partnerships
        url: https://support.reddithelp.com/hc/en-us/articles/creator-brand-partnerships
  event-question:
    body: |
      Hi u/{{author}},

      event dates, rules and prizes are in the pinned event post and the events wiki. A moderator will
      answer anything they do not cover.
    links:
      - title: Community events
        url: https://www.reddit.com/r/CollectibleCreators/wiki/events
`;
