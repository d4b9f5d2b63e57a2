/**
 * Which checks exist on which kind of object, and the default search method of each searchable field,
 * as AutoModerator documents them, plus the fields of the coordinator's queue item types.
 */
import type { ComparisonOp, SearchMethod } from './schema.js';

export type TargetKind =
  | 'submission'
  | 'comment'
  | 'user'
  | 'subreddit'
  | 'modmail'
  | 'review'
  | 'staging'
  | 'ticket'
  | 'takedown'
  | 'inquiry';

export type FieldSpec =
  | { type: 'search'; method: SearchMethod }
  /** karma/age threshold; `age` values are durations converted to days. */
  | { type: 'threshold'; age?: boolean; source: string }
  | { type: 'compare'; op: ComparisonOp; source: string }
  | { type: 'number'; source: string }
  | { type: 'boolean' }
  | { type: 'equals' }
  | { type: 'quality' };

const s = (method: SearchMethod): FieldSpec => ({ type: 'search', method });
const bool: FieldSpec = { type: 'boolean' };
const num = (source: string): FieldSpec => ({ type: 'number', source });

/** Counts submissions and comments share: reports, and the body's length. */
const postCounts: Record<string, FieldSpec> = {
  reports: { type: 'compare', op: '>=', source: 'reports' },
  body_longer_than: { type: 'compare', op: '>', source: 'body' },
  body_shorter_than: { type: 'compare', op: '<', source: 'body' },
};

const submission: Record<string, FieldSpec> = {
  id: s('full-exact'),
  title: s('includes-word'),
  domain: s('domain'),
  url: s('includes'),
  body: s('includes-word'),
  flair_text: s('full-exact'),
  flair_css_class: s('full-exact'),
  flair_template_id: s('full-exact'),
  poll_option_text: s('includes-word'),
  poll_option_count: s('full-exact'),
  crosspost_id: s('full-exact'),
  crosspost_title: s('includes-word'),
  media_author: s('full-exact'),
  media_author_url: s('includes'),
  media_title: s('includes-word'),
  media_description: s('includes-word'),
  ...postCounts,
  is_edited: bool,
  is_original_content: bool,
  is_poll: bool,
  is_gallery: bool,
  is_meta_discussion: bool,
  past_archive_date: bool,
  discussion_type: { type: 'equals' },
};

const comment: Record<string, FieldSpec> = {
  id: s('full-exact'),
  body: s('includes-word'),
  ...postCounts,
  is_top_level: bool,
  is_edited: bool,
};

const user: Record<string, FieldSpec> = {
  id: s('full-exact'),
  name: s('includes-word'),
  flair_text: s('full-exact'),
  flair_css_class: s('full-exact'),
  flair_template_id: s('full-exact'),
  comment_karma: { type: 'threshold', source: 'comment_karma' },
  post_karma: { type: 'threshold', source: 'post_karma' },
  link_karma: { type: 'threshold', source: 'post_karma' },
  combined_karma: { type: 'threshold', source: 'combined_karma' },
  comment_subreddit_karma: { type: 'threshold', source: 'comment_subreddit_karma' },
  post_subreddit_karma: { type: 'threshold', source: 'post_subreddit_karma' },
  combined_subreddit_karma: { type: 'threshold', source: 'combined_subreddit_karma' },
  account_age: { type: 'threshold', age: true, source: 'account_age_days' },
  is_gold: bool,
  has_verified_email: bool,
  is_submitter: bool,
  is_contributor: bool,
  is_moderator: bool,
  contributor_quality: { type: 'quality' },
  // Facts AutoModerator lacks.
  is_artist: bool,
  artist_since: { type: 'compare', op: '==', source: 'artist_since_days' },
  strikes: { type: 'compare', op: '==', source: 'strikes' },
};

const subreddit: Record<string, FieldSpec> = {
  name: s('includes-word'),
  is_nsfw: bool,
};

const modmail: Record<string, FieldSpec> = {
  id: s('full-exact'),
  subject: s('includes-word'),
  body: s('includes-word'),
  body_longer_than: { type: 'compare', op: '>', source: 'body' },
  body_shorter_than: { type: 'compare', op: '<', source: 'body' },
  is_highlighted: bool,
  is_internal: bool,
  is_auto: bool,
  message_count: num('message_count'),
  // What the app knows about the conversation and the user (modmail triage).
  conversation_type: s('full-exact'),
  is_first_message: bool,
  open_takedowns: num('open_takedowns'),
};

const review: Record<string, FieldSpec> = {
  id: s('full-exact'),
  title: s('includes-word'),
  body: s('includes-word'),
  status: s('full-exact'),
  queue: s('full-exact'),
  kind: s('full-exact'),
  artist: s('full-exact'),
  reviewer: s('full-exact'),
  tags: s('full-exact'),
  age_hours: num('age_hours'),
  age_days: num('age_days'),
  escalated: bool,
};

const staging: Record<string, FieldSpec> = {
  id: s('full-exact'),
  stage: s('full-exact'),
  status: s('full-exact'),
  error: s('includes-word'),
  artist: s('full-exact'),
  attempts: num('attempts'),
  age_hours: num('age_hours'),
  age_days: num('age_days'),
};

