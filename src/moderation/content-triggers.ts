import type { TriggerContext, TriggerEventType } from '@devvit/public-api';
import { authorFacts, evaluate } from '@creator-desk/core';
import { eventFacts } from '../platform/event-calendar.js';
import { readStored } from '../platform/stored-json.js';
import { activeConfigSchema } from '../platform/wiki-config/config-page.js';
import { RULES_KEYS } from '../platform/rules/rules-page.js';
import { installationTimeZone, SETTING } from '../platform/settings.js';
import { authorSources, cachedRedditFactsSchema, fetchRedditFacts, REDDIT_FACTS_TTL_SECONDS, userFactKeys } from '../platform/rules/author-facts.js';
import { commentItem, isIgnoredAuthor, submissionItem, type CommentPayload, type PostPayload } from './build-item.js';
import { decisionEffects, type DecisionLike, type EffectTarget } from './decision-effects.js';
import { LEDGER_TTL_SECONDS, ledgerKey, runEffectsOnce, type LedgerOutcome } from '../platform/ledger/effect-ledger.js';
import { compiledFor } from '../platform/rules/engine.js';

type EventKind = 'PostSubmit' | 'PostUpdate' | 'PostReport' | 'CommentSubmit' | 'CommentUpdate' | 'CommentReport';

interface ContentEvent {
  kind: EventKind;
  post?: PostPayload;
  comment?: CommentPayload;
  /** Author name when the payload carries it (Report events do not). */
  authorName?: string;
  /** Distinguishes re-deliveries (same value) from a new event on the same thing (edit, new report). */
  editTime: string;
}

/** What happened for one delivery; returned for tests and logs. */
export type ContentOutcome =
  | { status: 'ignored'; reason: string }
  | { status: 'no-match' }
  | { status: 'acted'; rules: number[]; ledger: LedgerOutcome };

/**
 * Evaluates the rules in force against one post or comment event and performs the actions once.
 * A no-match costs one Redis command (MGET of config, author facts, completion marker) plus, the
 * first time an author is seen in 10 minutes, three Reddit reads and one SET; never a write.
 */
export async function handleContentEvent(ev: ContentEvent, context: TriggerContext): Promise<ContentOutcome> {
  const startedAt = Date.now();
  const subredditName = context.subredditName ?? '';
  const thingId = ev.comment?.id ?? ev.post?.id;
  if (!thingId) return { status: 'ignored', reason: 'no post or comment in payload' };
  const post = ev.post;
  let authorName = ev.authorName;
  if (!authorName) {
    // Report payloads carry no author (and comment reports no post: parent_submission stays empty).
    authorName = ev.comment ? (await context.reddit.getCommentById(ev.comment.id)).authorName : (await context.reddit.getPostById(thingId)).authorName;
  }
  if (isIgnoredAuthor(authorName, context.appName, subredditName)) return { status: 'ignored', reason: `author ${authorName ?? '(none)'}` };
  const author = authorName as string;

  const keys = userFactKeys(author);
  const ledger = ledgerKey(thingId, ev.kind, ev.editTime);
  const completeKey = `${ledger}:complete`;
  // One round trip for everything the common paths need: config, author facts, and whether a
  // previous delivery of this same event already finished (then a duplicate costs this one command).
  const [activeJson, artistJson, strikes, complete, cachedFactsJson] = await context.redis.mGet([RULES_KEYS.active, keys.artist, keys.strikes, completeKey, keys.reddit]);
  if (complete) return { status: 'ignored', reason: 'duplicate delivery of a completed event' };
  const active = readStored(activeConfigSchema, activeJson);
  if (!active) return { status: 'ignored', reason: 'no rules in force' };
  // One settings read for the switches and the schedules' default time zone.
  const settings = await context.settings.getAll<Record<string, unknown>>();
  if (settings[SETTING.rulesEnabled] === false) return { status: 'ignored', reason: 'rules disabled in settings' };
  const compiled = compiledFor(active.revisionId, active.source);

  const now = Date.now();
  let reddit = readStored(cachedRedditFactsSchema, cachedFactsJson);
  if (!reddit) {
    reddit = await fetchRedditFacts(context, author);
    await context.redis.set(keys.reddit, JSON.stringify(reddit), { expiration: new Date(now + REDDIT_FACTS_TTL_SECONDS * 1000) });
  }
  const facts = authorFacts(authorSources(author, reddit, artistJson, strikes), now);
  if (facts.is_contributor && settings[SETTING.exemptApprovedUsers] === true) {
    return { status: 'ignored', reason: 'approved user exempt' };
  }
  const edited = ev.kind.endsWith('Update');
  const item = ev.comment
    ? commentItem(ev.comment, post, facts, { subredditName, edited })
    : submissionItem(post as PostPayload, facts, { subredditName, edited });
  const decisions: DecisionLike[] = evaluate(compiled, item, { now, subreddit: subredditName, timeZone: installationTimeZone(settings), appName: context.appName, ...(await eventFacts(context.redis, compiled)) });
  if (decisions.length === 0) return { status: 'no-match' };

  const target: EffectTarget = {
    thingId,
    postId: ev.comment?.postId ?? thingId,
    authorName: author,
    kind: ev.comment ? 'comment' : 'submission',
  };
  const outcome = await runEffectsOnce(context.redis, ledger, await decisionEffects(context, target, decisions), { startedAt });
  await context.redis.set(completeKey, '1', { expiration: new Date(Date.now() + LEDGER_TTL_SECONDS * 1000) });
  return { status: 'acted', rules: decisions.map((d) => d.ruleIndex), ledger: outcome };
}

