import { z } from 'zod';
import { optionalFields } from './optional-fields.js';

/** A Reddit user as the rules see it (the `author:` and `crosspost_author:` sub-groups). */
export const authorSchema = z.looseObject({
  ...optionalFields(z.string(), 'id', 'name', 'flair_text', 'flair_css_class', 'flair_template_id'),
  ...optionalFields(z.number(), 'account_age_days', 'comment_karma', 'post_karma', 'combined_karma',
    'comment_subreddit_karma', 'post_subreddit_karma', 'combined_subreddit_karma'),
  /** Account creation time (seconds since epoch); used when `account_age_days` is absent. */
  created_utc: z.number().optional(),
  ...optionalFields(z.boolean(), 'is_contributor', 'is_moderator', 'is_gold', 'has_verified_email', 'is_submitter'),
  contributor_quality: z.enum(['highest', 'high', 'moderate', 'low', 'lowest']).optional(),
  // Facts AutoModerator lacks.
  is_artist: z.boolean().optional(),
  ...optionalFields(z.number(), 'artist_since_days', 'strikes'),
});
export type Author = z.infer<typeof authorSchema>;

export const subredditSchema = z.looseObject({
  name: z.string().optional(),
  is_nsfw: z.boolean().optional(),
});

const submissionFields = {
  ...optionalFields(z.string(), 'id', 'title', 'body', 'domain', 'url', 'permalink', 'subreddit', 'flair_text', 'flair_css_class',
    'flair_template_id', 'crosspost_id', 'crosspost_title', 'media_author', 'media_author_url', 'media_title', 'media_description'),
  /** text | link | crosspost | poll | gallery; inferred from the other fields when absent. */
  submission_type: z.enum(['text', 'link', 'crosspost', 'poll', 'gallery']).optional(),
  ...optionalFields(z.boolean(), 'is_edited', 'is_self', 'is_gallery', 'is_poll', 'is_original_content', 'is_meta_discussion',
    'past_archive_date'),
  discussion_type: z.string().nullable().optional(),
  poll_option_text: z.union([z.string(), z.array(z.string())]).optional(),
  ...optionalFields(z.number(), 'poll_option_count', 'reports'),
  author: authorSchema.optional(),
};

/** The submission a comment replies to (`parent_submission:`). */
export const parentSubmissionSchema = z.looseObject(submissionFields);

/**
 * Anything the rules can look at: a Reddit post or comment, a modmail conversation, or one of the
 * coordinator's queue items (review, staging, ticket, takedown …), which add their own fields.
 */
export const itemSchema = z.looseObject({
  ...submissionFields,
  id: z.string(),
  type: z.string(),
  is_top_level: z.boolean().optional(),
  created_utc: z.number().optional(),
  created_at: z.string().optional(),
  parent_submission: parentSubmissionSchema.optional(),
  crosspost_author: authorSchema.optional(),
  crosspost_subreddit: subredditSchema.optional(),
  subreddit_info: subredditSchema.optional(),
  /**
   * The post's or comment's moderation state when it was read (not a rule field): `explain` and
   * `backtest` use it to name a moderator's veto ("approved by u/…"), as the app's triggers do.
   */
  moderation: z
    .object({ is_removed: z.boolean(), is_approved: z.boolean(), removed_by: z.string().optional(), approved_by: z.string().optional() })
    .optional(),
});
export type Item = z.infer<typeof itemSchema>;

/** Context the item itself does not carry. */
export const factsSchema = z.object({
  /** The evaluation time (ms since epoch, Date or ISO string); defaults to the item's creation time. */
  now: z.union([z.number(), z.date(), z.string()]).optional(),
  subreddit: z.string().optional(),
  /**
   * IANA time zone of `day_of_week` / `time_of_day` in rules that name no `time_zone` (the
   * installation's time zone); UTC when absent.
   */
  timeZone: z.string().optional(),
  /** The app's own account: an item it approved or removed was not a moderator's decision. */
  appName: z.string().optional(),
});
export type Facts = z.infer<typeof factsSchema>;
