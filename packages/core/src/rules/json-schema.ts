/**
 * JSON Schema (draft 2020-12) of one rule document in its YAML form, so editors (e.g. the YAML language
 * server) can validate and complete a rules file. Built from the same field tables the parser uses.
 */
import { FIELDS, GROUP_KIND, type FieldSpec } from './fields.js';
import { STANDARD_CONDITIONS } from './standard-conditions.js';
import { autoModTypes, queueTypes } from './schema.js';

const text = { type: 'string' };
const bool = { type: 'boolean' };
const textOrList = { anyOf: [{ type: ['string', 'number', 'boolean'] }, { type: 'array', items: { type: ['string', 'number', 'boolean', 'null'] } }] };
const comparison = {
  anyOf: [{ type: 'number' }, { type: 'string', pattern: '^\\s*(==?|<=|>=|<|>)?\\s*-?\\d+(\\.\\d+)?\\s*([A-Za-z]+)?\\s*$' }],
  description: "a comparison such as '< 10' or '> 30 days'",
};
const flair = {
  anyOf: [
    text,
    { type: 'array', items: text, maxItems: 3 },
    { type: 'object', properties: { text, css_class: text, template_id: text }, additionalProperties: false },
  ],
};
const MODIFIERS = '(\\s*\\(\\s*[a-z-]+(\\s*,\\s*[a-z-]+)*\\s*\\))?\\s*';

function fieldSchema(spec: FieldSpec): unknown {
  switch (spec.type) {
    case 'search':
      return textOrList;
    case 'boolean':
      return bool;
    case 'equals':
      return { anyOf: [text, { type: 'null' }, { type: 'array' }] };
    case 'quality':
      return { type: 'string', pattern: '^\\s*(<|>|==?)?\\s*(highest|high|moderate|low|lowest)\\s*$' };
    default:
      return comparison;
  }
}

function targetSchema(kinds: (keyof typeof FIELDS)[], actions: Record<string, unknown>): Record<string, unknown> {
  const searchFields = new Set<string>();
  const properties: Record<string, unknown> = { satisfy_any_threshold: bool, ...actions };
  for (const k of kinds) {
    for (const [name, spec] of Object.entries(FIELDS[k])) {
      if (spec.type === 'search') searchFields.add(name);
      else properties[name] ??= fieldSchema(spec);
    }
  }
  const names = [...searchFields].join('|');
  return {
    type: 'object',
    properties,
    patternProperties: {
      // `~title+body#2 (includes, regex)`
      [`^~?(${names})(\\+(${names}))*(#[^\\s(]*)?${MODIFIERS}$`]: textOrList,
    },
    additionalProperties: false,
  };
}

/** The JSON Schema of one rule (a YAML document of an AutoModerator-style config). */
export function rulesJsonSchema(): Record<string, unknown> {
  const groupActions = {
    set_flair: flair,
    overwrite_flair: bool,
    set_sticky: { anyOf: [bool, { type: 'integer', minimum: 1, maximum: 4 }] },
    set_locked: bool,
    set_nsfw: bool,
    set_spoiler: bool,
    set_contest_mode: bool,
    set_original_content: bool,
    set_suggested_sort: { enum: ['best', 'new', 'qa', 'top', 'controversial', 'hot', 'old', 'random', 'blank', 'confidence'] },
    set_post_crowd_control_level: { enum: ['OFF', 'LENIENT', 'MEDIUM', 'STRICT'] },
  };
  const action = { enum: ['approve', 'remove', 'spam', 'filter', 'report'] };
  const topActions = {
    ...groupActions,
    action,
    action_reason: text,
    report_reason: text,
    comment: text,
    comment_stickied: bool,
    comment_locked: bool,
    message: text,
    message_subject: text,
    modmail: text,
    modmail_subject: text,
    escalate: { anyOf: [text, { type: 'object', properties: { team: text, reason: text }, required: ['team'], additionalProperties: false }] },
    add_modnote: { anyOf: [text, { type: 'object', properties: { note: text, label: text }, required: ['note'], additionalProperties: false }] },
    strike: { anyOf: [text, { type: 'object', properties: { reason: text }, required: ['reason'], additionalProperties: false }] },
    reply: text,
    private_note: text,
    archive: bool,
    highlight: bool,
    mute: { anyOf: [{ enum: [3, 7, 28] }, { const: true }] },
    category: text,
  };
  const top = targetSchema(['submission', 'comment', 'modmail', 'review', 'staging', 'ticket', 'takedown', 'inquiry'], topActions);
  const props = top.properties as Record<string, unknown>;
  Object.assign(props, {
    type: { enum: [...autoModTypes, ...queueTypes] },
    priority: { anyOf: [{ type: 'integer' }, text] },
    moderators_exempt: bool,
    ignore_blockquotes: bool,
    standard: { enum: Object.keys(STANDARD_CONDITIONS) },
    name: text,
    time_zone: { type: 'string', description: 'IANA time zone, e.g. America/New_York' },
    day_of_week: { anyOf: [text, { type: 'array', items: text }] },
    time_of_day: { type: 'string', pattern: '^\\d{1,2}:\\d{2}\\s*-\\s*\\d{1,2}:\\d{2}$' },
    event: { type: 'object', properties: { id: text, active: bool, before: text, after: text }, required: ['id'], additionalProperties: false },
  });
  for (const [group, kind] of Object.entries(GROUP_KIND)) {
    const actions = group === 'author' || group === 'crosspost_author' ? { set_flair: flair, overwrite_flair: bool } : group === 'parent_submission' ? { ...groupActions, action, action_reason: text, report_reason: text } : {};
    const schema = targetSchema([kind], actions);
    props[group] = group === 'author' ? { anyOf: [schema, textOrList] } : schema;
  }
  props['~author'] = textOrList;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://creator-desk.dev/schemas/automod-rule.json',
    title: 'creator-desk rule (AutoModerator-compatible)',
    description: 'One rule: a YAML document of the rules file (documents are separated by lines starting with ---). Keys are case-insensitive.',
    ...top,
  };
}
