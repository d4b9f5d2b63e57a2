/**
 * Turns one positioned YAML mapping into a normalised rule (or a condition), reporting every problem
 * with the line and column of the key or value that caused it.
 */
import { parseCheckKey, SEARCH_METHODS, OTHER_MODIFIERS } from './check-key.js';
import {
  ACTIONS_BY_KIND,
  ALL_ACTION_KEYS,
  FIELDS,
  GROUP_ACTIONS,
  GROUP_KIND,
  QUEUE_KINDS,
  RULE_LEVEL_KEYS,
  UNSUPPORTED_KEYS,
  type FieldSpec,
  type TargetKind,
} from './fields.js';
import { fromPlain, pyStr, type PEntry, type PNode, type Pos } from './pnode.js';
import { buildEventCheck } from './event-check.js';
import { buildSearchPattern } from './search-pattern.js';
import { STANDARD_CONDITIONS } from './standard-conditions.js';
import { didYouMean } from './suggest.js';
import { compare as _compare, parseThreshold } from './thresholds.js';
import { validateTemplate, isMatchPlaceholder } from '../templates/index.js';
import { isValidTimeZone } from '../calendar/index.js';
import {
  removalActions,
  subGroupNames,
  suggestedSortSchema,
  type Check,
  type Condition,
  type Flair,
  type GroupActions,
  type Rule,
  type RuleActions,
  type RuleType,
  type SearchCheck,
  type SubGroup,
} from './schema.js';

void _compare;

export type Report = (pos: Pos, severity: 'error' | 'warning', message: string, extra?: { undeclaredField?: string }) => void;

const TYPE_KINDS: Record<string, TargetKind[]> = {
  any: ['submission', 'comment'],
  submission: ['submission'],
  'text submission': ['submission'],
  'link submission': ['submission'],
  'crosspost submission': ['submission'],
  'poll submission': ['submission'],
  'gallery submission': ['submission'],
  comment: ['comment'],
  modmail: ['modmail'],
  review: ['review'],
  staging: ['staging'],
  ticket: ['ticket'],
  takedown: ['takedown'],
  inquiry: ['inquiry'],
};

const DAYS: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};

const PLACEHOLDER_NAMES = new Set([
  'author', 'author_flair_text', 'author_flair_css_class', 'author_flair_template_id', 'body', 'permalink',
  'subreddit', 'kind', 'title', 'domain', 'url', 'media_author', 'media_author_url', 'media_title',
  'media_description', 'id', 'subject', 'status', 'team',
]);

const TEXT_ACTIONS = [
  'action_reason', 'report_reason', 'comment', 'message', 'message_subject', 'modmail', 'modmail_subject', 'reply',
  'private_note', 'category',
] as const;
const BOOL_ACTIONS = [
  'overwrite_flair', 'set_locked', 'set_nsfw', 'set_spoiler', 'set_contest_mode', 'set_original_content',
  'comment_stickied', 'comment_locked', 'archive', 'highlight',
] as const;

function scalarText(node: PNode): string | undefined {
  return node.kind === 'scalar' && node.value !== null ? pyStr(node.value) : undefined;
}

function describe(node: PNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  return JSON.stringify(node.value) ?? String(node.value);
}

interface Kinds {
  list: TargetKind[];
  /** Undeclared fields are the object's own fields (queue items, and conditions with no type). */
  generic: boolean;
}

/** Field spec for a field on a set of kinds; generic fields are inferred from the value. */
function specFor(field: string, kinds: Kinds, value: PNode): { spec: FieldSpec; kinds: TargetKind[]; declared: boolean } {
  if (kinds.list.length === 0) {
    // No item type given: any declared field of any kind, else the object's own field.
    for (const k of Object.keys(FIELDS) as TargetKind[]) {
      const spec = FIELDS[k][field];
      if (spec !== undefined && k !== 'user' && k !== 'subreddit') return { spec, kinds: [], declared: true };
    }
  }
  const valid = kinds.list.filter((k) => FIELDS[k][field] !== undefined);
  const first = valid[0];
  if (first !== undefined) return { spec: FIELDS[first][field] as FieldSpec, kinds: valid, declared: true };
  const generic: TargetKind[] = kinds.generic ? kinds.list.filter((k) => QUEUE_KINDS.has(k)) : [];
  if (kinds.generic && kinds.list.length === 0) generic.push('review');
  if (value.kind === 'scalar' && typeof value.value === 'boolean') return { spec: { type: 'boolean' }, kinds: generic, declared: false };
  if (value.kind === 'scalar' && typeof value.value === 'string' && /^\s*(==?|<=|>=|<|>)\s*-?\d/.test(value.value)) {
    return { spec: { type: 'number', source: field }, kinds: generic, declared: false };
  }
  return { spec: { type: 'search', method: 'includes-word' }, kinds: generic, declared: false };
}

