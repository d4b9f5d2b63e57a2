import { z } from 'zod';

/** A Reddit user as the rules see it (the `author:` and `crosspost_author:` sub-groups). */
export const authorSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  account_age_days: z.number().optional(),
  /** Account creation time (seconds since epoch); used when `account_age_days` is absent. */
  created_utc: z.number().optional(),
  comment_karma: z.number().optional(),
  post_karma: z.number().optional(),
  combined_karma: z.number().optional(),
  comment_subreddit_karma: z.number().optional(),
  post_subreddit_karma: z.number().optional(),
  combined_subreddit_karma: z.number().optional(),
  is_contributor: z.boolean().optional(),
  is_moderator: z.boolean().optional(),
  is_gold: z.boolean().optional(),
  has_verified_email: z.boolean().optional(),
  is_submitter: z.boolean().optional(),
  flair_text: z.string().optional(),
  flair_css_class: z.string().optional(),
  flair_template_id: z.string().optional(),
  contributor_quality: z.enum(['highest', 'high', 'moderate', 'low', 'lowest']).optional(),
  // Facts AutoModerator lacks.
  is_artist: z.boolean().optional(),
  artist_since_days: z.number().optional(),
  strikes: z.number().optional(),
});
export type Author = z.infer<typeof authorSchema>;

export const subredditSchema = z.looseObject({
  name: z.string().optional(),
  is_nsfw: z.boolean().optional(),
});

const submissionFields = {
  id: z.string().optional(),
  title: z.string().optional(),
  body: z.string().optional(),
  domain: z.string().optional(),
  url: z.string().optional(),
  permalink: z.string().optional(),
  subreddit: z.string().optional(),
  /** text | link | crosspost | poll | gallery; inferred from the other fields when absent. */
  submission_type: z.enum(['text', 'link', 'crosspost', 'poll', 'gallery']).optional(),
  flair_text: z.string().optional(),
  flair_css_class: z.string().optional(),
  flair_template_id: z.string().optional(),
  is_edited: z.boolean().optional(),
  is_self: z.boolean().optional(),
  is_gallery: z.boolean().optional(),
  is_poll: z.boolean().optional(),
  is_original_content: z.boolean().optional(),
  is_meta_discussion: z.boolean().optional(),
  past_archive_date: z.boolean().optional(),
  discussion_type: z.string().nullable().optional(),
  poll_option_text: z.union([z.string(), z.array(z.string())]).optional(),
  poll_option_count: z.number().optional(),
  crosspost_id: z.string().optional(),
  crosspost_title: z.string().optional(),
  media_author: z.string().optional(),
  media_author_url: z.string().optional(),
  media_title: z.string().optional(),
  media_description: z.string().optional(),
  reports: z.number().optional(),
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
});
export type Item = z.infer<typeof itemSchema>;

/** Context the item itself does not carry. */
export const factsSchema = z.object({
  /** The evaluation time (ms since epoch, Date or ISO string); defaults to the item's creation time. */
  now: z.union([z.number(), z.date(), z.string()]).optional(),
  subreddit: z.string().optional(),
});
export type Facts = z.infer<typeof factsSchema>;
