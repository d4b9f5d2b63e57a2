import { eventFacts } from '../platform/event-calendar.js';
import type { Context, MenuItemOnPressEvent, Post } from '@devvit/public-api';
import { authorFacts, backtest, escapeMarkdown, type Author, type AuthorFactSources, type Item } from '@creator-desk/core';
import { requireModerator } from '../platform/require-moderator.js';
import { formatDiagnostics } from '../platform/wiki-config/format-diagnostics.js';
import { isMissingPageError } from '../platform/wiki-config/config-page.js';
import { RULES_PAGE } from '../platform/rules/rules-page.js';
import { installationTimeZone } from '../platform/settings.js';
import { userFactKeys } from '../platform/rules/author-facts.js';
import { approversOf, itemModeration, moderationStateOf } from './moderation-state.js';
import { moderatorDecisionsOf } from '../platform/records/moderator-decision.js';
import { isIgnoredAuthor, submissionItem } from './build-item.js';
import { parseRulesPage } from '../platform/rules/engine.js';
import { postPayloadFromModel } from './payload-from-model.js';

/** How many recent posts are replayed, and how many distinct authors are looked up (time box). */
const BACKTEST_POSTS = 100;
const BACKTEST_AUTHOR_LOOKUPS = 40;
const EXAMPLES_PER_RULE = 5;

/**
 * Subreddit menu item "creator-desk: test rules on recent posts": replays the rules page as it is
 * now (even an edit not yet in force) over the newest posts and sends the mod inbox what each rule
 * would have done. Read-only apart from that one message.
 */
export async function onTestRulesPressed(_event: MenuItemOnPressEvent, context: Context): Promise<void> {
  const auth = await requireModerator(context);
  if (!auth.ok) {
    context.ui.showToast(auth.message);
    return;
  }
  const subredditName = context.subredditName ?? '';
  let page;
  try {
    page = await context.reddit.getWikiPage(subredditName, RULES_PAGE);
  } catch (e) {
    if (!isMissingPageError(e)) throw e;
    context.ui.showToast(`creator-desk: the rules page ${RULES_PAGE} does not exist yet.`);
    return;
  }
  const parsed = parseRulesPage(page.content);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    context.ui.showToast(`creator-desk: revision ${page.revisionId} has ${errors.length} error(s); nothing tested. First: ${errors[0]?.line}:${errors[0]?.column}: ${errors[0]?.message}`.slice(0, 300));
    return;
  }
  const posts = (await context.reddit.getNewPosts({ subredditName, limit: BACKTEST_POSTS }).all()).filter(
    (p) => !isIgnoredAuthor(p.authorName, context.appName, subredditName),
  );
  const items = await itemsFor(context, posts);
  const timeZone = installationTimeZone(await context.settings.getAll<Record<string, unknown>>());
  const compiled = parsed.compile();
  const result = backtest(compiled, items, { now: Date.now(), subreddit: subredditName, timeZone, appName: context.appName, ...(await eventFacts(context.redis, compiled)) });
  const permalinkOf = new Map<string, string>(posts.map((p) => [p.id, p.permalink]));
  const lines = result.rules.map((r) => {
    const label = r.name ?? `rule at line ${r.line}`;
    const examples = r.itemIds
      .slice(0, EXAMPLES_PER_RULE)
      .map((id) => permalinkOf.get(id) ?? id)
      .join(', ');
    // Rule names are text from the wiki page: inert in the modmail body (no pings, links or markup).
    const vetoed = r.vetoed
      .slice(0, EXAMPLES_PER_RULE)
      .map((v) => `${permalinkOf.get(v.itemId) ?? v.itemId} (${escapeMarkdown(v.why, { singleLine: true, maxLength: 100 })})`)
      .join(', ');
    const vetoes = r.vetoed.length > 0 ? `; vetoed on ${r.vetoed.length}, none of its actions would apply: ${vetoed}` : '';
    return `- line ${r.line} (${escapeMarkdown(label, { singleLine: true, maxLength: 100 })}): ${r.hits} of ${result.items}${examples ? `: ${examples}` : ''}${vetoes}`;
  });
  const warnings = parsed.diagnostics.length > 0 ? ['', 'Warnings:', '', formatDiagnostics(parsed.diagnostics, page.content)] : [];
  await context.reddit.modMail.createModNotification({
    subject: `Rules test: ${result.itemsActedOn} of ${result.items} recent posts would be acted on`,
    bodyMarkdown: [
      `u/${auth.username} tested revision \`${page.revisionId}\` of **${RULES_PAGE}** against the ${result.items} newest posts (author facts for at most ${BACKTEST_AUTHOR_LOOKUPS} authors; the rest are judged without karma and age). Nothing was changed.`,
      '',
      ...lines,
      ...warnings,
    ].join('\n'),
    subredditId: context.subredditId as `t5_${string}`,
  });
  context.ui.showToast(`creator-desk: ${result.itemsActedOn} of ${result.items} recent posts would be acted on; details sent to modmail.`);
}

async function itemsFor(context: Context, posts: Post[]): Promise<Item[]> {
  const subredditName = context.subredditName ?? '';
  const now = Date.now();
  const authors = [...new Set(posts.map((p) => p.authorName))];
  const decided = posts.filter((p) => p.approved || p.removed).map((p) => p.id);
  const [mods, approved, approvers, decisions] = await Promise.all([
    context.reddit.getModerators({ subredditName }).all(),
    context.reddit.getApprovedUsers({ subredditName }).all(),
    // Who approved the approved posts, so a removal rule they veto is reported as vetoed, by whom.
    approversOf(context, posts.filter((p) => p.approved).map((p) => p.id)),
    moderatorDecisionsOf(context.redis, decided),
  ]);
  const modSet = new Set(mods.map((m) => m.username.toLowerCase()));
  const approvedSet = new Set(approved.map((m) => m.username.toLowerCase()));
  const looked = authors.slice(0, BACKTEST_AUTHOR_LOOKUPS);
  const users = await Promise.all(looked.map((name) => context.reddit.getUserByUsername(name).catch(() => undefined)));
  const redisValues = authors.length > 0 ? await context.redis.mGet(authors.flatMap((a) => [userFactKeys(a).artist, userFactKeys(a).strikes])) : [];
  const facts = new Map<string, Author>();
  authors.forEach((name, i) => {
    const u = i < looked.length ? users[i] : undefined;
    const account = u ? { createdUtc: Math.floor(u.createdAt.getTime() / 1000), commentKarma: u.commentKarma, postKarma: u.linkKarma } : undefined;
    const sources: AuthorFactSources = {
      name,
      ...(account ? { account } : {}),
      isModerator: modSet.has(name.toLowerCase()),
      isContributor: approvedSet.has(name.toLowerCase()),
      rosterEntry: redisValues[2 * i] ?? null,
      strikes: redisValues[2 * i + 1] ?? null,
    };
    facts.set(name, authorFacts(sources, now));
  });
  return posts.map((p) =>
    submissionItem(postPayloadFromModel(p), facts.get(p.authorName) ?? authorFacts({ name: p.authorName, isModerator: false, isContributor: false }, now), {
      subredditName,
      edited: p.edited,
      moderation: itemModeration(moderationStateOf(p, approvers.get(p.id), context.appName, decisions.get(p.id))),
    }),
  );
}
