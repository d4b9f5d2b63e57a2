import type { Context, Form, FormKey, FormOnSubmitEvent, JSONObject, MenuItemOnPressEvent, ModeratorPermission } from '@devvit/public-api';
import { checkUsername, shopNameProblem, SHOP_NAME_MAX } from '@creator-desk/core';
import { retryMessage } from '../platform/ledger/operation.js';
import { requireModerator } from '../platform/require-moderator.js';
import { loadOnboardingConfig } from '../platform/settings.js';
import { offboardUser } from './offboard-user.js';
import { artistFlairText, onboardUser } from './onboard-user.js';
import { describeSteps } from './step-labels.js';

/** Onboarding approves users and sets flair: the permissions Reddit asks for both. */
const PERMISSIONS: ModeratorPermission[] = ['access', 'flair'];

/** The subreddit form: username and an optional shop name. */
export const onboardForm: Form = {
  title: 'Onboard an artist',
  acceptLabel: 'Onboard',
  fields: [
    { type: 'string', name: 'username', label: 'Username (u/ optional)', required: true },
    { type: 'string', name: 'shop', label: `Shop name (optional, at most ${SHOP_NAME_MAX} characters; goes into the flair)` },
  ],
};

/** The subreddit offboarding form: the username. */
export const offboardForm: Form = {
  title: 'Offboard an artist',
  acceptLabel: 'Offboard',
  fields: [{ type: 'string', name: 'username', label: 'Username (u/ optional)', required: true }],
};

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const day = (iso: string): string => iso.slice(0, 10);

/** The author of the post or comment a menu item ran on ('[deleted]' when gone). */
async function authorOf(context: Context, thingId: string): Promise<string> {
  const thing = thingId.startsWith('t1_') ? await context.reddit.getCommentById(thingId) : await context.reddit.getPostById(thingId);
  return thing.authorName;
}

/**
 * Onboards `typed` as an artist for moderator `by` and says in a toast exactly what was done and
 * what was skipped. The name must follow Reddit's rules and name a live account.
 */
async function onboardAndTell(context: Context, by: string, typed: string, shopTyped: string, linkId?: string): Promise<void> {
  const name = checkUsername(typed);
  if (!name.ok) return context.ui.showToast(`creator-desk: ${name.message}; nothing was done.`);
  const shopProblem = shopNameProblem(shopTyped);
  if (shopProblem) return context.ui.showToast(`creator-desk: ${shopProblem}; nothing was done.`);
  try {
    const user = await context.reddit.getUserByUsername(name.username);
    // Reddit answers suspended and deleted accounts like unknown ones.
    if (!user) return context.ui.showToast(`creator-desk: u/${name.username} does not exist, or is suspended or deleted; nothing was done.`);
    const username = user.username;
    const subredditName = context.subredditName ?? '';
    const config = await loadOnboardingConfig(context.settings);
    const approved = await context.reddit.getApprovedUsers({ subredditName, username }).all();
    const alreadyApproved = approved.some((u) => u.username.toLowerCase() === username.toLowerCase());
    const shopName = shopTyped || undefined;
    const result = await onboardUser(context, config, {
      username,
      ...(shopName ? { shopName } : {}),
      by,
      source: 'menu',
      ...(linkId ? { linkId } : {}),
      steps: { flair: true, approve: !alreadyApproved, modNote: true },
    });
    if (result.kind === 'already') {
      const e = result.entry;
      return context.ui.showToast(`creator-desk: u/${e.username} is already an artist (since ${day(e.since)}, by u/${e.by} via the ${e.source === 'roster' ? 'roster page' : 'menu'}); nothing was repeated.`);
    }
    const flair = config.flairTemplateId ? `template ${config.flairTemplateId}` : artistFlairText(config, username, shopName, subredditName);
    context.ui.showToast(`creator-desk: u/${username} is an artist — ${describeSteps(result, alreadyApproved ? ['approval (already an approved user)'] : [], flair)}.`);
  } catch (e) {
    context.ui.showToast(retryMessage(e));
  }
}

/** Offboards `typed` for moderator `by`; the toast says what was reversed. */
async function offboardAndTell(context: Context, by: string, typed: string, linkId?: string): Promise<void> {
  const name = checkUsername(typed);
  if (!name.ok) return context.ui.showToast(`creator-desk: ${name.message}; nothing was done.`);
  try {
    const config = await loadOnboardingConfig(context.settings);
    const result = await offboardUser(context, config, { username: name.username, by, modNote: true, ...(linkId ? { linkId } : {}) });
    if (result.kind === 'not-artist') return context.ui.showToast(`creator-desk: u/${name.username} is not on the artist roster; nothing was done.`);
    const skipped = [...(config.offboard.removeFlair ? [] : ['flair (kept by the settings)']), ...(config.offboard.removeApproval ? [] : ['approval (kept by the settings)'])];
    context.ui.showToast(`creator-desk: u/${result.entry.username} is no longer an artist — ${describeSteps(result, skipped, '')}.`);
  } catch (e) {
    context.ui.showToast(retryMessage(e));
  }
}

/** Post/comment menu item: onboards the author in one click (moderators only, checked here). */
export async function onOnboardAuthorPressed(event: MenuItemOnPressEvent, context: Context): Promise<void> {
  const auth = await requireModerator(context, PERMISSIONS);
  if (!auth.ok) return context.ui.showToast(auth.message);
  const author = await authorOf(context, event.targetId);
  if (author === '[deleted]') return context.ui.showToast('creator-desk: the author deleted their account; nothing was done.');
  await onboardAndTell(context, auth.username, author, '', event.targetId);
}

/** Post/comment menu item: offboards the author (moderators only, checked here). */
export async function onOffboardAuthorPressed(event: MenuItemOnPressEvent, context: Context): Promise<void> {
  const auth = await requireModerator(context, PERMISSIONS);
  if (!auth.ok) return context.ui.showToast(auth.message);
  await offboardAndTell(context, auth.username, await authorOf(context, event.targetId), event.targetId);
}

/** Subreddit menu item: opens a form (moderators only, checked here and again on submit). */
export function onFormPressed(formKey: FormKey) {
  return async (_event: MenuItemOnPressEvent, context: Context): Promise<void> => {
    const auth = await requireModerator(context, PERMISSIONS);
    if (!auth.ok) return context.ui.showToast(auth.message);
    context.ui.showForm(formKey);
  };
}

/** The onboarding form's submission: the caller is checked again, server-side. */
export async function onOnboardSubmit(event: FormOnSubmitEvent<JSONObject>, context: Context): Promise<void> {
  const auth = await requireModerator(context, PERMISSIONS);
  if (!auth.ok) return context.ui.showToast(auth.message);
  await onboardAndTell(context, auth.username, text(event.values.username), text(event.values.shop));
}

/** The offboarding form's submission: the caller is checked again, server-side. */
export async function onOffboardSubmit(event: FormOnSubmitEvent<JSONObject>, context: Context): Promise<void> {
  const auth = await requireModerator(context, PERMISSIONS);
  if (!auth.ok) return context.ui.showToast(auth.message);
  await offboardAndTell(context, auth.username, text(event.values.username));
}
