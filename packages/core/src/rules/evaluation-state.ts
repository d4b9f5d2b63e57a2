/**
 * The item as later rules of one evaluation see it: AutoModerator performs each rule's actions before
 * it checks the next rule, so an earlier approve, report or flair changes what later rules read.
 */
import type { Author, Item } from './item.js';
import type { Flair, GroupActions, RuleActions } from './schema.js';

/** An action a fired rule asked for that AutoModerator would not perform, and why. */
export interface SkippedAction {
  /** Where it was written: `set_flair`, `author.set_flair`, `parent_submission.set_flair` … */
  action: string;
  reason: string;
}

type FlairHolder = Pick<Author, 'flair_text' | 'flair_css_class' | 'flair_template_id'>;

function hasFlair(o: FlairHolder | undefined): boolean {
  return o !== undefined && [o.flair_text, o.flair_css_class, o.flair_template_id].some((v) => typeof v === 'string' && v !== '');
}

function withFlair<T extends FlairHolder>(o: T, f: Flair): T {
  return { ...o, flair_text: f.text ?? '', flair_css_class: f.css_class ?? '', flair_template_id: f.template_id ?? '' };
}

function reportsOf(o: { reports?: number | undefined }): number {
  return typeof o.reports === 'number' && Number.isFinite(o.reports) ? o.reports : 0;
}

/** What one target's actions do to its object: reports and flair. */
function applyGroup<T extends FlairHolder & { reports?: number | undefined }>(
  obj: T,
  g: GroupActions,
  where: string,
  what: string,
  checksReports: boolean,
  skipped: SkippedAction[],
): { obj: T; set_flair?: Flair } {
  let next = obj;
  let flair = g.set_flair;
  if (flair !== undefined) {
    if (hasFlair(obj) && g.overwrite_flair !== true) {
      skipped.push({ action: `${where}set_flair`, reason: `${what} already has flair and overwrite_flair is not true` });
      flair = undefined;
    } else next = withFlair(next, flair);
  }
  const action = g.action;
  if (action === 'report') next = { ...next, reports: reportsOf(next) + 1 };
  // Removing or approving an item settles its reports (Reddit accepts them).
  else if (action === 'remove' || action === 'spam' || action === 'filter') next = { ...next, reports: 0 };
  else if (action === 'approve' && checksReports && reportsOf(next) > 0) next = { ...next, reports: 0 };
  return flair === undefined ? { obj: next } : { obj: next, set_flair: flair };
}

/**
 * Applies a fired rule's (rendered) actions to the item: returns the item later rules see, and the
 * actions with those AutoModerator would not perform (set_flair over existing flair without
 * `overwrite_flair: true`) left out and listed in `skipped`.
 */
export function applyDecision(
  item: Item,
  actions: RuleActions,
  checksReports: { item: boolean; parent: boolean },
): { item: Item; actions: RuleActions; skipped: SkippedAction[] } {
  const skipped: SkippedAction[] = [];
  const out: RuleActions = { ...actions };
  let next: Item = item;
  const kind = item.type === 'comment' ? 'comment' : 'submission';
  const top = applyGroup(next, actions, '', kind === 'comment' ? 'the comment' : 'the post', checksReports.item, skipped);
  next = top.obj;
  if (actions.set_flair !== undefined && top.set_flair === undefined) delete out.set_flair;
  const groups: ['author' | 'parent_submission' | 'crosspost_author', string][] = [
    ['author', 'the author'],
    ['parent_submission', 'the parent post'],
    ['crosspost_author', 'the original author'],
  ];
  for (const [name, what] of groups) {
    const g = actions[name];
    if (g === undefined) continue;
    const current = (next[name] ?? {}) as FlairHolder & { reports?: number };
    const r = applyGroup(current, g, `${name}.`, what, name === 'parent_submission' && checksReports.parent, skipped);
    if (r.obj !== current) next = { ...next, [name]: r.obj };
    if (g.set_flair !== undefined && r.set_flair === undefined) {
      const rest: GroupActions = { ...g };
      delete rest.set_flair;
      delete rest.overwrite_flair;
      if (Object.keys(rest).length > 0) out[name] = rest;
      else delete out[name];
    }
  }
  return { item: next, actions: out, skipped };
}
