import type { JobContext, TriggerContext } from '@devvit/public-api';
import { modmailPermalink, renderDigest, selectDigest } from '@creator-desk/core';
import type { DueHandler } from '../platform/due/due-job.js';
import { scheduleNextDue, setDue } from '../platform/due/due-schedule.js';
import { runEffectsOnce } from '../platform/ledger/effect-ledger.js';
import { loadModmailConfig } from '../platform/settings.js';
import { MODMAIL_KEYS, recordNotWaiting, waitingConversations } from './conversation-records.js';

/** The digest conversation's subject in the mod inbox. */
export const DIGEST_SUBJECT = 'creator-desk: modmail first-response digest';
/** At most this many conversations are checked on Reddit per run (each costs one read). */
const MAX_CHECKED = 25;

type Ctx = Pick<JobContext, 'reddit' | 'redis' | 'settings' | 'appName' | 'subredditId' | 'subredditName'>;

/** Whether Reddit says the conversation still waits: not archived, and no moderator has replied since it started waiting. */
async function stillWaiting(context: Ctx, conversationId: string, since: Date): Promise<boolean> {
  const { conversation } = await context.reddit.modMail.getConversation({ conversationId });
  // The wire carries the state as a number (2 = archived); the typings name it.
  const state: unknown = conversation?.state;
  if (!conversation || state === 2 || state === 'Archived') return false;
  return !Object.values(conversation.messages).some(
    (m) => m.author?.isMod && !m.isInternal && m.author.name?.toLowerCase() !== context.appName.toLowerCase() && Date.parse(m.date ?? '') >= since.getTime(),
  );
}

/**
 * The digest run: the waiting conversations past their warning instant, checked against Reddit
 * (archived or answered ones leave the list for good), listed oldest first as one internal note in
 * the one digest conversation of the mod inbox (created on the first digest). A run with nothing
 * to list posts nothing. A second delivery of the same run (same minute) posts no second note.
 */
export async function runDigest(context: Ctx, now: Date): Promise<{ listed: string[]; posted: boolean }> {
  const config = await loadModmailConfig(context.settings);
  const candidates = selectDigest(await waitingConversations(context.redis, now, 200), now);
  const listed = [];
  for (const c of candidates.slice(0, MAX_CHECKED)) {
    if (await stillWaiting(context, c.conversationId, c.waitingSince)) listed.push(c);
    else await recordNotWaiting(context.redis, c.conversationId);
  }
  if (listed.length === 0) return { listed: [], posted: false };
  const more = candidates.length - Math.min(candidates.length, MAX_CHECKED);
  const body = renderDigest(listed, now, modmailPermalink) + (more > 0 ? `\n\n… and ${more} more not checked this run.` : '') + `\n\n(Business hours ${config.timeZone}.)`;
  const slot = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
  await runEffectsOnce(context.redis, MODMAIL_KEYS.digestLedger(slot), [
    {
      key: 'digest',
      run: async () => {
        const existing = await context.redis.get(MODMAIL_KEYS.digestConversation);
        if (existing) {
          await context.reddit.modMail.reply({ conversationId: existing, body, isInternal: true });
          return;
        }
        const id = await context.reddit.modMail.createModInboxConversation({ subredditId: context.subredditId as `t5_${string}`, subject: DIGEST_SUBJECT, bodyMarkdown: body });
        await context.redis.set(MODMAIL_KEYS.digestConversation, id);
      },
    },
  ]);
  return { listed: listed.map((c) => c.conversationId), posted: true };
}

/** The digest's entry in the platform's next-due set (`kind:id`; the kind names the handler). */
export const DIGEST_DUE = 'modmail-digest:run';

/** The next digest instant after `now`: the next multiple of the cadence, counted from midnight UTC. */
export function nextDigestAt(now: Date, everyMinutes: number): Date {
  const step = everyMinutes * 60_000;
  return new Date((Math.floor(now.getTime() / step) + 1) * step);
}

/**
 * The digest's next-due handler: posts the digest, then puts itself due at the next cadence
 * instant. No cron job of its own: the app's one next-due job runs it (Devvit's live cron limit,
 * and install/upgrade cancel every other job).
 */
export const onDigestDue: DueHandler = async ({ now, context }) => {
  await runDigest(context, now);
  const { digestEveryMinutes } = await loadModmailConfig(context.settings);
  await setDue(context.redis, DIGEST_DUE, nextDigestAt(now, digestEveryMinutes));
};

/**
 * On install and upgrade: makes the digest due at its next cadence instant (a cadence changed in
 * settings applies from then) and reschedules the one next-due job.
 */
export async function scheduleDigest(_event: unknown, context: Pick<TriggerContext, 'redis' | 'scheduler' | 'settings'>): Promise<void> {
  const { digestEveryMinutes } = await loadModmailConfig(context.settings);
  await setDue(context.redis, DIGEST_DUE, nextDigestAt(new Date(), digestEveryMinutes));
  await scheduleNextDue(context.redis, context.scheduler);
}
