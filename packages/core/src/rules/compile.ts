/**
 * Compiling normalised rules into fast closures, and evaluating them over items in AutoModerator order.
 */
import { isValidTimeZone } from '../calendar/index.js';
import type { ScheduledEvent } from '../events/compile-event.js';
import { buildCondition } from './build-rule.js';
import { evaluateEventCheck } from './event-check.js';
import { FIELDS, QUEUE_KINDS, type TargetKind } from './fields.js';
import type { Facts, Item } from './item.js';
import {
  evaluationTime,
  itemKind,
  numberOf,
  searchText,
  SKIP,
  submissionType,
  zonedClock,
  type Obj,
} from './item-access.js';
import { fromPlain } from './pnode.js';
import { subGroupNames, type Check, type Condition, type Diagnostic, type Flair, type Rule, type RuleActions, type SearchCheck, type SubGroup } from './schema.js';
import { compare } from './thresholds.js';
import { SubstringIndex } from './substring-index.js';
import { searchRegex, type SearchRegex } from './regex-engine.js';

/** One matched search check: `groups[1]` is the matched value, `groups[2…]` the regex's own groups. */
export interface CheckMatch {
  check: string;
  field: string;
  groups: string[];
  /** Index of the check in its rule (matches are reported in check order). */
  position: number;
}

/** One check's outcome in `explain`. */
export interface CheckTrace {
  key: string;
  /** `''` for the item itself, else the sub-group (`author`, `parent_submission` …). */
  group: string;
  line: number;
  column: number;
  passed: boolean;
  skipped?: boolean;
  detail: string;
}

export interface EvalContext {
  item: Item;
  kind: TargetKind | undefined;
  nowMs: number | undefined;
  subreddit: string | undefined;
  /** Zone of schedule checks that name none. */
  timeZone: string;
  /** The events in force by id (facts.events), for `event:` checks. */
  events: ReadonlyMap<string, ScheduledEvent> | undefined;
  ignoreBlockquotes: boolean;
  matches: CheckMatch[] | undefined;
  trace: CheckTrace[] | undefined;
  /** Search checks that looked at at least one field (AutoModerator fails a rule whose every field was skipped). */
  searched: number;
  skipped: number;
  /** Sub-group objects of the item (null: the item has none), shared by all rules. */
  groupTargets: Partial<Record<SubGroup, Obj | null>>;
  /** Field texts of the item by field slot, shared by all rules evaluated on it. */
  cache: (FieldText | undefined)[];
}

/** A field's text with lazily built lookup forms for the literal fast paths. */
interface FieldText {
  value: string | string[] | typeof SKIP;
  /** The cache slot it lives in (field and blockquote mode); undefined when not cached. */
  slot?: number;
  /** Lower-cased ASCII word tokens; null when the text is not pure ASCII (the regex decides then). */
  tokens?: Set<string> | null;
  /** Lower-cased text when pure ASCII, else null. */
  lower?: string | null;
  /** Literal-index marks, null when the text is not pure ASCII. */
  subMarks?: Uint8Array | null;
  subMarksFor?: SubstringIndex;
}

function subMarksOf(ft: FieldText, index: SubstringIndex): Uint8Array | null {
  if (ft.subMarksFor !== index) {
    // The index folds case itself and answers null on non-ASCII text. One item's field texts are the
    // only ones in use at a time (a context lives for one item), so each slot reuses one buffer.
    ft.subMarks = typeof ft.value === 'string' ? index.mark(ft.value, ft.slot) : null;
    ft.subMarksFor = index;
  }
  return ft.subMarks ?? null;
}

// eslint-disable-next-line no-control-regex -- "is this text pure ASCII"
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_WORD = /^[A-Za-z0-9_]+$/;
const ASCII_LITERAL = /^[\x20-\x7e]+$/;

const slotOf = new Map<string, number>();
/** A small integer per field name, so per-item field texts live in an array. */
function fieldSlot(field: string): number {
  let slot = slotOf.get(field);
  if (slot === undefined) {
    slot = slotOf.size;
    slotOf.set(field, slot);
  }
  return slot;
}

function isAsciiWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);
}

/** Leftmost index of `word` as a whole word in lower-case ASCII text, or -1. */
function wholeWordAt(lower: string, word: string): number {
  for (let i = lower.indexOf(word); i !== -1; i = lower.indexOf(word, i + 1)) {
    const end = i + word.length;
    if ((i === 0 || !isAsciiWordCode(lower.charCodeAt(i - 1))) && (end >= lower.length || !isAsciiWordCode(lower.charCodeAt(end)))) return i;
  }
  return -1;
}

