/**
 * Evaluating compiled rules over one item in AutoModerator's order, rendering the actions'
 * placeholders with user text made inert; `explain` and `backtest` build on the same path.
 */
import { renderTemplate } from '../templates/index.js';
import { inapplicable, newContext, resetContext, type CheckMatch, type CheckTrace, type CompiledRule, type CompiledRules } from './compile.js';
import type { Facts, Item } from './item.js';
import { itemKind, searchText, SKIP, type Obj } from './item-access.js';
import { describeVeto, planEffects, type Veto } from './plan-effects.js';
import type { Flair, GroupActions, RuleActions } from './schema.js';

/** What one rule does to an item. */
export interface Decision {
  ruleIndex: number;
  line: number;
  name?: string;
  /** The rule's actions with placeholders rendered. */
  actions: RuleActions;
  /** Search checks on the item that matched, in check order (`{{match}}` comes from the first). */
  matches: CheckMatch[];
}

const MARKDOWN_FIELDS = ['comment', 'message', 'modmail', 'reply', 'private_note'] as const;
const PLAIN_FIELDS = ['action_reason', 'message_subject', 'modmail_subject', 'category'] as const;
const TRUSTED = ['permalink', 'subreddit', 'kind', 'id'];

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

type VarGetter = (item: Item, facts: Facts | undefined) => string;
const authorOf = (item: Item): Obj => (item.author ?? {}) as Obj;
const BASE_VARS: Record<string, VarGetter> = {
  author: (i) => str(authorOf(i).name),
  author_flair_text: (i) => str(authorOf(i).flair_text),
  author_flair_css_class: (i) => str(authorOf(i).flair_css_class),
  author_flair_template_id: (i) => str(authorOf(i).flair_template_id),
  body: (i) => str(i.body),
  permalink: (i) => str(i.permalink),
  subreddit: (i, f) => str(f?.subreddit ?? i.subreddit),
  kind: (i) => itemKind(i) ?? str(i.type),
  title: (i) => str(i.title),
  url: (i) => str(i.url),
  id: (i) => str(i.id),
  media_author: (i) => str(i.media_author),
  media_author_url: (i) => str(i.media_author_url),
  media_title: (i) => str(i.media_title),
  media_description: (i) => str(i.media_description),
  subject: (i) => str((i as Obj).subject),
  status: (i) => str((i as Obj).status),
  domain: (i, f) => {
    const d = searchText(i as Obj, 'domain', itemKind(i) ?? 'submission', false, f?.subreddit);
    return d === SKIP ? '' : Array.isArray(d) ? d.join(', ') : d;
  },
};

/** Placeholder values for one item and its matches (only the `needed` names, when given). */
export function placeholderVars(item: Item, matches: readonly CheckMatch[], facts?: Facts, needed?: ReadonlySet<string>): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const name in BASE_VARS) {
    if (needed === undefined || needed.has(name)) vars[name] = (BASE_VARS[name] as VarGetter)(item, facts);
  }
  // {{match}} = {{match-1}} is the whole matched value; the regex's own groups start at {{match-2}}.
  const first = matches[0];
  if (first) {
    vars.match = first.groups[1] ?? '';
    for (let i = 1; i < first.groups.length; i++) vars[`match-${i}`] = first.groups[i] ?? '';
  }
  for (let k = matches.length - 1; k >= 0; k--) {
    const m = matches[k] as CheckMatch;
    vars[`match-${m.check}`] = m.groups[1] ?? '';
    for (let i = 1; i < m.groups.length; i++) vars[`match-${m.check}-${i}`] = m.groups[i] ?? '';
  }
  return vars;
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

function renderFlair(f: Flair, plain: (t: string) => string): Flair {
  const out: Flair = {};
  // Reddit caps flair text at 64 characters.
  if (f.text !== undefined) out.text = Array.from(plain(f.text)).slice(0, 64).join('');
  if (f.css_class !== undefined) out.css_class = plain(f.css_class).replace(/[^A-Za-z0-9_ -]/g, '');
  if (f.template_id !== undefined) out.template_id = plain(f.template_id);
  return out;
}

function renderGroup(g: GroupActions, plain: (t: string) => string): GroupActions {
  const out: GroupActions = { ...g };
  if (g.set_flair) out.set_flair = renderFlair(g.set_flair, plain);
  return out;
}

