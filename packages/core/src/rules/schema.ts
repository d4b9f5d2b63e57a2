import { z } from 'zod';

/** A problem found in a rules file: 1-based line and column, and the rule it belongs to. */
export const diagnosticSchema = z.object({
  source: z.string().optional(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  ruleIndex: z.number().int().min(0).optional(),
  ruleLine: z.number().int().min(1).optional(),
  /** Set on the warning for a check on a field the item type does not declare, so a caller that knows its items' fields can make it an error. */
  undeclaredField: z.string().optional(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

/** AutoModerator's search methods (at most one per check). */
export const searchMethodSchema = z.enum([
  'includes-word',
  'includes',
  'starts-with',
  'ends-with',
  'full-exact',
  'full-text',
  // AutoModerator's default for a single `domain` check: the domain or any subdomain of it.
  'domain',
]);
export type SearchMethod = z.infer<typeof searchMethodSchema>;

const position = { line: z.number().int().min(1), column: z.number().int().min(1) };

/** A search check such as `~title+body (includes, regex): [...]`, already translated to a JavaScript regex. */
const re2ProgramSchema = z.object({ pattern: z.string(), flags: z.number().int() });
/** A start-of-text lookahead as a program of its own (see regex-engine.ts). */
export interface Re2ConditionShape {
  pattern: string;
  flags: number;
  neg: boolean;
  ascii?: { pattern: string; flags: number } | undefined;
  conditions?: Re2ConditionShape[] | undefined;
}
const re2ConditionSchema: z.ZodType<Re2ConditionShape> = z.lazy(() =>
  re2ProgramSchema.extend({ neg: z.boolean(), ascii: re2ProgramSchema.optional(), conditions: z.array(re2ConditionSchema).optional() }),
);

export const searchCheckSchema = z.object({
  kind: z.literal('search'),
  /** The key as written (lower-cased), e.g. `~title+body#2 (regex)`. */
  key: z.string(),
  /** The name used by `{{match-NAME}}`: the fields joined with `+`, no `~`, no `#id`, no modifiers. */
  name: z.string(),
  fields: z.array(z.string()).min(1),
  negate: z.boolean(),
  method: searchMethodSchema,
  regex: z.boolean(),
  caseSensitive: z.boolean(),
  values: z.array(z.string()),
  /** JavaScript source of the whole check; group 1 is the matched value, as in AutoModerator. */
  pattern: z.string(),
  flags: z.string(),
  /** The engine the regex runs on: re2js (linear time, `re2` is its pattern) or V8 (bounded repetition only). */
  engine: z.enum(['re2js', 'v8']),
  re2: z
    .object({
      pattern: z.string(),
      flags: z.number().int(),
      groups: z.array(z.number().int()),
      groupCount: z.number().int(),
      ascii: re2ProgramSchema.optional(),
      /** Lookaheads at the start of the text, each decided on the whole text before the search. */
      conditions: z.array(re2ConditionSchema).optional(),
    })
    .optional(),
  /** Literal texts one of which occurs wherever `pattern` matches (same case rule): a cheap pre-check. */
  required: z.array(z.string()).optional(),
  ...position,
});
export type SearchCheck = z.infer<typeof searchCheckSchema>;

export const comparisonOpSchema = z.enum(['<', '>', '==', '<=', '>=']);
export type ComparisonOp = z.infer<typeof comparisonOpSchema>;

/** What every check on one field carries: its key as written, the field, and where it was written. */
const fieldCheck = <K extends string>(kind: K) => ({ kind: z.literal(kind), key: z.string(), field: z.string(), ...position });

/** A karma/age threshold (`account_age: '< 7 days'`), affected by `satisfy_any_threshold`. */
export const thresholdCheckSchema = z.object({
  ...fieldCheck('threshold'),
  op: comparisonOpSchema,
  /** Ages are in days; everything else is a plain number. */
  value: z.number(),
});
export type ThresholdCheck = z.infer<typeof thresholdCheckSchema>;

/** A numeric comparison that is not a threshold: `reports`, `body_longer_than`, queue numbers. */
export const compareCheckSchema = z.object({ ...fieldCheck('compare'), op: comparisonOpSchema, value: z.number() });
export type CompareCheck = z.infer<typeof compareCheckSchema>;

export const booleanCheckSchema = z.object({ ...fieldCheck('boolean'), value: z.boolean() });
export type BooleanCheck = z.infer<typeof booleanCheckSchema>;

/** `discussion_type: chat` and similar: the field equals one of the values (`null` = absent). */
export const equalsCheckSchema = z.object({ ...fieldCheck('equals'), negate: z.boolean(), values: z.array(z.string().nullable()) });
export type EqualsCheck = z.infer<typeof equalsCheckSchema>;

/** Extension: `day_of_week: [sat, sun]` in `time_zone` (0 = Sunday); no `timeZone`: the evaluation's default. */
export const dayOfWeekCheckSchema = z.object({
  kind: z.literal('day_of_week'),
  key: z.string(),
  days: z.array(z.number().int().min(0).max(6)),
  timeZone: z.string().optional(),
  ...position,
});
export type DayOfWeekCheck = z.infer<typeof dayOfWeekCheckSchema>;

/** Extension: `time_of_day: '09:00-17:00'` in `time_zone`, minutes after midnight, may wrap midnight; no `timeZone`: the evaluation's default. */
export const timeOfDayCheckSchema = z.object({
  kind: z.literal('time_of_day'),
  key: z.string(),
  from: z.number().int().min(0).max(1440),
  to: z.number().int().min(0).max(1440),
  timeZone: z.string().optional(),
  ...position,
});
export type TimeOfDayCheck = z.infer<typeof timeOfDayCheckSchema>;

/** Extension: `event: {id, active, before, after}` — an event of the events page is on (or not) now; see event-check.ts. */
export const eventCheckSchema = z.object({
  kind: z.literal('event'),
  key: z.string(),
  id: z.string(),
  active: z.boolean(),
  beforeMinutes: z.number().min(0),
  afterMinutes: z.number().min(0),
  ...position,
});
export type EventCheck = z.infer<typeof eventCheckSchema>;

export const checkSchema = z.discriminatedUnion('kind', [
  searchCheckSchema,
  thresholdCheckSchema,
  compareCheckSchema,
  booleanCheckSchema,
  equalsCheckSchema,
  dayOfWeekCheckSchema,
  timeOfDayCheckSchema,
  eventCheckSchema,
]);
export type Check = z.infer<typeof checkSchema>;

export const subGroupNames = [
  'author',
  'parent_submission',
  'crosspost_author',
  'crosspost_subreddit',
  'subreddit',
] as const;
export const subGroupSchema = z.enum(subGroupNames);
export type SubGroup = z.infer<typeof subGroupSchema>;

/** The checks of one target (the item or a sub-group); all must pass. */
export interface Condition {
  checks: Check[];
  satisfyAnyThreshold: boolean;
  groups: Partial<Record<SubGroup, Condition>>;
}
export const conditionSchema: z.ZodType<Condition> = z.object({
  checks: z.array(checkSchema),
  satisfyAnyThreshold: z.boolean(),
  groups: z.partialRecord(subGroupSchema, z.lazy(() => conditionSchema)),
});

export const flairSchema = z.object({
  text: z.string().optional(),
  css_class: z.string().optional(),
  template_id: z.string().optional(),
});
export type Flair = z.infer<typeof flairSchema>;

export const removalActions = ['remove', 'spam', 'filter'] as const;
export const actionSchema = z.enum(['approve', 'remove', 'spam', 'filter', 'report']);
export type ActionName = z.infer<typeof actionSchema>;

export const suggestedSortSchema = z.enum([
  'best', 'new', 'qa', 'top', 'controversial', 'hot', 'old', 'random', 'blank', 'confidence',
]);

/** Actions on a sub-group's object (`author:` sets user flair, `parent_submission:` acts on the post). */
export const groupActionsSchema = z.object({
  /** Inside `parent_submission:` this acts on the parent post, not the item. */
  action: actionSchema.optional(),
  action_reason: z.string().optional(),
  set_flair: flairSchema.optional(),
  overwrite_flair: z.boolean().optional(),
  set_sticky: z.union([z.boolean(), z.number().int()]).optional(),
  set_locked: z.boolean().optional(),
  set_nsfw: z.boolean().optional(),
  set_spoiler: z.boolean().optional(),
  set_contest_mode: z.boolean().optional(),
  set_original_content: z.boolean().optional(),
  set_suggested_sort: suggestedSortSchema.optional(),
  set_post_crowd_control_level: z.enum(['OFF', 'LENIENT', 'MEDIUM', 'STRICT']).optional(),
});
export type GroupActions = z.infer<typeof groupActionsSchema>;

/** Everything a rule does when it matches; text fields may hold placeholders until rendered. */
export const ruleActionsSchema = groupActionsSchema.extend({
  action: actionSchema.optional(),
  action_reason: z.string().optional(),
  comment: z.string().optional(),
  comment_stickied: z.boolean().optional(),
  comment_locked: z.boolean().optional(),
  message: z.string().optional(),
  message_subject: z.string().optional(),
  modmail: z.string().optional(),
  modmail_subject: z.string().optional(),
  // Extensions: things AutoModerator cannot do.
  escalate: z.object({ team: z.string(), reason: z.string().optional() }).optional(),
  add_modnote: z.object({ note: z.string(), label: z.string().optional() }).optional(),
  /** Proposed strike: a moderator confirms it before it counts. */
  strike: z.object({ reason: z.string() }).optional(),
  reply: z.string().optional(),
  private_note: z.string().optional(),
  archive: z.boolean().optional(),
  highlight: z.boolean().optional(),
  /** Modmail mute length in days (3, 7 or 28); `true` means 3. */
  mute: z.union([z.literal(3), z.literal(7), z.literal(28)]).optional(),
  category: z.string().optional(),
  author: groupActionsSchema.optional(),
  parent_submission: groupActionsSchema.optional(),
  /** `set_flair` here sets the original post's author's user flair. */
  crosspost_author: groupActionsSchema.optional(),
});
export type RuleActions = z.infer<typeof ruleActionsSchema>;

export const autoModTypes = [
  'any',
  'submission',
  'comment',
  'text submission',
  'link submission',
  'crosspost submission',
  'poll submission',
  'gallery submission',
] as const;
export const queueTypes = ['modmail', 'review', 'staging', 'ticket', 'takedown', 'inquiry'] as const;
export const ruleTypeSchema = z.enum([...autoModTypes, ...queueTypes]);
export type RuleType = z.infer<typeof ruleTypeSchema>;

/** One normalised rule (a YAML document of the config). */
export const ruleSchema = z.object({
  index: z.number().int().min(0),
  source: z.string().optional(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  name: z.string().optional(),
  type: ruleTypeSchema,
  priority: z.number().int(),
  moderatorsExempt: z.boolean().optional(),
  ignoreBlockquotes: z.boolean(),
  condition: conditionSchema,
  actions: ruleActionsSchema,
  /** The item kinds the rule can apply to (`type: any` drops the kind a check cannot apply to). */
  appliesTo: z.array(z.string()),
});
export type Rule = z.infer<typeof ruleSchema>;