/** Every key that means something at `level`: the fields of its item kinds, its actions, sub-groups and rule keys. */
function knownKeys(level: 'top' | SubGroup, kinds: Kinds): string[] {
  if (level !== 'top') return [...Object.keys(FIELDS[GROUP_KIND[level]]), ...(GROUP_ACTIONS[level] ?? [])];
  const list = kinds.list.length > 0 ? kinds.list : (Object.keys(FIELDS) as TargetKind[]);
  return [...new Set([...list.flatMap((k) => Object.keys(FIELDS[k])), ...ALL_ACTION_KEYS, ...RULE_LEVEL_KEYS, ...subGroupNames])];
}

/** `?` alone as a flow-list item: a mapping of YAML's null to null. */
function isBareQuestionMark(node: PNode): boolean {
  if (node.kind !== 'map' || node.entries.length !== 1) return false;
  const [e] = node.entries;
  return e?.nullKey === true && e.value.kind === 'scalar' && e.value.value === null;
}

/** Builder state for one rule or condition. */
class Builder {
  searchNames: string[] = [];
  constructor(private readonly report: Report) {}

  values(node: PNode): { values: string[]; positions: Pos[] } | undefined {
    if (node.kind === 'scalar') return { values: [pyStr(node.value)], positions: [node] };
    if (node.kind === 'seq') {
      const values: string[] = [];
      const positions: Pos[] = [];
      for (const item of node.items) {
        if (isBareQuestionMark(item)) {
          // PyYAML reads `[a, ?]` as ['a', {None: None}] and AutoModerator casts every value to a string,
          // so Reddit's engine searches for the text "{None: None}": the rule works, that value never matches.
          this.report(item, 'warning', "a bare '?' in [...] is a YAML mapping, which AutoModerator searches for as the text '{None: None}'; quote it ('?') to search for a question mark");
          values.push('{None: None}');
          positions.push(item);
          continue;
        }
        if (item.kind !== 'scalar') {
          const hint = item.kind === 'map' ? " (a bare '?' or 'text: text' inside [...] makes a YAML mapping: quote the value)" : '';
          this.report(item, 'error', `expected a text value in the list, got ${describe(item)}${hint}`);
          return undefined;
        }
        if (item.value === null) continue; // `[a, ]`: PyYAML drops an empty trailing item too
        values.push(pyStr(item.value));
        positions.push(item);
      }
      return { values, positions };
    }
    this.report(node, 'error', 'expected a value or a list of values, got a mapping');
    return undefined;
  }

  searchCheck(entry: PEntry, key: ReturnType<typeof parseCheckKey> & object, defaultMethod: SearchMethodOrUndef, value: PNode): SearchCheck | undefined {
    let method: SearchCheck['method'] | undefined;
    let regex = false;
    let caseSensitive = false;
    let ok = true;
    for (const mod of key.modifiers) {
      if (SEARCH_METHODS.has(mod as SearchCheck['method'])) {
        if (method !== undefined && method !== mod) {
          this.report(entry, 'error', `only one search method per check: '${method}' and '${mod}'`);
          ok = false;
        }
        method = mod as SearchCheck['method'];
      } else if (mod === 'regex') regex = true;
      else if (mod === 'case-sensitive') caseSensitive = true;
      else {
        const hint = didYouMean(mod, [...SEARCH_METHODS, ...OTHER_MODIFIERS]);
        this.report(entry, 'error', `unknown modifier '${mod}'${hint === '' ? ': use includes, includes-word, starts-with, ends-with, full-exact, full-text, regex or case-sensitive' : hint}`);
        ok = false;
      }
    }
    void OTHER_MODIFIERS;
    const vals = this.values(value);
    if (!vals || !ok) return undefined;
    for (let i = 0; i < vals.values.length; i++) {
      const v = value.kind === 'seq' ? value.items.filter((x) => x.kind === 'scalar' && x.value !== null)[i] : value;
      if (v && v.kind === 'scalar' && typeof v.value === 'boolean' && !v.quoted) {
        this.report(v, 'warning', `value read by YAML as ${pyStr(v.value)} (yes/no/on/off are booleans in YAML 1.1); quote it to search for the word`);
      }
    }
    const resolved = method ?? (key.fields.length > 1 ? 'includes-word' : (defaultMethod ?? 'includes-word'));
    const built = buildSearchPattern(vals.values, resolved, regex, caseSensitive);
    let failed = false;
    for (const p of built.problems) {
      const pos = p.value >= 0 ? (vals.positions[p.value] ?? entry) : entry;
      this.report(pos, p.severity, p.message);
      if (p.severity === 'error') failed = true;
    }
    if (failed) return undefined;
    const name = key.fields.join('+');
    this.searchNames.push(name);
    const check: SearchCheck = {
      kind: 'search',
      key: entry.key,
      name,
      fields: key.fields,
      negate: key.negate,
      method: resolved,
      regex,
      caseSensitive,
      values: vals.values,
      pattern: built.pattern,
      flags: built.flags,
      engine: built.engine,
      line: entry.line,
      column: entry.column,
    };
    if (built.required !== undefined) check.required = built.required;
    if (built.re2 !== undefined) check.re2 = built.re2;
    return check;
  }

