import type { RuleActions } from './schema.js';

/** The moderation actions a rule's `action:` can take. */
export type ModerationAction = NonNullable<RuleActions['action']>;

/** An item's moderation state as Reddit reports it when an effect is about to be performed. */
export interface ModerationState {
  isRemoved: boolean;
  isApproved: boolean;
  /** Who removed it, when Reddit says (posts do, comments do not). */
  removedBy?: string;
  /** Who approved it, when Reddit says. */
  approvedBy?: string;
}

/** Accounts whose moderation is automation, not a human moderator's. */
export interface ActorOptions {
  /** The app's own account. AutoModerator is always automation. */
  appName: string;
}

/** Why an effect a rule asked for is not performed. */
export type SkipReason = 'decided-by-earlier-rule' | 'approved-by-moderator' | 'removed-by-moderator';

/** The effects a rule can ask for, one ledger entry each, in the order they are performed. */
export type EffectKind =
  | 'moderation'
  /** After a performed `filter`: list the removed item where moderators look (Devvit has no modqueue). */
  | 'filter-notice'
  | 'post-flair'
  | 'user-flair'
  | 'set_sticky'
  | 'set_locked'
  | 'set_nsfw'
  | 'set_spoiler'
  | 'comment'
  | 'comment-distinguish'
  | 'message'
  | 'modmail'
  | 'modnote'
  | 'escalate'
  | 'strike-proposal';

/** One effect to perform: which rule asked for it and a key stable across deliveries of one event. */
export interface PlannedEffect {
  /** `<ruleIndex>:<name>`, e.g. `2:remove` or `0:comment`; the effect ledger's key. */
  key: string;
  kind: EffectKind;
  ruleIndex: number;
  line: number;
  /** For `moderation`, the action. */
  action?: ModerationAction;
}

/** An effect a rule asked for that is not performed, and why. */
export interface SkippedEffect extends PlannedEffect {
  reason: SkipReason;
  /** For a moderator's veto, the moderator, when Reddit says who. */
  by?: string;
}

/** A rule a human moderator overruled: none of its effects are performed. */
export interface Veto {
  ruleIndex: number;
  line: number;
  reason: Extract<SkipReason, 'approved-by-moderator' | 'removed-by-moderator'>;
  /** The moderator, when Reddit says who. */
  by?: string;
}

/** What to do to one item. */
export interface EffectPlan {
  effects: PlannedEffect[];
  skipped: SkippedEffect[];
  /** The rule whose moderation action a human moderator overruled (at most one: only one rule decides). */
  veto?: Veto;
}

export interface PlanOptions extends ActorOptions {
  /** The item's kind: post flair applies to submissions, post flags of a comment go to its post. */
  kind: 'submission' | 'comment';
  /**
   * The item's moderation state, if known now. Without it the moderation action is planned
   * unconditionally and `moderationVerdict` must be asked when it is performed.
   */
  state?: ModerationState;
}

/** What planning needs of a `Decision` (structural, so `evaluate` can plan without an import cycle). */
interface DecisionLike {
  ruleIndex: number;
  line: number;
  actions: RuleActions;
}

const REMOVALS: ReadonlySet<ModerationAction> = new Set(['remove', 'spam', 'filter']);

/** Whether `action` takes the item out of the subreddit (remove, spam, filter). */
export function isRemoval(action: ModerationAction): boolean {
  return REMOVALS.has(action);
}

function isAutomation(actor: string, opts: ActorOptions): boolean {
  const a = actor.toLowerCase();
  return a === opts.appName.toLowerCase() || a === 'automoderator';
}

/** Whether the item was removed by a human moderator (not this app, AutoModerator or Reddit's filters). */
export function removedByHuman(state: ModerationState, opts: ActorOptions): boolean {
  if (!state.isRemoved) return false;
  // Reddit does not always say who removed an item (comments never do): assume a human, never overrule one.
  return state.removedBy === undefined || state.removedBy === '' || !isAutomation(state.removedBy, opts);
}

/** Whether the item was approved by a human moderator; an unnamed approver is assumed human. */
export function approvedByHuman(state: ModerationState, opts: ActorOptions): boolean {
  if (!state.isApproved) return false;
  return state.approvedBy === undefined || state.approvedBy === '' || !isAutomation(state.approvedBy, opts);
}

/**
 * Whether a moderation action may be performed on an item in `state`: never contradict a human
 * moderator (no removal of an item they approved, no approval of an item they removed).
 */
