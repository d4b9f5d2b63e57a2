import type { RedisClient, TriggerContext } from '@devvit/public-api';
import { escapeMarkdown } from '@creator-desk/core';
import { z } from 'zod';
import { modInboxNoticeSince } from '../effects/reddit-checks.js';
import { shortHash } from '../hash.js';
import { KEYS } from '../keys.js';
import { runOperation } from '../ledger/operation.js';
import { readStored } from '../stored-json.js';

/** A stored entry a reader could not use: where it is, what it holds and why it was skipped. */
export interface CorruptEntry {
  key: string;
  entry: string;
  problem: string;
}

const pendingSchema = z.object({ id: z.string(), key: z.string(), entry: z.string(), problem: z.string() });

/** How much of a bad entry the report quotes. */
const QUOTE = 300;
/** Reports sent per call, so a burst of bad entries cannot use up a handler's time. */
const PER_CALL = 10;

/**
 * Notes entries a reader skipped so they reach the mod inbox (reportCorruptRecords). An entry
 * already reported is not noted again: each bad entry is reported once, however often it is read.
 */
export async function noteCorrupt(redis: RedisClient, entries: readonly CorruptEntry[]): Promise<void> {
  for (const e of entries) {
    const id = shortHash(`${e.key}\n${e.entry}`);
    if ((await redis.zScore(KEYS.corruptReported, id)) !== undefined) continue;
    const member = JSON.stringify({ id, key: e.key, entry: e.entry.slice(0, QUOTE), problem: e.problem.slice(0, QUOTE) });
    await redis.zAdd(KEYS.corruptPending, { member, score: Date.now() });
  }
}

type ReportContext = Pick<TriggerContext, 'redis' | 'reddit' | 'subredditId' | 'subredditName' | 'appName'>;

/**
 * Sends one mod-inbox message per noted bad entry, exactly once each: the message is an
 * operation of the effect ledger keyed on the entry (so two deliveries reporting at once send
 * one), and the entry's id is remembered as reported. Cheap when nothing is noted: one read.
 * Never fails its caller: an entry whose report fails stays noted for the next call.
 */
export async function reportCorruptRecords(context: ReportContext): Promise<void> {
  try {
    await reportPending(context);
  } catch (e) {
    // Not the caller's failure: what is still pending is reported by the next caller.
    console.error(`creator-desk: reporting unreadable records failed (${e instanceof Error ? e.message : String(e)}); retried on the next action`);
  }
}

async function reportPending(context: ReportContext): Promise<void> {
  const pending = await context.redis.zRange(KEYS.corruptPending, 0, PER_CALL - 1, { by: 'rank' });
  for (const { member } of pending) {
    const e = readStored(pendingSchema, member);
    if (e && (await context.redis.zScore(KEYS.corruptReported, e.id)) === undefined) {
      const subject = `creator-desk: unreadable record skipped (${e.id})`;
      await runOperation(context.redis, `corrupt-${e.id}`, [
        {
          key: 'inbox',
          alreadyDone: ({ since }) => modInboxNoticeSince(context.reddit, context.subredditName ?? '', context.appName, subject, since),
          run: async () => {
            await context.reddit.modMail.createModInboxConversation({
              subredditId: context.subredditId as `t5_${string}`,
              subject,
              bodyMarkdown: [
                `A stored record entry could not be read and was skipped; everything else in that record is still used.`,
                '',
                `- where: \`${e.key.replace(/`/g, "'")}\``,
                `- why: ${escapeMarkdown(e.problem, { maxLength: QUOTE })}`,
                '',
                'The entry as stored:',
                '',
                `    ${e.entry.replace(/\s+/g, ' ')}`,
              ].join('\n'),
            });
          },
        },
      ]);
      await context.redis.zAdd(KEYS.corruptReported, { member: e.id, score: Date.now() });
    }
    await context.redis.zRem(KEYS.corruptPending, [member]);
  }
}