  /** A non-search check (threshold, comparison, boolean …) on one field. */
  otherCheck(entry: PEntry, field: string, negate: boolean, hasModifiers: boolean, spec: FieldSpec, value: PNode): Check | undefined {
    if (hasModifiers || (negate && spec.type !== 'equals')) {
      this.report(entry, 'error', `'${field}' is not a search check: it takes no ~, + or (modifiers)`);
      return undefined;
    }
    const pos = { line: entry.line, column: entry.column };
    const raw = value.kind === 'scalar' ? value.value : undefined;
    switch (spec.type) {
      case 'threshold':
      case 'compare':
      case 'number': {
        const isAge = spec.type === 'threshold' ? spec.age === true : spec.source.endsWith('_days') && field !== 'age_days';
        // `reports: 3`, and `reports: '3'` (AutoModerator converts with int()).
        const plain = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : undefined;
        if (spec.type === 'compare' && spec.op !== '==' && plain !== undefined) {
          return { kind: 'compare', key: entry.key, field: spec.source, op: spec.op, value: plain, ...pos };
        }
        const t = parseThreshold(raw, isAge);
        if (!t.ok) {
          this.report(value, 'error', `${field}: ${t.message}`);
          return undefined;
        }
        if (spec.type === 'compare' && spec.op !== '==') {
          this.report(value, 'error', `${field}: expected a number, got ${describe(value)}`);
          return undefined;
        }
        if (spec.type === 'threshold') return { kind: 'threshold', key: entry.key, field: spec.source, op: t.op, value: t.value, ...pos };
        return { kind: 'compare', key: entry.key, field: spec.source, op: t.op, value: t.value, ...pos };
      }
      case 'boolean':
        if (typeof raw !== 'boolean') {
          this.report(value, 'error', `${field}: expected true or false, got ${describe(value)}`);
          return undefined;
        }
        return { kind: 'boolean', key: entry.key, field, value: raw, ...pos };
      case 'equals': {
        const list = value.kind === 'seq' ? value.items : [value];
        const values: (string | null)[] = [];
        for (const v of list) {
          if (v.kind !== 'scalar') {
            this.report(v, 'error', `${field}: expected a value, got ${describe(v)}`);
            return undefined;
          }
          values.push(v.value === null || v.value === 'null' ? null : pyStr(v.value).toLowerCase());
        }
        return { kind: 'equals', key: entry.key, field, negate, values, ...pos };
      }
      case 'quality': {
        const m = typeof raw === 'string' ? /^\s*(<|>|==?)?\s*(highest|high|moderate|low|lowest)\s*$/i.exec(raw) : null;
        if (!m) {
          this.report(value, 'error', `${field}: expected a level such as '< moderate' (highest, high, moderate, low, lowest)`);
          return undefined;
        }
        const level = QUALITY[(m[2] ?? '').toLowerCase()] ?? 3;
        const op = m[1] === undefined || m[1] === '=' ? '==' : (m[1] as '<' | '>' | '==');
        return { kind: 'compare', key: entry.key, field: 'contributor_quality', op, value: level, ...pos };
      }
      case 'search':
        return undefined;
    }
  }
}

type SearchMethodOrUndef = SearchCheck['method'] | undefined;

export const QUALITY: Record<string, number> = { lowest: 1, low: 2, moderate: 3, high: 4, highest: 5 };

interface ConditionResult {
  condition: Condition;
  actions: GroupActions & Partial<RuleActions>;
  /** Kinds left after dropping those a check does not apply to (top level only). */
  kinds: TargetKind[];
  ok: boolean;
}

/**
 * Builds the checks and actions of one target (the item, or a sub-group's object). `level` is 'top' for
 * the item itself; `group` names the sub-group otherwise.
 */