export function moderationVerdict(
  action: ModerationAction,
  state: ModerationState,
  opts: ActorOptions,
): { perform: true } | { perform: false; reason: Veto['reason']; by?: string } {
  const who = (name: string | undefined) => (name ? { by: name } : {});
  if (isRemoval(action) && approvedByHuman(state, opts)) return { perform: false, reason: 'approved-by-moderator', ...who(state.approvedBy) };
  if (action === 'approve' && removedByHuman(state, opts)) return { perform: false, reason: 'removed-by-moderator', ...who(state.removedBy) };
  return { perform: true };
}

/** A veto as moderators read it: "approved by u/mod_alice", or "approved by a moderator" when Reddit does not say who. */
export function describeVeto(veto: Pick<Veto, 'reason' | 'by'>): string {
  const verb = veto.reason === 'approved-by-moderator' ? 'approved' : 'removed';
  return `${verb} by ${veto.by ? `u/${veto.by}` : 'a moderator'}`;
}

/** The other effects one decision asks for, in the order they are performed. */
function ruleEffects(a: RuleActions, kind: PlanOptions['kind']): EffectKind[] {
  const out: EffectKind[] = [];
  if (kind === 'submission' && a.set_flair) out.push('post-flair');
  if (a.author?.set_flair) out.push('user-flair');
  const onPost = kind === 'submission' ? a : a.parent_submission;
  if (onPost) {
    if (onPost.set_sticky !== undefined) out.push('set_sticky');
    if (onPost.set_locked !== undefined) out.push('set_locked');
    if (onPost.set_nsfw !== undefined) out.push('set_nsfw');
    if (onPost.set_spoiler !== undefined) out.push('set_spoiler');
  }
  if (a.comment) out.push('comment', 'comment-distinguish');
  if (a.message) out.push('message');
  if (a.modmail) out.push('modmail');
  if (a.add_modnote) out.push('modnote');
  if (a.escalate) out.push('escalate');
  if (a.strike) out.push('strike-proposal');
  return out;
}

/**
 * The effects of an item's decisions, in the order to perform them. As in AutoModerator, the first
 * decision with an `action` decides the moderation action (later ones are skipped); every other
 * action of every decision applies. With a `state`, a moderation action that would contradict a
 * human moderator vetoes its whole rule: none of that rule's effects (lock, comment, message,
 * escalation …) are performed, as they would tell the author or the team the opposite of what the
 * moderator decided. Other rules' effects still apply. A performed `filter` is followed by a
 * `filter-notice`: the item is removed and listed for moderators to approve or leave removed.
 */
export function planEffects(decisions: readonly DecisionLike[], opts: PlanOptions): EffectPlan {
  const effects: PlannedEffect[] = [];
  const skipped: SkippedEffect[] = [];
  let veto: Veto | undefined;
  let decided = false;
  for (const d of decisions) {
    const action = d.actions.action;
    if (action === undefined) continue;
    const e: PlannedEffect = { key: `${d.ruleIndex}:${action}`, kind: 'moderation', ruleIndex: d.ruleIndex, line: d.line, action };
    if (decided) {
      skipped.push({ ...e, reason: 'decided-by-earlier-rule' });
      continue;
    }
    decided = true;
    const verdict = opts.state ? moderationVerdict(action, opts.state, opts) : { perform: true as const };
    if (verdict.perform) {
      effects.push(e);
      // A filter is a removal awaiting review, never a silent one: the item is also listed for moderators.
      if (action === 'filter') effects.push({ key: `${d.ruleIndex}:filter-notice`, kind: 'filter-notice', ruleIndex: d.ruleIndex, line: d.line });
      continue;
    }
    const by = verdict.by !== undefined ? { by: verdict.by } : {};
    veto = { ruleIndex: d.ruleIndex, line: d.line, reason: verdict.reason, ...by };
    skipped.push({ ...e, reason: verdict.reason, ...by });
  }
  for (const d of decisions) {
    for (const kind of ruleEffects(d.actions, opts.kind)) {
      const e: PlannedEffect = { key: `${d.ruleIndex}:${kind}`, kind, ruleIndex: d.ruleIndex, line: d.line };
      if (veto && veto.ruleIndex === d.ruleIndex) skipped.push({ ...e, reason: veto.reason, ...(veto.by !== undefined ? { by: veto.by } : {}) });
      else effects.push(e);
    }
  }
  return veto ? { effects, skipped, veto } : { effects, skipped };
}