/** Renders every text of a rule's actions: markdown texts escape user values, plain texts do not need to. */
export function renderActions(actions: RuleActions, vars: Record<string, string>): RuleActions {
  const markdown = (t: string): string => renderTemplate(t, vars, { trusted: TRUSTED, multiline: ['body'] });
  const allTrusted = Object.keys(vars);
  // Plain-text fields (mod log, subjects, flair, notes) are not rendered as markdown: no escaping, one line.
  const plain = (t: string): string => renderTemplate(t, vars, { trusted: allTrusted }).replace(/\s*[\r\n]+\s*/g, ' ');
  const out: RuleActions = { ...actions };
  // Reddit's limits, as AutoModerator applies them: subjects 100 characters, bodies 10,000.
  for (const k of MARKDOWN_FIELDS) {
    const v = actions[k];
    if (v !== undefined) out[k] = clip(markdown(v), 10_000);
  }
  for (const k of PLAIN_FIELDS) {
    const v = actions[k];
    if (v !== undefined) out[k] = k.endsWith('_subject') ? clip(plain(v), 100) : plain(v);
  }
  if (actions.set_flair) out.set_flair = renderFlair(actions.set_flair, plain);
  if (actions.author) out.author = renderGroup(actions.author, plain);
  if (actions.parent_submission) out.parent_submission = renderGroup(actions.parent_submission, plain);
  if (actions.escalate) out.escalate = { team: plain(actions.escalate.team), ...(actions.escalate.reason !== undefined ? { reason: plain(actions.escalate.reason) } : {}) };
  if (actions.add_modnote) out.add_modnote = { note: Array.from(plain(actions.add_modnote.note)).slice(0, 250).join(''), ...(actions.add_modnote.label !== undefined ? { label: actions.add_modnote.label } : {}) };
  if (actions.strike) out.strike = { reason: plain(actions.strike.reason) };
  return out;
}

const placeholderNames = new WeakMap<RuleActions, ReadonlySet<string>>();
/** The placeholder names the actions use (most rules use none: nothing to render). */
function namesUsed(actions: RuleActions): ReadonlySet<string> {
  let names = placeholderNames.get(actions);
  if (names === undefined) {
    names = new Set(Array.from(JSON.stringify(actions).matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g), (m) => m[1] ?? ''));
    placeholderNames.set(actions, names);
  }
  return names;
}

function decisionFor(c: CompiledRule, item: Item, unordered: CheckMatch[], facts: Facts | undefined): Decision {
  const matches = unordered.length > 1 ? [...unordered].sort((a, b) => a.position - b.position) : unordered;
  const names = namesUsed(c.rule.actions);
  const d: Decision = {
    ruleIndex: c.rule.index,
    line: c.rule.line,
    actions: names.size > 0 ? renderActions(c.rule.actions, placeholderVars(item, matches, facts, names)) : { ...c.rule.actions },
    matches,
  };
  if (c.rule.name !== undefined) d.name = c.rule.name;
  return d;
}

/**
 * Runs the rules on one item: removal rules first (at most one removal applies), then the others, each
 * group by priority; moderators are exempt from remove/report rules unless `moderators_exempt: false`.
 * Pure: "run once per item" (AutoModerator does not repeat comment/message/report rules after an edit)
 * is the caller's bookkeeping.
 */
export function evaluate(compiled: CompiledRules, item: Item, facts?: Facts): Decision[] {
  const decisions: Decision[] = [];
  const kind = itemKind(item);
  if (kind === undefined) return decisions;
  let removed = false;
  const ctx = newContext(item, facts, false, true, false);
  const isModerator = item.author?.is_moderator === true;
  for (const c of compiled.byKind.get(kind) ?? []) {
    if (c.removal && removed) continue;
    if (c.exemptModerators && isModerator) continue;
    if ((c.submissionType !== undefined || c.needsMedia) && inapplicable(c, item, kind) !== undefined) continue;
    resetContext(ctx, c.rule.ignoreBlockquotes, false);
    if (c.rejects !== undefined && c.rejects(ctx)) continue;
    if (!c.test(ctx)) continue;
    if (c.removal) removed = true;
    decisions.push(decisionFor(c, item, ctx.matches ? [...ctx.matches] : [], facts));
  }
  return decisions;
}

/** One rule's outcome for one item, with every check's result and why. */
export interface RuleExplanation {
  ruleIndex: number;
  line: number;
  name?: string;
  fired: boolean;
  /** Why the rule did not run at all (type, moderator exemption, an earlier removal). */
  notRun?: string;
  checks: CheckTrace[];
  decision?: Decision;
  /** A fired rule a human moderator overruled on this item, e.g. "approved by u/mod_alice": none of its actions apply. */
  vetoed?: string;
}

/**
 * The rule a moderator's decision vetoes on an item that carries its `moderation` state (the same
 * guard the app's triggers apply through `planEffects`).
 */