/** The leftmost of `literals` found by `at` (an index or -1), as a regex's exec would give it: [match, group 1]. */
function leftmostOf(text: string, literals: readonly string[], at: (literal: string) => number): string[] | null {
  let best = -1;
  let len = 0;
  for (const l of literals) {
    const i = at(l);
    if (i !== -1 && (best === -1 || i < best)) {
      best = i;
      len = l.length;
    }
  }
  if (best === -1) return null;
  const g = text.slice(best, best + len);
  return [g, g];
}

function lowerAscii(ft: FieldText): string | null {
  if (ft.lower === undefined) ft.lower = typeof ft.value === 'string' && ASCII.test(ft.value) ? ft.value.toLowerCase() : null;
  return ft.lower;
}

function tokensOf(ft: FieldText): Set<string> | null {
  if (ft.tokens === undefined) {
    const lower = lowerAscii(ft);
    ft.tokens = lower === null ? null : new Set(lower.match(/[a-z0-9_]+/g) ?? []);
  }
  return ft.tokens;
}

type TargetTest = (target: Obj, ctx: EvalContext, group: string) => boolean;
/** A quick "this fails" from the literal index, without the check's bookkeeping (false: run the check). */
type Rejects = (ctx: EvalContext) => boolean;

function quote(s: string, max = 60): string {
  const t = s.length > max ? `${s.slice(0, max)}…` : s;
  return JSON.stringify(t);
}