function buildTarget(
  entries: PEntry[],
  kinds: Kinds,
  level: 'top' | SubGroup,
  builder: Builder,
  report: Report,
  explicitType: boolean,
  mode: 'rule' | 'condition',
): ConditionResult {
  const checks: Check[] = [];
  const groups: Partial<Record<SubGroup, Condition>> = {};
  const actions: Record<string, unknown> = {};
  let satisfyAny = false;
  let ok = true;
  let kindList = [...kinds.list];
  const fail = (pos: Pos, msg: string): void => {
    report(pos, 'error', msg);
    ok = false;
  };
  // Kinds each entry rules out, for `type: any` (decided once all entries are seen).
  const restrictions: { entry: PEntry; allowed: TargetKind[]; what: string }[] = [];
  const pendingChecks: { entry: PEntry; build: (k: TargetKind[]) => Check | undefined; allowed: TargetKind[] }[] = [];
  const genericWarned = new Set<string>();

  for (const entry of entries) {
    const key = entry.key.trim();
    const value = entry.value;
    if (level === 'top' && mode === 'rule' && RULE_LEVEL_KEYS.has(key)) {
      // Queue items have their own `priority` field: a non-numeric `priority` on them is a check.
      const queuePriority = key === 'priority' && kinds.generic && !(value.kind === 'scalar' && Number.isInteger(value.value));
      if (!queuePriority) continue; // handled by buildRule
    }
    if (key === 'satisfy_any_threshold') {
      if (value.kind !== 'scalar' || typeof value.value !== 'boolean') fail(value, 'satisfy_any_threshold: expected true or false');
      else satisfyAny = value.value;
      continue;
    }
    if (UNSUPPORTED_KEYS[key] !== undefined) {
      fail(entry, `unsupported: ${UNSUPPORTED_KEYS[key]}`);
      continue;
    }
    // Sub-groups.
    const groupName = key.replace(/^~/, '') as SubGroup;
    if ((subGroupNames as readonly string[]).includes(groupName)) {
      if (level !== 'top') {
        fail(entry, `sub-group '${groupName}' cannot be nested inside '${level}'`);
        continue;
      }
      let groupValue = value;
      if (value.kind === 'scalar' && value.value === null) {
        report(entry, 'warning', `sub-group '${groupName}' is empty: it checks nothing`);
        continue;
      }
      if (groupName === 'author' && value.kind !== 'map') {
        // Shorthand: `author: name` / `author: [a, b]` / `~author: [...]` check the author's name.
        groupValue = { kind: 'map', line: value.line, column: value.column, entries: [{ key: key.startsWith('~') ? '~name' : 'name', value, line: entry.line, column: entry.column }] };
      } else if (key.startsWith('~')) {
        fail(entry, `'${key}': a sub-group cannot be negated (negate the checks inside it)`);
        continue;
      } else if (value.kind !== 'map') {
        if (value.kind === 'scalar' && value.value === null) {
          report(entry, 'warning', `sub-group '${groupName}' is empty`);
          continue;
        }
        fail(value, `'${groupName}' expects indented checks, got ${describe(value)}`);
        continue;
      }
      if (groupValue.kind !== 'map') continue;
      const sub = buildTarget(groupValue.entries, { list: [GROUP_KIND[groupName]], generic: false }, groupName, builder, report, explicitType, mode);
      if (!sub.ok) ok = false;
      // `author:` and `~author: [names]` are one group, as in AutoModerator: their checks and actions merge.
      const before = groups[groupName];
      groups[groupName] = before === undefined ? sub.condition : mergeConditions(before, sub.condition);
      const groupActions = sub.actions;
      if (Object.keys(groupActions).length > 0 && (groupName === 'author' || groupName === 'parent_submission' || groupName === 'crosspost_author')) {
        actions[groupName] = { ...(actions[groupName] as GroupActions | undefined), ...groupActions };
      }
      if (groupName === 'parent_submission') restrictions.push({ entry, allowed: ['comment'], what: 'parent_submission (only comments have a parent submission)' });
      if (groupName === 'crosspost_author' || groupName === 'crosspost_subreddit') {
        restrictions.push({ entry, allowed: ['submission'], what: `${groupName} (only submissions can be crossposts)` });
      }
      continue;
    }
    // Actions.
    const allowedActions = level === 'top' ? ALL_ACTION_KEYS : (GROUP_ACTIONS[level] ?? new Set<string>());
    if (mode === 'rule' && allowedActions.has(key)) {
      if (level === 'top') {
        const allowed = kindList.filter((k) => ACTIONS_BY_KIND[k]?.has(key));
        if (kinds.generic && kindList.length === 0) allowed.push(...kinds.list);
        restrictions.push({ entry, allowed, what: `action '${key}'` });
      }
      const parsed = parseAction(key, value, report);
      if (parsed === FAILED) ok = false;
      else if (parsed !== undefined) actions[key] = parsed;
      continue;
    }
    if (mode === 'rule' && level !== 'top' && ALL_ACTION_KEYS.has(key)) {
      fail(entry, `action '${key}' cannot be used inside '${level}'`);
      continue;
    }
    // Checks.
    const ck = parseCheckKey(key);
    if (!ck) {
      fail(entry, `cannot read the check '${entry.key}': expected 'field', 'field (modifiers)', '~field' or 'field+field'`);
      continue;
    }
    const field0 = ck.fields[0] ?? '';
    if (ck.fields.length === 1 && level === 'top' && mode === 'rule' && (field0 === 'day_of_week' || field0 === 'time_of_day' || field0 === 'event')) continue;
    // Resolve each field; all fields of a joined check must be searchable.
    const all = ck.fields.map((f) => ({ f, ...specFor(f, kinds, value) }));
    const unknown = all.filter((r) => r.kinds.length === 0 && !r.declared && !(kinds.generic && kinds.list.length === 0));
    const nowhere = unknown.filter((r) => !Object.values(FIELDS).some((m) => m[r.f] !== undefined));
    if (nowhere.length > 0 || (unknown.length > 0 && unknown.length === all.length)) {
      const f = (nowhere[0] ?? unknown[0])?.f ?? '';
      if (ALL_ACTION_KEYS.has(f) || RULE_LEVEL_KEYS.has(f)) fail(entry, `'${f}' cannot be used ${level === 'top' ? 'here' : `inside '${level}'`}`);
      else if (nowhere.length > 0) fail(entry, `unsupported: '${f}' is not a check AutoModerator or creator-desk knows${level !== 'top' ? ` inside '${level}'` : ''}${didYouMean(f, knownKeys(level, kinds))}`);
      else fail(entry, `'${f}' cannot be used on ${kindList.join('/')} items${level !== 'top' ? ` inside '${level}'` : ''}`);
      continue;
    }
    // In a joined check, fields the item type lacks are left out (`title+body` on `type: comment`).
    const resolved = all.filter((r) => !unknown.includes(r));
    for (const r of resolved) {
      if (!r.declared && kinds.list.length > 0 && !genericWarned.has(r.f)) {
        genericWarned.add(r.f);
        report(entry, 'warning', `'${r.f}' is not a declared field of ${kindList.join('/') || 'this item'}: checked as the item's own '${r.f}' field`, { undeclaredField: r.f });
      }
    }
    const firstSpec = resolved[0]?.spec;
    if (!firstSpec) continue;
    // A joined check searches the fields that exist on the item (`title+body` on a comment searches body).
    let allowed = [...new Set(resolved.flatMap((r) => r.kinds))];
    if (explicitType && ck.fields.length > 1 && level === 'top') {
      // Only a field the rule never searches (on none of its item types) is worth a warning.
      const missing = all.filter((r) => !kindList.some((k) => r.kinds.includes(k))).map((r) => r.f);
      if (missing.length > 0 && missing.length < all.length) {
        report(entry, 'warning', `${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist on ${kindList.join('/')} items: only ${all.filter((r) => !missing.includes(r.f)).map((r) => r.f).join(', ')} ${all.length - missing.length === 1 ? 'is' : 'are'} searched`);
      }
    }
    if (kinds.generic && kinds.list.length === 0) allowed = [];
    if (firstSpec.type === 'search') {
      if (resolved.some((r) => r.spec.type !== 'search')) {
        fail(entry, `'${key}': only search fields can be joined with +`);
        continue;
      }
      const defaultMethod = firstSpec.method;
      pendingChecks.push({ entry, allowed, build: () => builder.searchCheck(entry, ck, defaultMethod, value) });
    } else {
      if (ck.fields.length > 1) {
        fail(entry, `'${key}': '${field0}' is not a search check and cannot be joined with +`);
        continue;
      }
      pendingChecks.push({ entry, allowed, build: () => builder.otherCheck(entry, field0, ck.negate, ck.modifiers.length > 0 || ck.id !== undefined && false, firstSpec, value) });
    }
  }

  // Narrow the kinds (`type: any` silently drops the kind a check cannot apply to, as AutoModerator does).
  if (level === 'top' && !(kinds.generic && kinds.list.length === 0)) {
    const all = [...pendingChecks.map((p) => ({ entry: p.entry, allowed: p.allowed, what: `check '${p.entry.key}'` })), ...restrictions];
    for (const r of all) {
      const next = kindList.filter((k) => r.allowed.includes(k));
      if (next.length === 0) {
        const kindsText = kindList.join(' or ');
        fail(r.entry, explicitType || kinds.list.length === 1
          ? `${r.what} cannot be used on ${kindsText === '' ? 'this type' : kindsText === 'submission' ? 'submissions' : kindsText === 'comment' ? 'comments' : `${kindsText} items`}`
          : `${r.what} cannot be combined with the rest of this rule (no item type has all of them)`);
        continue;
      }
      kindList = next;
    }
  }
  for (const p of pendingChecks) {
    const c = p.build(kindList);
    if (c === undefined) ok = false;
    else checks.push(c);
  }
  if (typeof actions.report_reason === 'string' && actions.action_reason === undefined) actions.action_reason = actions.report_reason;
  delete actions.report_reason;
  return { condition: { checks, satisfyAnyThreshold: satisfyAny, groups }, actions: actions as GroupActions, kinds: kindList, ok };
}