function vetoOf(decisions: readonly Decision[], item: Item, facts: Facts | undefined): Veto | undefined {
  const m = item.moderation;
  const kind = itemKind(item);
  if (!m || decisions.length === 0 || (kind !== 'submission' && kind !== 'comment')) return undefined;
  const state = {
    isRemoved: m.is_removed,
    isApproved: m.is_approved,
    ...(m.removed_by !== undefined ? { removedBy: m.removed_by } : {}),
    ...(m.approved_by !== undefined ? { approvedBy: m.approved_by } : {}),
  };
  return planEffects(decisions, { kind, appName: facts?.appName ?? '', state }).veto;
}

/** For one item, every rule in evaluation order with each check's result: why a rule did or did not fire. */
export function explain(compiled: CompiledRules, item: Item, facts?: Facts): RuleExplanation[] {
  const out: RuleExplanation[] = [];
  const kind = itemKind(item);
  let removedBy: number | undefined;
  for (const c of compiled.rules) {
    const base = { ruleIndex: c.rule.index, line: c.rule.line, ...(c.rule.name !== undefined ? { name: c.rule.name } : {}) };
    const why = inapplicable(c, item, kind);
    if (why !== undefined) {
      out.push({ ...base, fired: false, notRun: why, checks: [] });
      continue;
    }
    const ctx = newContext(item, facts, c.rule.ignoreBlockquotes, true, true);
    resetContext(ctx, c.rule.ignoreBlockquotes, true);
    const passed = c.test(ctx);
    // Checks run cheapest first; show them in file order.
    const checks = (ctx.trace ?? []).sort((a, b) => a.line - b.line || a.column - b.column);
    if (passed && ctx.skipped > 0 && ctx.searched === 0) {
      checks.push({ key: '(rule)', group: '', line: c.rule.line, column: c.rule.column, passed: false, detail: 'every searched field was skipped on this item' });
    }
    if (c.removal && removedBy !== undefined) {
      out.push({ ...base, fired: false, notRun: `an earlier removal rule (line ${removedBy}) already removed the item; only one removal applies`, checks });
      continue;
    }
    if (passed && c.removal) removedBy = c.rule.line;
    const e: RuleExplanation = { ...base, fired: passed, checks };
    if (passed) e.decision = decisionFor(c, item, ctx.matches ?? [], facts);
    out.push(e);
  }
  // Evaluation order (removal rules first) decides which rule's action a moderator's decision vetoes.
  const veto = item.moderation ? vetoOf(evaluate(compiled, item, facts), item, facts) : undefined;
  const vetoed = veto ? out.find((e) => e.ruleIndex === veto.ruleIndex && e.fired) : undefined;
  if (veto && vetoed) vetoed.vetoed = describeVeto(veto);
  return out;
}

export interface BacktestRuleResult {
  ruleIndex: number;
  line: number;
  name?: string;
  hits: number;
  /** Ids of the items the rule would act on. */
  itemIds: string[];
  /** Items the rule matched but a moderator's decision vetoes (not in `hits`), and why. */
  vetoed: { itemId: string; why: string }[];
}

export interface BacktestResult {
  items: number;
  /** Items at least one rule acts on. */
  itemsActedOn: number;
  rules: BacktestRuleResult[];
}

/**
 * Runs the rules over past items: per-rule hit counts and the items each would act on; a rule a
 * moderator's decision vetoes on an item (from the item's `moderation`) is listed with why instead.
 */
export function backtest(compiled: CompiledRules, items: Iterable<Item>, facts?: Facts): BacktestResult {
  const byRule = new Map<number, BacktestRuleResult>();
  for (const c of compiled.rules) {
    byRule.set(c.rule.index, {
      ruleIndex: c.rule.index,
      line: c.rule.line,
      ...(c.rule.name !== undefined ? { name: c.rule.name } : {}),
      hits: 0,
      itemIds: [],
      vetoed: [],
    });
  }
  let count = 0;
  let acted = 0;
  for (const item of items) {
    count++;
    const ds = evaluate(compiled, item, facts);
    const veto = vetoOf(ds, item, facts);
    if (ds.some((d) => d.ruleIndex !== veto?.ruleIndex)) acted++;
    for (const d of ds) {
      const r = byRule.get(d.ruleIndex);
      if (!r) continue;
      if (veto?.ruleIndex === d.ruleIndex) {
        r.vetoed.push({ itemId: item.id, why: describeVeto(veto) });
        continue;
      }
      r.hits++;
      r.itemIds.push(item.id);
    }
  }
  return { items: count, itemsActedOn: acted, rules: [...byRule.values()].sort((a, b) => a.line - b.line) };
}
