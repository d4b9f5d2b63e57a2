import Devvit from '../../src/main.js';
import { createHarness, type ActionResult, type Harness, type HarnessOptions } from '../harness/index.js';

export const LABELS = {
  remove: 'creator-desk: remove (unoriginal / AI / policy)',
  escalate: 'creator-desk: escalate',
  strike: 'creator-desk: strike',
  takedown: 'creator-desk: copyright takedown',
  restore: 'creator-desk: restore (takedown)',
  counterNotice: 'creator-desk: record counter-notice',
} as const;

/** A harness with a moderator (mod_alice), an artist (artist_ann) and a regular user (regular_bob). */
export function enforcementHarness(opts: HarnessOptions = {}): Harness {
  const h = createHarness(Devvit, opts);
  h.reddit.addModerator('mod_alice', ['all']);
  h.reddit.addUser({ name: 'artist_ann', createdDaysAgo: 400 });
  h.reddit.addUser({ name: 'regular_bob', createdDaysAgo: 400 });
  return h;
}

/** Opens a post/comment menu item's form as `as` and submits it with `values` (`times` deliveries). */
export async function act(
  h: Harness,
  label: string,
  thingId: string | undefined,
  values: Record<string, string | number | boolean | string[]>,
  opts: { as?: string; times?: number } = {},
): Promise<{ opened: ActionResult; submitted: ActionResult[] }> {
  const as = opts.as ?? 'mod_alice';
  const where = thingId === undefined ? {} : thingId.startsWith('t1_') ? { commentId: thingId } : { postId: thingId };
  const opened = await h.menuAction(label, { as, ...where });
  const formId = opened.forms[0];
  if (!formId) return { opened, submitted: [] };
  const submitted: ActionResult[] = [];
  for (let i = 0; i < (opts.times ?? 1); i++) {
    submitted.push(await h.submitForm(formId, values, { as, ...(thingId ? { thingId, actionLabel: label } : {}) }));
  }
  return { opened, submitted };
}

/** The showForm effect's form (title, description, fields) of a menu result. */
export function shownForm(r: ActionResult): { title?: string; description?: string; json: string } {
  const form = (r.effects.find((e) => e.showForm)?.showForm?.form ?? {}) as { title?: string; shortDescription?: string };
  return { title: form.title, description: form.shortDescription, json: JSON.stringify(form) };
}

export { redisView } from '../harness/index.js';