/** Two conditions on one object, ANDed. */
function mergeConditions(a: Condition, b: Condition): Condition {
  const groups: Partial<Record<SubGroup, Condition>> = { ...a.groups };
  for (const [g, c] of Object.entries(b.groups) as [SubGroup, Condition][]) {
    const prev = groups[g];
    groups[g] = prev === undefined ? c : mergeConditions(prev, c);
  }
  return { checks: [...a.checks, ...b.checks], satisfyAnyThreshold: a.satisfyAnyThreshold || b.satisfyAnyThreshold, groups };
}

const FAILED = Symbol('failed');

function flair(value: PNode, report: Report): Flair | typeof FAILED {
  if (value.kind === 'scalar') return { text: value.value === null ? '' : pyStr(value.value) };
  if (value.kind === 'seq') {
    if (value.items.length > 3 || value.items.some((i) => i.kind !== 'scalar')) {
      report(value, 'error', 'set_flair: expected "text", [text, css_class] or {text, css_class, template_id}');
      return FAILED;
    }
    const [t, c, id] = value.items.map((i) => scalarText(i) ?? '');
    const out: Flair = { text: t ?? '', css_class: c ?? '' };
    if (id !== undefined && id !== '') out.template_id = id;
    return out;
  }
  const out: Flair = {};
  for (const e of value.entries) {
    const text = scalarText(e.value);
    if (e.key === 'text' || e.key === 'css_class' || e.key === 'template_id') out[e.key] = text ?? '';
    else {
      report(e, 'error', `set_flair: unknown key '${e.key}' (expected text, css_class, template_id)`);
      return FAILED;
    }
  }
  return out;
}

