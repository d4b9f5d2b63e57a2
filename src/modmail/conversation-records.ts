import type { RedisClient } from '@devvit/public-api';
import type { WaitingConversation } from '@creator-desk/core';
import { z } from 'zod';
import { readStored } from '../platform/stored-json.js';

/**
 * Redis layout of modmail triage:
 *
 * | key | type | content |
 * | --- | --- | --- |
 * | `cd:modmail:waiting` | zset | conversation ids waiting for a moderator's first response, score = waiting since (ms) |
 * | `cd:modmail:conv:{id}` | string | JSON `WaitingRecord`: subject, user, category, waitingSince, warnAt, breachAt (kept 90 days) |
 * | `cd:modmail:categories:{user}` | zset | `{conversationId}:{category}` of a user's classified conversations, score = when |
 * | `cd:modmail:summary:{id}` | string | marks a conversation whose summary note is posted (a year) |
 * | `cd:fx:modmail:{id}:{messageId}` | hash | effect ledger of one message (reply, notes, archive …) |
 * | `cd:modmail:digest:conversation` | string | the mod-inbox conversation the digest notes go to |
 * | `cd:fx:modmail-digest:{slot}` | hash | effect ledger of one digest run (slot = its minute) |
 */
export const MODMAIL_KEYS = {
  waiting: 'cd:modmail:waiting',
  conversation: (id: string) => `cd:modmail:conv:${id}`,
  categories: (user: string) => `cd:modmail:categories:${user.toLowerCase()}`,
  summaryDone: (id: string) => `cd:modmail:summary:${id}`,
  messageLedger: (id: string, messageId: string) => `cd:fx:modmail:${id}:${messageId}`,
  digestConversation: 'cd:modmail:digest:conversation',
  digestLedger: (slot: string) => `cd:fx:modmail-digest:${slot}`,
} as const;

const RECORD_TTL_MS = 90 * 86_400_000;

const waitingRecordSchema = z.object({
  conversationId: z.string(),
  subject: z.string(),
  user: z.string(),
  category: z.string(),
  waitingSince: z.iso.datetime(),
  warnAt: z.iso.datetime(),
  breachAt: z.iso.datetime(),
});
export type WaitingRecord = z.infer<typeof waitingRecordSchema>;

/** Records that a conversation waits for a moderator (idempotent: the same facts give the same record). */
export async function recordWaiting(redis: RedisClient, rec: WaitingRecord): Promise<void> {
  await redis.set(MODMAIL_KEYS.conversation(rec.conversationId), JSON.stringify(rec), { expiration: new Date(Date.now() + RECORD_TTL_MS) });
  await redis.zAdd(MODMAIL_KEYS.waiting, { member: rec.conversationId, score: Date.parse(rec.waitingSince) });
}

/** A conversation was answered or archived: it leaves the digest. */
export async function recordNotWaiting(redis: RedisClient, conversationId: string): Promise<void> {
  await redis.zRem(MODMAIL_KEYS.waiting, [conversationId]);
}

/** The stored record of a conversation, if any (an unreadable one counts as none). */
export async function waitingRecordOf(redis: RedisClient, conversationId: string): Promise<WaitingRecord | undefined> {
  return readStored(waitingRecordSchema, await redis.get(MODMAIL_KEYS.conversation(conversationId)));
}

/** Conversations waiting since before `until`, oldest first, at most `limit`. */
export async function waitingConversations(redis: RedisClient, until: Date, limit: number): Promise<WaitingConversation[]> {
  const ids = (await redis.zRange(MODMAIL_KEYS.waiting, 0, until.getTime(), { by: 'score', limit: { offset: 0, count: limit } })).map((m) => m.member);
  if (ids.length === 0) return [];
  const values = await redis.mGet(ids.map((id) => MODMAIL_KEYS.conversation(id)));
  return values.flatMap((v) => {
    const r = readStored(waitingRecordSchema, v);
    return r ? [{ ...r, waitingSince: new Date(r.waitingSince), warnAt: new Date(r.warnAt), breachAt: new Date(r.breachAt) }] : [];
  });
}

/** Records a conversation's category (one entry per conversation; a later classification replaces it). */
export async function recordCategory(redis: RedisClient, user: string, conversationId: string, category: string, at: Date): Promise<void> {
  const key = MODMAIL_KEYS.categories(user);
  const old = (await redis.zRange(key, 0, -1)).map((m) => m.member).filter((m) => m.startsWith(`${conversationId}:`) && m !== `${conversationId}:${category}`);
  if (old.length > 0) await redis.zRem(key, old);
  await redis.zAdd(key, { member: `${conversationId}:${category}`, score: at.getTime() });
}

/** A user's categories of conversations other than `except`, newest first. */
export async function previousCategories(redis: RedisClient, user: string, except: string): Promise<{ conversationId: string; category: string; at: Date }[]> {
  const entries = await redis.zRange(MODMAIL_KEYS.categories(user), 0, -1);
  return entries
    .map((e) => {
      const i = e.member.lastIndexOf(':');
      return { conversationId: e.member.slice(0, i), category: e.member.slice(i + 1), at: new Date(e.score) };
    })
    .filter((e) => e.conversationId !== except)
    .reverse();
}
