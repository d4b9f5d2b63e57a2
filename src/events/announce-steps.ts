import { renderEventText, type EventStep, type ScheduledEvent } from '@creator-desk/core';
import type { JobContext } from '@devvit/public-api';
import { appCommentSince } from '../platform/effects/reddit-checks.js';
import { runEffectsOnce, type Effect } from '../platform/ledger/effect-ledger.js';
import { EVENT_KEYS, OCCURRENCE_LEDGER_TTL_SECONDS } from './events-keys.js';

type StepContext = Pick<JobContext, 'reddit' | 'redis' | 'subredditName'>;

/** "1 hour", "24 hours", "30 minutes", "1 day 2 hours": how far a reminder is before the start. */
export function describeLead(minutes: number): string {
  const parts: string[] = [];
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  // Whole hours read better than days for reminders a day or so out ("24 hours").
  if (days > 0 && (hours > 0 || mins > 0 || days > 2)) parts.push(unit(days, 'day'));
  if (days > 0 && hours === 0 && mins === 0 && days <= 2) parts.push(unit(days * 24, 'hour'));
  if (hours > 0) parts.push(unit(hours, 'hour'));
  if (mins > 0) parts.push(unit(mins, 'minute'));
  return parts.join(' ') || 'now';
}

/** The reminder comment (or post body) for an occurrence. */
const REMINDER_TEMPLATE = 'Reminder: **{{title}}** starts in {{countdown}}, at {{time}} {{zone}}.';

/** The texts an occurrence posts, rendered once so a take-over compares exactly what was posted. */
export function occurrenceTexts(event: ScheduledEvent, at: number, opts: { minutesBefore?: number; permalink?: string } = {}) {
  const tz = event.timeZone;
  const title = renderEventText(event.title, at, tz, { id: event.id }, { plain: true, maxLength: 300 });
  const vars = { id: event.id, title, countdown: describeLead(opts.minutesBefore ?? 0), ...(opts.permalink ? { permalink: opts.permalink } : {}) };
  return {
    title,
    body: renderEventText(event.body, at, tz, vars) || title,
    flair: event.flair?.text !== undefined ? renderEventText(event.flair.text, at, tz, vars, { plain: true, maxLength: 64 }) : undefined,
    endNote: event.rotate?.endNote !== undefined ? renderEventText(event.rotate.endNote, at, tz, vars) : undefined,
    reminder: renderEventText(REMINDER_TEMPLATE, at, tz, vars),
    reminderTitle: renderEventText('Reminder: {{title}} starts in {{countdown}}', at, tz, vars, { plain: true, maxLength: 300 }),
  };
}

/** The id of a post the app submitted with exactly `title` at or after `since` (the take-over check of a submission). */
async function appPostSince(context: StepContext, title: string, since: string): Promise<string | undefined> {
  const from = Date.parse(since) - 1000;
  const appName = (await context.reddit.getAppUser()).username;
  const posts = await context.reddit.getNewPosts({ subredditName: context.subredditName ?? '', limit: 100 }).all();
  return posts.find((p) => p.authorName.toLowerCase() === appName.toLowerCase() && p.title === title && p.createdAt.getTime() >= from)?.id;
}

async function openLedger(context: StepContext, key: string): Promise<void> {
  // Set before the platform ledger would give it its 6 h TTL: an occurrence's record must outlive its announcement lead.
  if (await context.redis.hSetNX(key, '_event', new Date().toISOString())) await context.redis.expire(key, OCCURRENCE_LEDGER_TTL_SECONDS);
}

/** The post announcing the occurrence before `at`, if it was announced (the one rotation acts on). */
async function previousPost(context: StepContext, eventId: string, at: number): Promise<string | undefined> {
  const before = await context.redis.zRange(EVENT_KEYS.posts(eventId), 0, at - 1, { by: 'score' });
  return before.at(-1)?.member;
}

/**
 * Announces one occurrence exactly once: the post is claimed in the occurrence's effect ledger
 * (event id + start instant) before it is submitted and its id stored; each later step (record,
 * rotation of the previous occurrence, flair, distinguish, sticky) is its own effect, so a retried
 * or concurrent delivery performs only the steps not yet done and never posts again.
 */