function parseAction(key: string, value: PNode, report: Report): unknown {
  const bad = (expected: string): typeof FAILED => {
    report(value, 'error', `${key}: expected ${expected}, got ${describe(value)}`);
    return FAILED;
  };
  const raw = value.kind === 'scalar' ? value.value : undefined;
  if ((TEXT_ACTIONS as readonly string[]).includes(key)) {
    if (value.kind !== 'scalar') return bad('text');
    const text = raw === null ? '' : pyStr(raw);
    validatePlaceholders(text, value, report, key);
    return text;
  }
  if ((BOOL_ACTIONS as readonly string[]).includes(key)) {
    return typeof raw === 'boolean' ? raw : bad('true or false');
  }
  switch (key) {
    case 'action': {
      const a = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
      if (a === 'approve' || a === 'remove' || a === 'spam' || a === 'filter' || a === 'report') return a;
      return bad('approve, remove, spam, filter or report');
    }
    case 'set_flair': {
      const f = flair(value, report);
      if (f !== FAILED) for (const t of [f.text, f.css_class, f.template_id]) if (t) validatePlaceholders(t, value, report, key);
      return f;
    }
    case 'set_sticky':
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= 4) return raw;
      return bad('true, false or a slot number 1-4');
    case 'set_suggested_sort': {
      const r = suggestedSortSchema.safeParse(typeof raw === 'string' ? raw.toLowerCase() : raw);
      return r.success ? r.data : bad('best, new, qa, top, controversial, hot, old, random or blank');
    }
    case 'set_post_crowd_control_level': {
      const v = typeof raw === 'string' ? raw.toUpperCase() : undefined;
      return v === 'OFF' || v === 'LENIENT' || v === 'MEDIUM' || v === 'STRICT' ? v : bad('OFF, LENIENT, MEDIUM or STRICT');
    }
    case 'mute':
      if (raw === true) return 3;
      if (raw === 3 || raw === 7 || raw === 28) return raw;
      return bad('3, 7 or 28 (days) or true');
    case 'escalate':
      return objectAction(key, value, 'team', ['reason'], report);
    case 'add_modnote':
      return objectAction(key, value, 'note', ['label'], report);
    case 'strike':
      return objectAction(key, value, 'reason', [], report);
    default:
      return bad('a known action value');
  }
}

const MODNOTE_LABELS = new Set(['BOT_BAN', 'PERMA_BAN', 'BAN', 'ABUSE_WARNING', 'SPAM_WARNING', 'SPAM_WATCH', 'SOLID_CONTRIBUTOR', 'HELPFUL_USER']);