const ticket: Record<string, FieldSpec> = {
  id: s('full-exact'),
  subject: s('includes-word'),
  description: s('includes-word'),
  // The description under AutoModerator's name for an item's text, so `subject+body` reads as `title+body` does.
  body: s('includes-word'),
  status: s('full-exact'),
  priority: s('full-exact'),
  tags: s('full-exact'),
  via: s('full-exact'),
  requester: s('full-exact'),
  assignee: s('full-exact'),
  group: s('full-exact'),
  age_hours: num('age_hours'),
  age_days: num('age_days'),
};

const takedown: Record<string, FieldSpec> = {
  id: s('full-exact'),
  status: s('full-exact'),
  claimant: s('includes-word'),
  work: s('includes-word'),
  url: s('includes'),
  strikes: num('strikes'),
  age_days: num('age_days'),
  business_days_since_counter_notice: num('business_days_since_counter_notice'),
};

/** A question from a review contractor (shared inbox or form export). */
const inquiry: Record<string, FieldSpec> = {
  id: s('full-exact'),
  subject: s('includes-word'),
  body: s('includes-word'),
  contractor: s('full-exact'),
  status: s('full-exact'),
  age_hours: num('age_hours'),
};

export const FIELDS: Record<TargetKind, Record<string, FieldSpec>> = {
  submission,
  comment,
  user,
  subreddit,
  modmail,
  review,
  staging,
  ticket,
  takedown,
  inquiry,
};

/** Item kinds whose undeclared fields are still usable (checked as the item's own field, with a warning). */
export const QUEUE_KINDS: ReadonlySet<TargetKind> = new Set(['review', 'staging', 'ticket', 'takedown', 'inquiry']);

/** The sub-group a key names, and the kind of object it targets. */
export const GROUP_KIND = {
  author: 'user',
  crosspost_author: 'user',
  parent_submission: 'submission',
  crosspost_subreddit: 'subreddit',
  subreddit: 'subreddit',
} as const satisfies Record<string, TargetKind>;

/** Actions allowed on each kind at the top level of a rule. */
const POST_ACTIONS = [
  'set_flair', 'overwrite_flair', 'set_sticky', 'set_nsfw', 'set_spoiler', 'set_contest_mode',
  'set_original_content', 'set_suggested_sort', 'set_post_crowd_control_level',
];
const COMMON_ACTIONS = [
  'action', 'action_reason', 'report_reason', 'set_locked', 'comment', 'comment_stickied', 'comment_locked',
  'message', 'message_subject', 'modmail', 'modmail_subject', 'escalate', 'add_modnote', 'strike', 'category',
];
const MODMAIL_ACTIONS = ['reply', 'private_note', 'archive', 'highlight', 'mute', 'modmail', 'modmail_subject',
  'escalate', 'add_modnote', 'strike', 'category', 'action_reason'];
const QUEUE_ACTIONS = ['escalate', 'add_modnote', 'strike', 'category', 'modmail', 'modmail_subject', 'message',
  'message_subject', 'action_reason'];

export const ACTIONS_BY_KIND: Record<string, ReadonlySet<string>> = {
  submission: new Set([...COMMON_ACTIONS, ...POST_ACTIONS]),
  comment: new Set(COMMON_ACTIONS),
  modmail: new Set(MODMAIL_ACTIONS),
  review: new Set(QUEUE_ACTIONS),
  staging: new Set(QUEUE_ACTIONS),
  // `reply: 'macro: NAME'` on a ticket suggests the Zendesk macro to answer with (modmail's spelling).
  ticket: new Set([...QUEUE_ACTIONS, 'reply']),
  takedown: new Set(QUEUE_ACTIONS),
  inquiry: new Set(QUEUE_ACTIONS),
};

export const ALL_ACTION_KEYS: ReadonlySet<string> = new Set([
  ...COMMON_ACTIONS, ...POST_ACTIONS, ...MODMAIL_ACTIONS,
]);

/** Actions allowed inside a sub-group. */
export const GROUP_ACTIONS: Record<string, ReadonlySet<string>> = {
  author: new Set(['set_flair', 'overwrite_flair']),
  parent_submission: new Set(POST_ACTIONS.concat(['set_locked', 'action', 'action_reason', 'report_reason'])),
  crosspost_author: new Set(['set_flair', 'overwrite_flair']),
  crosspost_subreddit: new Set(),
  subreddit: new Set(),
};

/** Keys that apply to the rule as a whole. */
export const RULE_LEVEL_KEYS: ReadonlySet<string> = new Set([
  'type', 'priority', 'moderators_exempt', 'standard', 'ignore_blockquotes', 'name', 'time_zone',
  'day_of_week', 'time_of_day', 'event',
]);

/** AutoModerator features this implementation does not run, with what to say about them. */
export const UNSUPPORTED_KEYS: Record<string, string> = {
  event_label: 'event_label (subreddit event labels are not available to apps)',
  modifiers: 'modifiers (legacy pre-2015 AutoModerator syntax: put modifiers in parentheses after the check name)',
  user_conditions: 'user_conditions (legacy pre-2015 AutoModerator syntax: use author:)',
  link_flair_text: 'link_flair_text (legacy pre-2015 AutoModerator syntax: use flair_text)',
  link_flair_class: 'link_flair_class (legacy pre-2015 AutoModerator syntax: use flair_css_class)',
  must_satisfy: 'must_satisfy (legacy pre-2015 AutoModerator syntax: use satisfy_any_threshold)',
  user: 'user (legacy pre-2015 AutoModerator syntax: use author:)',
};