async function announce(context: StepContext, step: EventStep, startedAt: number): Promise<void> {
  const { event, occurrence } = step;
  const key = EVENT_KEYS.ledger(event.id, occurrence.at);
  await openLedger(context, key);
  const texts = occurrenceTexts(event, occurrence.at);
  const postIdOf = (results: ReadonlyMap<string, string>): string => {
    const id = results.get('announce');
    if (!id) throw new Error(`event ${event.id}: the announcement's post id is missing from the ledger`);
    return id;
  };
  const prev = event.rotate ? await previousPost(context, event.id, occurrence.at) : undefined;
  const effects: Effect[] = [
    {
      key: 'announce',
      run: async () => (await context.reddit.submitPost({ subredditName: context.subredditName ?? '', title: texts.title, text: texts.body })).id,
      alreadyDone: async ({ since }) => (await appPostSince(context, texts.title, since)) ?? false,
    },
    { key: 'record', run: async (r) => void (await context.redis.zAdd(EVENT_KEYS.posts(event.id), { member: postIdOf(r), score: occurrence.at })) },
  ];
  if (prev && event.rotate) {
    const rotate = event.rotate;
    if (rotate.unsticky) effects.push({ key: `rotate:${prev}:unsticky`, run: async () => (await context.reddit.getPostById(prev)).unsticky() });
    if (rotate.endNote !== undefined) {
      const note = renderEventText(rotate.endNote, occurrence.at, event.timeZone, { id: event.id, title: texts.title });
      effects.push({
        key: `rotate:${prev}:note`,
        run: async () => (await context.reddit.submitComment({ id: prev, text: note })).id,
        alreadyDone: async ({ since }) => (await appCommentSince(context.reddit, (await context.reddit.getAppUser()).username, prev, note, since)) ?? false,
      });
    }
    // Locked last: a locked thread still takes the app's (moderator's) end note, but the order keeps it obvious.
    if (rotate.lock) effects.push({ key: `rotate:${prev}:lock`, run: async () => (await context.reddit.getPostById(prev)).lock() });
  }
  if (event.flair) {
    const flair = event.flair;
    effects.push({
      key: 'flair',
      run: async (r) =>
        context.reddit.setPostFlair({
          subredditName: context.subredditName ?? '',
          postId: postIdOf(r) as `t3_${string}`,
          ...(texts.flair !== undefined ? { text: texts.flair } : {}),
          ...(flair.templateId !== undefined ? { flairTemplateId: flair.templateId } : {}),
        }),
    });
  }
  if (event.distinguish) effects.push({ key: 'distinguish', run: async (r) => (await context.reddit.getPostById(postIdOf(r))).distinguish() });
  if (event.sticky !== undefined) {
    const slot = event.sticky;
    effects.push({ key: 'sticky', run: async (r) => (await context.reddit.getPostById(postIdOf(r))).sticky(slot) });
  }
  await runEffectsOnce(context.redis, key, effects, { startedAt });
}

/** Posts one reminder exactly once: a comment on the occurrence's announcement, or a new post linking to it. */
async function remind(context: StepContext, step: EventStep, startedAt: number): Promise<void> {
  const { event, occurrence } = step;
  const key = EVENT_KEYS.ledger(event.id, occurrence.at);
  await openLedger(context, key);
  const announced = await context.redis.hGet(key, 'announce');
  const postId = announced?.startsWith('done:') ? announced.slice('done:'.length) : undefined;
  const effectKey = `reminder:${step.minutesBefore}`;
  if (event.reminderAs === 'comment') {
    // Left due: the announcement is retried first (steps run in time order), then this.
    if (!postId) throw new Error(`event ${event.id}: reminder before the announcement of ${occurrence.local} was posted`);
    const text = occurrenceTexts(event, occurrence.at, { minutesBefore: step.minutesBefore }).reminder;
    await runEffectsOnce(context.redis, key, [
      {
        key: effectKey,
        run: async () => (await context.reddit.submitComment({ id: postId, text })).id,
        alreadyDone: async ({ since }) => (await appCommentSince(context.reddit, (await context.reddit.getAppUser()).username, postId, text, since)) ?? false,
      },
    ], { startedAt });
    return;
  }
  const permalink = postId ? (await context.reddit.getPostById(postId)).permalink : undefined;
  const texts = occurrenceTexts(event, occurrence.at, { minutesBefore: step.minutesBefore, ...(permalink ? { permalink: `https://www.reddit.com${permalink}` } : {}) });
  const body = permalink ? `${texts.reminder}\n\n[The announcement](https://www.reddit.com${permalink})` : texts.reminder;
  await runEffectsOnce(context.redis, key, [
    {
      key: effectKey,
      run: async () => (await context.reddit.submitPost({ subredditName: context.subredditName ?? '', title: texts.reminderTitle, text: body })).id,
      alreadyDone: async ({ since }) => (await appPostSince(context, texts.reminderTitle, since)) ?? false,
    },
  ], { startedAt });
}

const completeField = (step: EventStep): string => `complete:${step.kind}:${step.minutesBefore}`;

/** Whether every effect of the step is done (one read; the ledger is not walked again). */
export async function isStepComplete(redis: StepContext['redis'], step: EventStep): Promise<boolean> {
  return (await redis.hGet(EVENT_KEYS.ledger(step.event.id, step.occurrence.at), completeField(step))) === 'done';
}

/** Performs one planned step (announcement or reminder) of one occurrence, exactly once. */
export async function performStep(context: StepContext, step: EventStep, startedAt: number): Promise<'done' | 'already-done'> {
  if (await isStepComplete(context.redis, step)) return 'already-done';
  if (step.kind === 'announce') await announce(context, step, startedAt);
  else await remind(context, step, startedAt);
  // Only reached when every effect is done (an effect in flight elsewhere throws).
  await context.redis.hSet(EVENT_KEYS.ledger(step.event.id, step.occurrence.at), { [completeField(step)]: 'done' });
  return 'done';
}