function objectAction(key: string, value: PNode, main: string, optional: string[], report: Report): unknown {
  if (value.kind === 'scalar' && value.value !== null) return { [main]: pyStr(value.value) };
  if (value.kind !== 'map') {
    report(value, 'error', `${key}: expected text or {${[main, ...optional].join(', ')}}`);
    return FAILED;
  }
  const out: Record<string, string> = {};
  for (const e of value.entries) {
    const text = scalarText(e.value);
    if ((e.key === main || optional.includes(e.key)) && text !== undefined) {
      out[e.key] = text;
      validatePlaceholders(text, e.value, report, `${key}.${e.key}`);
    } else {
      report(e, 'error', `${key}: unknown or empty key '${e.key}' (expected ${[main, ...optional].join(', ')})`);
      return FAILED;
    }
  }
  if (out[main] === undefined) {
    report(value, 'error', `${key}: '${main}' is required`);
    return FAILED;
  }
  if (key === 'add_modnote' && out.label !== undefined && !MODNOTE_LABELS.has(out.label.toUpperCase())) {
    report(value, 'error', `add_modnote: unknown label '${out.label}' (expected one of ${[...MODNOTE_LABELS].join(', ')})`);
    return FAILED;
  }
  if (key === 'add_modnote' && out.label !== undefined) out.label = out.label.toUpperCase();
  return out;
}

function validatePlaceholders(text: string, at: PNode, report: Report, key: string): void {
  for (const d of validateTemplate(text, (n) => PLACEHOLDER_NAMES.has(n) || isMatchPlaceholder(n))) {
    if (d.severity === 'error') {
      report(at, 'warning', `${key}: ${d.message.replace('unknown placeholder', 'unknown placeholder')} — it is left as written`);
    }
  }
}

export interface BuildOptions {
  index: number;
  source?: string;
  line: number;
  column: number;
  name?: string;
}