function compileSearch(check: SearchCheck, kind: TargetKind | 'item', recordMatches: boolean, position: number, subIndex: SubstringIndex | undefined): TargetTest & { rejects?: Rejects } {
  // Built on first use: literal lookups settle most items without them, and a Unicode-aware pattern
  // costs tens of microseconds to construct.
  let reCache: SearchRegex | undefined;
  let preCache: RegExp | undefined;
  const regex = (): SearchRegex => (reCache ??= searchRegex(check));
  const required = check.required;
  const prefilter = required === undefined ? undefined : required.map((r) => r.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|');
  const pre = (): RegExp => (preCache ??= new RegExp(prefilter ?? '', check.flags));
  // On pure-ASCII text a case-insensitive pre-check is a plain substring search on the lower-cased text.
  const requiredLower = required !== undefined && check.flags.includes('i') && required.every((r) => ASCII_LITERAL.test(r))
    ? required.map((r) => r.toLowerCase())
    : undefined;
  /** False when none of the required literals occurs in the field (then the regex cannot match). */
  const requiredId = requiredLower !== undefined && subIndex !== undefined ? subIndex.register(requiredLower) : undefined;
  const mayMatch = (ft: FieldText, text: string): boolean => {
    if (requiredId !== undefined && subIndex !== undefined) {
      const marks = subMarksOf(ft, subIndex);
      if (marks !== null) return marks[requiredId] === 1;
    }
    if (requiredLower !== undefined) {
      const lower = lowerAscii(ft);
      if (lower !== null) {
        for (const r of requiredLower) if (lower.includes(r)) return true;
        return false;
      }
    }
    return prefilter === undefined || pre().test(text);
  };
  const { negate } = check;
  // A joined check only searches the fields the item's kind has (`title+body` on a comment: body).
  const byKind = new Map<TargetKind, string[]>();
  for (const k of Object.keys(FIELDS) as TargetKind[]) {
    if (QUEUE_KINDS.has(k)) continue;
    byKind.set(k, check.fields.filter((f) => FIELDS[k][f] !== undefined));
  }
  // Literal fast paths (same answers as the regex on pure-ASCII text): whole-word values become a token
  // lookup, `includes` values a substring search. Anything else, and any non-ASCII text, uses the regex.
  const literal = !check.regex && !check.caseSensitive && check.values.length > 0;
  const words = literal && (check.method === 'includes-word' || check.method === 'domain') && check.values.every((v) => ASCII_WORD.test(v))
    ? [...new Set(check.values.map((v) => v.toLowerCase()))]
    : undefined;
  // For every literal method, one of the values must occur as a substring: a quick "no".
  const needles = literal && words === undefined && check.values.every((v) => ASCII_LITERAL.test(v))
    ? check.values.map((v) => v.toLowerCase())
    : undefined;
  const needlesDecide = check.method === 'includes';
  interface FieldPlan { field: string; slot: number }
  const planFor = (fields: readonly string[]): FieldPlan[] => fields.map((field) => ({ field, slot: fieldSlot(field) * 2 }));
  const allFields = planFor(check.fields);
  // The fields each item kind has, resolved once (a joined check searches only those).
  const plans: Partial<Record<TargetKind, FieldPlan[]>> = {};
  for (const [k, fs] of byKind) plans[k] = planFor(fs);
  // Posts and comments are nearly every item: their plans without a keyed lookup.
  const submissionPlan = plans.submission ?? allFields;
  const commentPlan = plans.comment ?? allFields;
  const fieldsFor = (kind: TargetKind | undefined): FieldPlan[] =>
    kind === 'submission' ? submissionPlan : kind === 'comment' ? commentPlan : (kind !== undefined ? plans[kind] : undefined) ?? allFields;
  const textOf = (target: Obj, plan: FieldPlan, ctx: EvalContext): FieldText => {
    const field = plan.field;
    if (!recordMatches) return { value: searchText(target, field, kind, ctx.ignoreBlockquotes, ctx.subreddit) };
    const slot = plan.slot + (ctx.ignoreBlockquotes ? 1 : 0);
    let ft = ctx.cache[slot];
    if (ft === undefined) {
      ft = { value: searchText(target, field, ctx.kind ?? kind, ctx.ignoreBlockquotes, ctx.subreddit), slot };
      ctx.cache[slot] = ft;
    }
    return ft;
  };
  const wordId = words !== undefined && subIndex !== undefined ? subIndex.register(words, true) : undefined;
  const needleId = needles !== undefined && subIndex !== undefined ? subIndex.register(needles) : undefined;
  const hit = (ft: FieldText): boolean | undefined => {
    if (typeof ft.value !== 'string') return undefined;
    if (wordId !== undefined && subIndex !== undefined) {
      const marks = subMarksOf(ft, subIndex);
      if (marks !== null) return marks[wordId] === 1;
    }
    if (words) {
      const tokens = tokensOf(ft);
      if (tokens === null) return undefined;
      for (const w of words) if (tokens.has(w)) return true;
      return false;
    }
    if (needles) {
      if (needleId !== undefined && subIndex !== undefined) {
        const marks = subMarksOf(ft, subIndex);
        if (marks !== null) return marks[needleId] === 1 ? (needlesDecide ? true : undefined) : false;
      }
      const lower = lowerAscii(ft);
      if (lower === null) return undefined;
      for (const n of needles) if (lower.includes(n)) return needlesDecide ? true : undefined;
      return false;
    }
    return undefined;
  };
  /** What the regex's exec would give (group 0 and 1) for a literal check known to match. */
  const literalMatch = (text: string, lower: string): string[] | null => {
    if (words !== undefined) return leftmostOf(text, words, (w) => wholeWordAt(lower, w));
    if (needles !== undefined && needlesDecide) return leftmostOf(text, needles, (n) => lower.indexOf(n));
    return null;
  };
  /**
   * "This check fails on the item", read from the literal index alone, or false when that takes the full
   * check: every field the item has is ASCII text that holds none of the check's literals.
   */
  const indexId = wordId ?? needleId ?? requiredId;
  const rejects = negate || subIndex === undefined || indexId === undefined || !recordMatches
    ? undefined
    : (ctx: EvalContext): boolean => {
      const fields = fieldsFor(ctx.kind);
      let looked = false;
      for (let i = 0; i < fields.length; i++) {
        const ft = textOf(ctx.item as Obj, fields[i] as FieldPlan, ctx);
        if (ft.value === SKIP) continue;
        if (typeof ft.value !== 'string') return false;
        const marks = subMarksOf(ft, subIndex);
        if (marks === null || marks[indexId] === 1) return false;
        looked = true;
      }
      return looked;
    };
  const general: TargetTest = (target, ctx, group) => {
    let found: ArrayLike<string | undefined> | null = null;
    let foundField = '';
    let looked = false;
    const fields = recordMatches ? fieldsFor(ctx.kind) : allFields;
    for (let i = 0; i < fields.length; i++) {
      const plan = fields[i] as FieldPlan;
      const field = plan.field;
      const ft = textOf(target, plan, ctx);
      const text = ft.value;
      if (text === SKIP) continue;
      looked = true;
      const fast = hit(ft);
      if (fast === false) continue;
      if (fast === true && typeof text === 'string') {
        // A literal hit on ASCII text: the leftmost match, found without the regex.
        found = literalMatch(text, lowerAscii(ft) ?? '');
        if (found) {
          foundField = field;
          break;
        }
      }
      if (typeof text === 'string') {
        if (fast === undefined && !mayMatch(ft, text)) continue;
        found = regex().exec(text);
      } else {
        for (const t of text) {
          if (prefilter !== undefined && !pre().test(t)) continue;
          found = regex().exec(t);
          if (found) break;
        }
      }
      if (found) {
        foundField = field;
        break;
      }
    }
    if (!looked) {
      ctx.skipped++;
      ctx.trace?.push({ key: check.key, group, line: check.line, column: check.column, passed: true, skipped: true, detail: `skipped: ${check.fields.join(', ')} not checked on this item` });
      return true;
    }
    ctx.searched++;
    const passed = negate ? found === null : found !== null;
    if (found && !negate && recordMatches && ctx.matches) {
      const groups: string[] = [];
      for (let g = 0; g < found.length; g++) groups.push(found[g] ?? '');
      ctx.matches.push({ check: check.name, field: foundField, groups, position });
    }
    if (ctx.trace) {
      const detail = found
        ? `${foundField} contains ${quote(found[1] ?? found[0] ?? '')}${negate ? ' (negated check: fails)' : ''}`
        : `${fields.map((f) => f.field).join('+')}: none of ${check.values.length} value${check.values.length === 1 ? '' : 's'} found (${check.method}${check.regex ? ', regex' : ''}${check.caseSensitive ? ', case-sensitive' : ''})${negate ? ' (negated check: passes)' : ''}`;
      ctx.trace.push({ key: check.key, group, line: check.line, column: check.column, passed, detail });
    }
    return passed;
  };
  return rejects === undefined ? general : Object.assign(general, { rejects });
}

function compileCheck(check: Check, kind: TargetKind | 'item', recordMatches: boolean, position: number, subIndex?: SubstringIndex): TargetTest & { rejects?: Rejects } {
  switch (check.kind) {
    case 'search':
      return compileSearch(check, kind, recordMatches, position, subIndex);
    case 'threshold':
    case 'compare': {
      const { field, op, value } = check;
      const bodyLength = check.kind === 'compare' && field === 'body';
      return (target, ctx, group) => {
        if (bodyLength && ctx.kind === 'submission' && target === ctx.item && (typeof target.body !== 'string' || target.body === '') && submissionType(target) !== 'text') {
          // AutoModerator checks a body's length only on items that have a body: a link post without one passes.
          ctx.trace?.push({ key: check.key, group, line: check.line, column: check.column, passed: true, skipped: true, detail: 'skipped: this link post has no body' });
          return true;
        }
        const actual = numberOf(target, field, ctx.nowMs, ctx.ignoreBlockquotes);
        const passed = actual !== undefined && compare(actual, op, value);
        ctx.trace?.push({
          key: check.key, group, line: check.line, column: check.column, passed,
          detail: actual === undefined ? `${field} is unknown for this item` : `${field} is ${Math.round(actual * 100) / 100}, needs ${op} ${Math.round(value * 1000) / 1000}`,
        });
        return passed;
      };
    }
    case 'boolean': {
      const { field, value } = check;
      // AutoModerator counts a submission's own author as its submitter.
      const submitterDefault = field === 'is_submitter';
      return (target, ctx, group) => {
        const actual = submitterDefault && target[field] === undefined && ctx.kind === 'submission' ? true : target[field] === true;
        const passed = actual === value;
        ctx.trace?.push({ key: check.key, group, line: check.line, column: check.column, passed, detail: `${field} is ${actual}, needs ${value}` });
        return passed;
      };
    }
    case 'equals': {
      const { field, values, negate } = check;
      return (target, ctx, group) => {
        const raw = target[field];
        const actual = raw === undefined || raw === null ? null : String(raw).toLowerCase();
        const passed = values.includes(actual) !== negate;
        ctx.trace?.push({ key: check.key, group, line: check.line, column: check.column, passed, detail: `${field} is ${actual ?? 'null'}` });
        return passed;
      };
    }
    case 'event':
      return (_target, ctx, group) => {
        const { passed, detail } = evaluateEventCheck(check, ctx.nowMs, ctx.events);
        ctx.trace?.push({ key: check.key, group, line: check.line, column: check.column, passed, detail });
        return passed;
      };
    case 'day_of_week':
    case 'time_of_day': {
      return (_target, ctx, group) => {
        let passed = false;
        let detail = 'no evaluation time (give facts.now or the item\'s created time)';
        if (ctx.nowMs !== undefined) {
          const timeZone = check.timeZone ?? ctx.timeZone;
          const { day, minutes } = zonedClock(ctx.nowMs, timeZone);
          if (check.kind === 'day_of_week') {
            passed = check.days.includes(day);
            detail = `it is ${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][day]} in ${timeZone}`;
          } else {
            passed = check.from <= check.to ? minutes >= check.from && minutes < check.to : minutes >= check.from || minutes < check.to;
            detail = `it is ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')} in ${timeZone}`;
          }
        }
        ctx.trace?.push({ key: check.key, group, line: check.line, column: check.column, passed, detail });
        return passed;
      };
    }
  }
}

const GROUP_TARGET_KIND: Record<SubGroup, TargetKind> = {
  author: 'user',
  crosspost_author: 'user',
  parent_submission: 'submission',
  crosspost_subreddit: 'subreddit',
  subreddit: 'subreddit',
};

function groupTarget(item: Item, group: SubGroup, ctx: EvalContext): Obj | undefined {
  switch (group) {
    case 'author':
      return (item.author as Obj | undefined) ?? {};
    case 'parent_submission':
      return item.parent_submission as Obj | undefined;
    case 'crosspost_author':
      return item.crosspost_author as Obj | undefined;
    case 'crosspost_subreddit':
      return item.crosspost_subreddit as Obj | undefined;
    case 'subreddit':
      return (item.subreddit_info as Obj | undefined) ?? { name: ctx.subreddit ?? item.subreddit };
  }
}

/** One step of a flattened rule: a check (or a sub-group's presence, or its thresholds) on its target. */
interface Step {
  cost: number;
  order: number;
  run: (ctx: EvalContext) => boolean;
  rejects?: Rejects;
}

/** The sub-group's object for this item, looked up once per item. */
function cachedGroupTarget(ctx: EvalContext, group: SubGroup): Obj | undefined {
  let t = ctx.groupTargets[group];
  if (t === undefined) {
    t = groupTarget(ctx.item, group, ctx) ?? null;
    ctx.groupTargets[group] = t;
  }
  return t ?? undefined;
}

/**
 * Flattens a rule's checks, from the item and every sub-group, into one list ordered cheapest first —
 * all checks are ANDed, so the order changes nothing but the time a failing rule takes.
 */
function flattenRule(cond: Condition, kind: TargetKind | 'item', subIndex: SubstringIndex): Step[] {
  const steps: Step[] = [];
  let order = 0;
  const addTarget = (c: Condition, group: SubGroup | undefined, k: TargetKind | 'item'): void => {
    const name = group ?? '';
    const top = group === undefined;
    const resolve = top ? (ctx: EvalContext) => ctx.item as Obj : (ctx: EvalContext) => cachedGroupTarget(ctx, group) ?? {};
    if (!top) {
      steps.push({
        cost: -1,
        order: order++,
        run: (ctx) => {
          if (cachedGroupTarget(ctx, group) !== undefined) return true;
          ctx.trace?.push({ key: group, group, line: 1, column: 1, passed: false, detail: `the item has no ${group}` });
          return false;
        },
      });
    }
    const thresholds: TargetTest[] = [];
    c.checks.forEach((check, position) => {
      const t = compileCheck(check, k, top, position, top ? subIndex : undefined);
      if (check.kind === 'threshold') {
        thresholds.push(t);
        return;
      }
      const step: Step = { cost: checkCost(check), order: order++, run: (ctx) => t(resolve(ctx), ctx, name) };
      if (t.rejects !== undefined) step.rejects = t.rejects;
      steps.push(step);
    });
    if (thresholds.length > 0) {
      const any = c.satisfyAnyThreshold;
      steps.push({
        cost: 0.5,
        order: order++,
        run: (ctx) => {
          const target = resolve(ctx);
          const full = ctx.trace !== undefined;
          let passedAny = false;
          let passedAll = true;
          for (const t of thresholds) {
            if (t(target, ctx, name)) {
              passedAny = true;
              if (any && !full) return true;
            } else {
              passedAll = false;
              if (!any && !full) return false;
            }
          }
          return any ? passedAny : passedAll;
        },
      });
    }
    for (const [g, sub] of Object.entries(c.groups) as [SubGroup, Condition][]) addTarget(sub, g, GROUP_TARGET_KIND[g]);
  };
  addTarget(cond, undefined, kind);
  return steps.sort((a, b) => a.cost - b.cost || a.order - b.order);
}

function runSteps(steps: readonly Step[], ctx: EvalContext): boolean {
  const full = ctx.trace !== undefined;
  let ok = true;
  for (let i = 0; i < steps.length; i++) {
    if (!(steps[i] as Step).run(ctx)) {
      ok = false;
      if (!full) return false;
    }
  }
  // AutoModerator fails a rule whose every searched field was skipped on this item.
  if (ctx.skipped > 0 && ctx.searched === 0) return false;
  return ok;
}

/** Rough cost of a check, so cheap checks can short-circuit expensive ones (all checks are ANDed). */
function checkCost(c: Check): number {
  if (c.kind !== 'search') return 0;
  const literal = !c.regex && !c.caseSensitive;
  const short = c.fields.every((f) => f === 'id' || f === 'domain' || f.startsWith('flair_') || f === 'name' || f === 'status');
  return (literal ? 1 : 3) + (short ? 0 : 2);
}

/** Compiles the checks of one target; the item's own target records `{{match}}` groups. */
function compileConditionTree(cond: Condition, kind: TargetKind | 'item', top: boolean): (target: Obj, ctx: EvalContext, group: string) => boolean {
  const thresholds: TargetTest[] = [];
  const others: { test: TargetTest; cost: number; position: number }[] = [];
  cond.checks.forEach((c, position) => {
    const t = compileCheck(c, kind, top, position);
    if (c.kind === 'threshold') thresholds.push(t);
    else others.push({ test: t, cost: checkCost(c), position });
  });
  // Cheap checks first; the result is the same (AND), and {{match}} order is restored from `position`.
  const cheap = others.filter((o) => o.cost === 0).map((o) => o.test);
  const costly = others.filter((o) => o.cost > 0).sort((a, b) => a.cost - b.cost || a.position - b.position).map((o) => o.test);
  const any = cond.satisfyAnyThreshold;
  const groups = (Object.entries(cond.groups) as [SubGroup, Condition][]).map(([g, sub]) => ({
    g,
    test: compileConditionTree(sub, GROUP_TARGET_KIND[g], false),
  }));
  return (target, ctx, groupName) => {
    const full = ctx.trace !== undefined;
    let ok = true;
    for (const t of cheap) {
      if (!t(target, ctx, groupName)) {
        ok = false;
        if (!full) return false;
      }
    }
    if (thresholds.length > 0) {
      let passedAny = false;
      let passedAll = true;
      for (const t of thresholds) {
        if (t(target, ctx, groupName)) passedAny = true;
        else {
          passedAll = false;
          if (!any && !full) return false;
        }
        if (any && passedAny && !full) break;
      }
      if (any ? !passedAny : !passedAll) {
        ok = false;
        if (!full) return false;
      }
    }
    for (const { g, test } of groups) {
      const sub = groupTarget(ctx.item, g, ctx);
      if (sub === undefined) {
        ctx.trace?.push({ key: g, group: g, line: 1, column: 1, passed: false, detail: `the item has no ${g}` });
        ok = false;
        if (!full) return false;
        continue;
      }
      if (!test(sub, ctx, g)) {
        ok = false;
        if (!full) return false;
      }
    }
    for (const t of costly) {
      if (!t(target, ctx, groupName)) {
        ok = false;
        if (!full) return false;
      }
    }
    return ok;
  };
}

function defaultTimeZone(facts: Facts | undefined): string {
  const tz = facts?.timeZone;
  if (tz === undefined) return 'UTC';
  if (!isValidTimeZone(tz)) throw new RangeError(`facts.timeZone: "${tz}" is not an IANA time zone (e.g. America/New_York)`);
  return tz;
}

function newContext(item: Item, facts: Facts | undefined, ignoreBlockquotes: boolean, matches: boolean, trace: boolean): EvalContext {
  return {
    item,
    kind: itemKind(item),
    nowMs: evaluationTime(item, facts),
    subreddit: facts?.subreddit ?? (typeof item.subreddit === 'string' ? item.subreddit : undefined),
    timeZone: defaultTimeZone(facts),
    events: facts?.events ? new Map(facts.events.map((e) => [e.id, e])) : undefined,
    ignoreBlockquotes,
    matches: matches ? [] : undefined,
    trace: trace ? [] : undefined,
    searched: 0,
    skipped: 0,
    cache: [],
    groupTargets: {},
  };
}

/** Readies a per-item context for the next rule (field texts stay cached). */
function resetContext(ctx: EvalContext, ignoreBlockquotes: boolean, trace: boolean): EvalContext {
  ctx.ignoreBlockquotes = ignoreBlockquotes;
  // Reused across rules: a decision takes a copy.
  if (ctx.matches === undefined) ctx.matches = [];
  else if (ctx.matches.length !== 0) ctx.matches.length = 0;
  ctx.trace = trace ? [] : undefined;
  ctx.searched = 0;
  ctx.skipped = 0;
  return ctx;
}

const ITEM_FLAIR = ['flair_text', 'flair_css_class', 'flair_template_id'] as const;

/**
 * Points a per-item context at the item as an earlier rule changed it. Cached field texts stay unless
 * a searched field changed (flair); `reports` is read from the item on every check.
 */
function rebaseContext(ctx: EvalContext, item: Item): void {
  const prev = ctx.item;
  if (prev === item) return;
  ctx.item = item;
  if (ITEM_FLAIR.some((f) => prev[f] !== item[f])) ctx.cache = [];
  for (const g of subGroupNames) if ((prev as Obj)[g] !== (item as Obj)[g]) delete ctx.groupTargets[g];
}

/** Runs a compiled condition; AutoModerator fails a rule whose every searched field was skipped. */
function runTree(test: ReturnType<typeof compileConditionTree>, ctx: EvalContext): boolean {
  const ok = test(ctx.item as Obj, ctx, '');
  if (ctx.skipped > 0 && ctx.searched === 0) return false;
  return ok;
}

export interface CompiledCondition {
  test: (item: Item, facts?: Facts) => boolean;
  diagnostics: Diagnostic[];
}

/**
 * Compiles AutoModerator checks over one object, without actions — "does this item match" for SLA
 * policies and other `when:` blocks. Never throws: problems come back as diagnostics and the test
 * then matches nothing.
 */
export function compileCondition(
  checks: Record<string, unknown>,
  opts: { type?: string; source?: string; line?: number } = {},
): CompiledCondition {
  const diagnostics: Diagnostic[] = [];
  const pos = { line: opts.line ?? 1, column: 1 };
  const node = fromPlain(checks, pos);
  if (node.kind !== 'map') {
    diagnostics.push({ ...pos, severity: 'error', message: 'a condition must be a mapping of checks', ...(opts.source !== undefined ? { source: opts.source } : {}) });
    return { test: () => false, diagnostics };
  }
  let built: ReturnType<typeof buildCondition>;
  try {
    built = buildCondition(node, opts.type, (p, severity, message, extra) => {
      diagnostics.push({ line: p.line, column: p.column, severity, message, ...(opts.source !== undefined ? { source: opts.source } : {}), ...extra });
    });
  } catch (err) {
    diagnostics.push({ ...pos, severity: 'error', message: `internal error: ${(err as Error).message}` });
    built = undefined;
  }
  if (!built) return { test: () => false, diagnostics };
  const kinds = new Set(built.kinds);
  const treeKind: TargetKind | 'item' = built.kinds.length === 1 ? (built.kinds[0] ?? 'item') : 'item';
  const tree = compileConditionTree(built.condition, treeKind === 'item' && built.kinds.includes('submission') ? 'item' : treeKind, false);
  const typed = opts.type !== undefined;
  return {
    diagnostics,
    test: (item, facts) => {
      if (typed) {
        const k = itemKind(item);
        if (k === undefined || !kinds.has(k)) return false;
      }
      return runTree(tree, newContext(item, facts, false, false, false));
    },
  };
}

/** A rule ready to run. */
export interface CompiledRule {
  rule: Rule;
  removal: boolean;
  /** Whether moderators' items skip this rule. */
  exemptModerators: boolean;
  kinds: ReadonlySet<TargetKind>;
  /** For `type: text submission` and the like. */
  submissionType: string | undefined;
  /** The rule needs media data (see `needsMediaData`): AutoModerator then only applies it to items with media. */
  needsMedia: boolean;
  /** The rule checks a `crosspost_*` field or sub-group: it applies to crossposts only. */
  crosspostOnly: boolean;
  /** The rule checks `reports:` on the item / on the parent post (AutoModerator's approve then acts on a reported item). */
  checksReports: { item: boolean; parent: boolean };
  /** Whether firing the rule can change what later rules see (reports, flair). */
  changesState: boolean;
  test: (ctx: EvalContext) => boolean;
  /**
   * True when one of the rule's checks certainly fails on the item, read from the literal index alone
   * (most rules on most items): `test` would return false. Only for `evaluate` (no trace).
   */
  rejects: Rejects | undefined;
}

export interface CompiledRules {
  /** In evaluation order: removal rules first, then the rest; each by priority (higher first), then file order. */
  rules: CompiledRule[];
  /** The same order, only the rules that apply to each item kind. */
  byKind: Map<TargetKind, CompiledRule[]>;
}

const REMOVAL = new Set(['remove', 'spam', 'filter']);

/** Compiles parsed rules once per config (never throws: anything uncompilable was rejected by parseRules). */
export function compileRules(rules: readonly Rule[]): CompiledRules {
  const compiled: CompiledRule[] = [];
  const subIndex = new SubstringIndex();
  for (const rule of rules) {
    let steps: Step[];
    try {
      const kind: TargetKind | 'item' = rule.appliesTo.length === 1 ? (rule.appliesTo[0] as TargetKind) : 'item';
      steps = flattenRule(rule.condition, kind === 'item' ? 'submission' : kind, subIndex);
    } catch {
      // Only a hand-built Rule that skipped parseRules can get here; such a rule never fires.
      continue;
    }
    const removal = rule.actions.action !== undefined && REMOVAL.has(rule.actions.action);
    const report = rule.actions.action === 'report';
    const st = /^(text|link|crosspost|poll|gallery) submission$/.exec(rule.type)?.[1];
    const rejects = steps.find((st) => st.rejects !== undefined)?.rejects;
    compiled.push({
      rejects,
      rule,
      removal,
      exemptModerators: rule.moderatorsExempt ?? (removal || report),
      kinds: new Set(rule.appliesTo as TargetKind[]),
      submissionType: st,
      needsMedia: needsMediaData(rule),
      crosspostOnly: checksCrosspost(rule.condition),
      checksReports: { item: checksReports(rule.condition), parent: rule.condition.groups.parent_submission !== undefined && checksReports(rule.condition.groups.parent_submission) },
      changesState: changesState(rule.actions),
      test: (ctx) => runSteps(steps, ctx),
    });
  }
  const order = (a: CompiledRule, b: CompiledRule): number => b.rule.priority - a.rule.priority || a.rule.index - b.rule.index;
  const removals = compiled.filter((c) => c.removal).sort(order);
  const rest = compiled.filter((c) => !c.removal).sort(order);
  const ordered = [...removals, ...rest];
  const byKind = new Map<TargetKind, CompiledRule[]>();
  for (const k of Object.keys(FIELDS) as TargetKind[]) byKind.set(k, ordered.filter((c) => c.kinds.has(k)));
  return { rules: ordered, byKind };
}

const hasMediaPlaceholder = (t: string | undefined): boolean => t !== undefined && t.includes('{{media_');
const flairTexts = (f: Flair | undefined): (string | undefined)[] => (f ? [f.text, f.css_class, f.template_id] : []);

/**
 * AutoModerator's `needs_media_data`: a search check whose fields are all `media_*` (in any target), or a
 * `{{media_*}}` placeholder in the comment, modmail, message, an action_reason or a set_flair.
 */
function needsMediaData(rule: Rule): boolean {
  const searchesMedia = (c: Condition): boolean =>
    c.checks.some((k) => k.kind === 'search' && k.fields.every((f) => f.startsWith('media_'))) ||
    Object.values(c.groups).some((g) => g !== undefined && searchesMedia(g));
  if (searchesMedia(rule.condition)) return true;
  const a = rule.actions;
  const texts = [a.comment, a.modmail, a.message, a.action_reason, ...flairTexts(a.set_flair)];
  for (const g of [a.author, a.parent_submission, a.crosspost_author]) if (g) texts.push(g.action_reason, ...flairTexts(g.set_flair));
  return texts.some(hasMediaPlaceholder);
}

/** Whether a condition checks the number of reports (at least one). */
function checksReports(c: Condition): boolean {
  return c.checks.some((k) => k.kind === 'compare' && k.field === 'reports' && k.value >= 1);
}

/** Whether a rule's actions change the item for later rules: reports, approval or flair. */
function changesState(a: RuleActions): boolean {
  return [a, a.author, a.parent_submission, a.crosspost_author].some((g) => g !== undefined && (g.action !== undefined || g.set_flair !== undefined));
}

/** Whether a condition looks at a crosspost's fields or sub-groups. */
function checksCrosspost(c: Condition): boolean {
  if (c.groups.crosspost_author !== undefined || c.groups.crosspost_subreddit !== undefined) return true;
  return c.checks.some((k) => (k.kind === 'search' ? k.fields : [k.kind === 'day_of_week' || k.kind === 'time_of_day' || k.kind === 'event' ? '' : k.field]).some((f) => f.startsWith('crosspost_')));
}

/** Whether the item has media data; a comment's media is its submission's, as in AutoModerator. */
function hasMedia(item: Item): boolean {
  const post = itemKind(item) === 'comment' ? item.parent_submission : item;
  if (post === undefined) return false;
  return [post.media_author, post.media_author_url, post.media_title, post.media_description].some((v) => typeof v === 'string' && v !== '');
}

/** Why a rule did not run on an item (before its checks). */
export function inapplicable(rule: CompiledRule, item: Item, kind: TargetKind | undefined): string | undefined {
  if (kind === undefined) return `item type '${String(item.type)}' is not one rules know`;
  if (!rule.kinds.has(kind)) return `rule is for ${[...rule.kinds].join('/') || 'no'} items, this is a ${kind}`;
  if (rule.submissionType !== undefined && (kind !== 'submission' || submissionType(item as Obj) !== rule.submissionType)) {
    return `rule is for ${rule.submissionType} submissions, this is a ${kind === 'submission' ? `${submissionType(item as Obj)} submission` : kind}`;
  }
  if (rule.crosspostOnly && (kind !== 'submission' || submissionType(item as Obj) !== 'crosspost')) return 'rule checks a crosspost field and this item is not a crosspost';
  if (rule.needsMedia && !hasMedia(item)) return 'rule needs media data (a media_* search or a {{media_…}} placeholder) and this item has none';
  if (rule.exemptModerators && item.author?.is_moderator === true) {
    return 'moderators are exempt from this rule (set moderators_exempt: false to include them)';
  }
  return undefined;
}

export { newContext, rebaseContext, resetContext };