function postPayload(p: TriggerEventType['PostSubmit']['post']): PostPayload | undefined {
  if (!p) return undefined;
  return {
    id: p.id,
    title: p.title,
    selftext: p.selftext,
    url: p.url,
    permalink: p.permalink,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    numReports: p.numReports,
    isSelf: p.isSelf,
    isGallery: p.isGallery,
    isPoll: p.isPoll,
    linkFlair: p.linkFlair,
  };
}

function commentPayload(c: TriggerEventType['CommentSubmit']['comment']): CommentPayload | undefined {
  if (!c) return undefined;
  return { id: c.id, parentId: c.parentId, postId: c.postId, body: c.body, permalink: c.permalink, createdAt: c.createdAt, lastModifiedAt: c.lastModifiedAt, numReports: c.numReports };
}

/** PostSubmit trigger. */
export async function onPostSubmit(event: TriggerEventType['PostSubmit'], context: TriggerContext): Promise<void> {
  await handleContentEvent({ kind: 'PostSubmit', post: postPayload(event.post), authorName: event.author?.name, editTime: 'new' }, context);
}

/** PostUpdate trigger: edited-content rules; each edit is its own event. */
export async function onPostUpdate(event: TriggerEventType['PostUpdate'], context: TriggerContext): Promise<void> {
  await handleContentEvent({ kind: 'PostUpdate', post: postPayload(event.post), authorName: event.author?.name, editTime: String(event.post?.updatedAt ?? 0) }, context);
}

/** PostReport trigger: `reports:` rules; each new report count is its own event. */
export async function onPostReport(event: TriggerEventType['PostReport'], context: TriggerContext): Promise<void> {
  await handleContentEvent({ kind: 'PostReport', post: postPayload(event.post), editTime: `r${event.post?.numReports ?? 0}` }, context);
}

/** CommentSubmit trigger. */
export async function onCommentSubmit(event: TriggerEventType['CommentSubmit'], context: TriggerContext): Promise<void> {
  await handleContentEvent({ kind: 'CommentSubmit', comment: commentPayload(event.comment), post: postPayload(event.post), authorName: event.author?.name, editTime: 'new' }, context);
}

/** CommentUpdate trigger. */
export async function onCommentUpdate(event: TriggerEventType['CommentUpdate'], context: TriggerContext): Promise<void> {
  await handleContentEvent({ kind: 'CommentUpdate', comment: commentPayload(event.comment), post: postPayload(event.post), authorName: event.author?.name, editTime: String(event.comment?.lastModifiedAt ?? 0) }, context);
}

/** CommentReport trigger. */
export async function onCommentReport(event: TriggerEventType['CommentReport'], context: TriggerContext): Promise<void> {
  await handleContentEvent({ kind: 'CommentReport', comment: commentPayload(event.comment), editTime: `r${event.comment?.numReports ?? 0}` }, context);
}