/** Builds one rule from a YAML mapping; undefined when it has an error (all of them reported). */
export function buildRule(map: PNode & { kind: 'map' }, opts: BuildOptions, report: Report): Rule | undefined {
  let ok = true;
  const fail = (pos: Pos, msg: string): void => {
    report(pos, 'error', msg);
    ok = false;
  };
  const get = (k: string): PEntry | undefined => map.entries.find((e) => e.key.trim() === k);
  // type
  let type: RuleType = 'any';
  const typeEntry = get('type');
  if (typeEntry) {
    const t = scalarText(typeEntry.value)?.trim().toLowerCase().replace(/\s+/g, ' ');
    if (t !== undefined && TYPE_KINDS[t] !== undefined) type = t as RuleType;
    else fail(typeEntry.value, `type: expected one of ${Object.keys(TYPE_KINDS).join(', ')}, got ${describe(typeEntry.value)}`);
  }
  const kindsList = TYPE_KINDS[type] ?? ['submission', 'comment'];
  const kinds: Kinds = { list: [...kindsList], generic: kindsList.some((k) => QUEUE_KINDS.has(k)) };
  // priority
  let priority = 0;
  const prio = get('priority');
  if (prio) {
    const raw = prio.value.kind === 'scalar' ? prio.value.value : undefined;
    if (typeof raw === 'number' && Number.isInteger(raw)) priority = raw;
    else if (typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) && !kinds.generic) priority = Number(raw);
    else if (!kinds.generic) fail(prio.value, `priority: expected a whole number (higher runs first), got ${describe(prio.value)}`);
  }
  let moderatorsExempt: boolean | undefined;
  const me = get('moderators_exempt');
  if (me) {
    const raw = me.value.kind === 'scalar' ? me.value.value : undefined;
    if (typeof raw === 'boolean') moderatorsExempt = raw;
    else fail(me.value, 'moderators_exempt: expected true or false');
  }
  let ignoreBlockquotes = false;
  const ib = get('ignore_blockquotes');
  if (ib) {
    const raw = ib.value.kind === 'scalar' ? ib.value.value : undefined;
    if (typeof raw === 'boolean') ignoreBlockquotes = raw;
    else fail(ib.value, 'ignore_blockquotes: expected true or false');
  }
  let name = opts.name;
  const nameEntry = get('name');
  if (nameEntry) {
    const t = scalarText(nameEntry.value);
    if (t === undefined) fail(nameEntry.value, 'name: expected text');
    else name = t;
  }
  // standard conditions merge under the rule's own keys.
  let entries = map.entries;
  const std = get('standard');
  if (std) {
    const sname = scalarText(std.value)?.trim().toLowerCase();
    const def = sname === undefined ? undefined : STANDARD_CONDITIONS[sname];
    if (!def) {
      fail(std.value, `standard: unknown standard condition ${describe(std.value)} (known: ${Object.keys(STANDARD_CONDITIONS).join(', ')})`);
    } else if (!entries.some((e) => e.key === def.key)) {
      entries = [
        { key: def.key, value: fromPlain(def.values, { line: std.line, column: std.column }), line: std.line, column: std.column },
        ...entries,
      ];
    }
  }
  const builder = new Builder(report);
  const target = buildTarget(entries.filter((e) => e !== std), kinds, 'top', builder, report, typeEntry !== undefined, 'rule');
  if (!target.ok) ok = false;
  // Extensions: schedule checks.
  const tzEntry = get('time_zone');
  // Without `time_zone` the check follows the evaluation's default zone (the installation's), not UTC.
  let zone: { timeZone?: string } = {};
  if (tzEntry) {
    const tz = scalarText(tzEntry.value);
    if (tz === undefined || !isValidTimeZone(tz)) fail(tzEntry.value, `time_zone: ${describe(tzEntry.value)} is not an IANA time zone (e.g. America/New_York)`);
    else zone = { timeZone: tz };
  }
  const dow = get('day_of_week');
  if (dow) {
    const list = dow.value.kind === 'seq' ? dow.value.items : [dow.value];
    const days: number[] = [];
    for (const d of list) {
      const n = DAYS[(scalarText(d) ?? '').trim().toLowerCase()];
      if (n === undefined) fail(d, `day_of_week: ${describe(d)} is not a day (mon, tue, … sun)`);
      else days.push(n);
    }
    target.condition.checks.push({ kind: 'day_of_week', key: 'day_of_week', days, ...zone, line: dow.line, column: dow.column });
  }
  const tod = get('time_of_day');
  if (tod) {
    const m = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(scalarText(tod.value) ?? '');
    const from = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
    const to = m ? Number(m[3]) * 60 + Number(m[4]) : NaN;
    if (!m || from > 1440 || to > 1440 || Number(m[2]) > 59 || Number(m[4]) > 59) fail(tod.value, `time_of_day: expected 'HH:MM-HH:MM', got ${describe(tod.value)}`);
    else target.condition.checks.push({ kind: 'time_of_day', key: 'time_of_day', from, to, ...zone, line: tod.line, column: tod.column });
  }
  const ev = get('event');
  const eventCheck = ev ? buildEventCheck(ev.value, ev, fail) : undefined;
  if (eventCheck) target.condition.checks.push(eventCheck);
  // AutoModerator ignores a rule without checks or without actions; say so instead of silently dropping it.
  const actions = target.actions as RuleActions;
  const loose = actions as Record<string, unknown>;
  // `report_reason` is an alias; `action_reason` wins when both are given (as in AutoModerator).
  if (typeof loose.report_reason === 'string' && actions.action_reason === undefined) actions.action_reason = loose.report_reason;
  delete loose.report_reason;
  if (!ok) return undefined;
  // `type` is a check, except `type: any` (AutoModerator keeps an `any` rule only if it checks something).
  const onlyType = countChecks(target.condition) === 0;
  const hasChecks = !onlyType || (typeEntry !== undefined && type !== 'any');
  if (!hasChecks) {
    report(opts, 'warning', 'rule has no checks: AutoModerator ignores it, and so does creator-desk');
    return undefined;
  }
  if (onlyType && typeEntry !== undefined && actions.action !== undefined && (removalActions as readonly string[]).includes(actions.action)) {
    const what = type === 'comment' ? 'comment' : type === 'submission' ? 'post' : type.replace(' submission', ' post');
    const mods = moderatorsExempt === false ? ', moderators included' : moderatorsExempt === true ? '' : ' (moderators excepted)';
    report(typeEntry, 'warning', `the only check of this rule is 'type: ${type}': it will ${actions.action} every ${what}${mods}`);
  }
  if (Object.keys(actions).length === 0) {
    report(opts, 'warning', 'rule has no actions: AutoModerator ignores it, and so does creator-desk');
    return undefined;
  }
  const rule: Rule = {
    index: opts.index,
    line: opts.line,
    column: opts.column,
    type,
    priority,
    ignoreBlockquotes,
    condition: target.condition,
    actions,
    appliesTo: target.kinds,
  };
  if (opts.source !== undefined) rule.source = opts.source;
  if (name !== undefined) rule.name = name;
  if (moderatorsExempt !== undefined) rule.moderatorsExempt = moderatorsExempt;
  return rule;
}

function countChecks(c: Condition): number {
  return c.checks.length + Object.values(c.groups).reduce((n, g) => n + (g ? countChecks(g) : 0), 0);
}

/** Builds a condition (checks only, no actions) for `compileCondition`. */
export function buildCondition(map: PNode & { kind: 'map' }, type: string | undefined, report: Report): { condition: Condition; kinds: TargetKind[] } | undefined {
  const list = type === undefined ? [] : TYPE_KINDS[type.toLowerCase()];
  const kinds: Kinds = list === undefined
    ? { list: [], generic: true }
    : { list: [...list], generic: type === undefined || list.some((k) => QUEUE_KINDS.has(k)) };
  const builder = new Builder(report);
  const t = buildTarget(map.entries, kinds, 'top', builder, report, type !== undefined, 'condition');
  return t.ok ? { condition: t.condition, kinds: t.kinds } : undefined;
}

export { removalActions };
