import type { Context, MenuItemOnPressEvent } from '@devvit/public-api';
import { authorFacts, closestMiss, explain } from '@creator-desk/core';
import { requireModerator } from '../platform/require-moderator.js';
import { readStored } from '../platform/stored-json.js';
import { activeConfigSchema } from '../platform/wiki-config/config-page.js';
import { RULES_KEYS } from '../platform/rules/rules-page.js';
import { installationTimeZone } from '../platform/settings.js';
import { authorSources, fetchRedditFacts, userFactKeys } from '../platform/rules/author-facts.js';
import { itemModeration, readModerationState } from './moderation-state.js';
import { commentItem, submissionItem } from './build-item.js';
import { eventFacts } from '../platform/event-calendar.js';
import { compiledFor } from '../platform/rules/engine.js';
import { commentPayloadFromModel, postPayloadFromModel } from './payload-from-model.js';

/** Max characters of a toast; longer text is cut with an ellipsis. */
const TOAST_MAX = 280;

/**
 * Post/comment menu item "creator-desk: which rules match?": runs the rules in force on this item
 * as it is now and tells the moderator which would fire and, for the closest miss, which check
 * failed. Read-only.
 */
export async function onExplainPressed(event: MenuItemOnPressEvent, context: Context): Promise<void> {
  const auth = await requireModerator(context);
  if (!auth.ok) {
    context.ui.showToast(auth.message);
    return;
  }
  const subredditName = context.subredditName ?? '';
  const active = readStored(activeConfigSchema, await context.redis.get(RULES_KEYS.active));
  if (!active) {
    context.ui.showToast('creator-desk: no rules are in force (see the status item).');
    return;
  }
  const now = Date.now();
  const isComment = event.targetId.startsWith('t1_');
  const comment = isComment ? await context.reddit.getCommentById(event.targetId) : undefined;
  const post = await context.reddit.getPostById(comment ? comment.postId : (event.targetId as `t3_${string}`));
  const authorName = comment?.authorName ?? post.authorName;
  const keys = userFactKeys(authorName);
  const [artistJson, strikes] = await context.redis.mGet([keys.artist, keys.strikes]);
  const facts = authorFacts(authorSources(authorName, await fetchRedditFacts(context, authorName), artistJson, strikes), now);
  // The item's moderation state, so a rule a moderator's decision vetoes is shown as vetoed and by whom.
  const moderation = itemModeration(await readModerationState(context, comment ?? post));
  const opts = { subredditName, edited: comment?.edited ?? post.edited, moderation };
  const item = comment ? commentItem(commentPayloadFromModel(comment), postPayloadFromModel(post), facts, opts) : submissionItem(postPayloadFromModel(post), facts, opts);
  const timeZone = installationTimeZone(await context.settings.getAll<Record<string, unknown>>());
  const compiled = compiledFor(active.revisionId, active.source);
  const result = explain(compiled, item, { now, subreddit: subredditName, timeZone, appName: context.appName, ...(await eventFacts(context.redis, compiled)) });
  const label = (r: { line: number; name?: string; vetoed?: string }) => `line ${r.line}${r.name ? ` (${r.name})` : ''}${r.vetoed ? ` — vetoed: ${r.vetoed}, so none of its actions apply` : ''}`;
  const fired = result.filter((r) => r.fired);
  const miss = closestMiss(result);
  const parts = [
    fired.length > 0 ? `Would fire: ${fired.map(label).join(', ')}.` : 'No rule would fire.',
    miss ? `Closest miss ${label(miss.rule)}: ${miss.failed.line}:${miss.failed.column} ${miss.failed.key}: ${miss.failed.detail}.` : '',
    `(revision ${active.revisionId}, ${result.length} rules)`,
  ].filter(Boolean);
  const text = `creator-desk: ${parts.join(' ')}`;
  context.ui.showToast(text.length > TOAST_MAX ? `${text.slice(0, TOAST_MAX - 1)}…` : text);
}
