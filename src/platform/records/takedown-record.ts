import type { RedisClient } from '@devvit/public-api';
import {
  takedownMachine,
  takedownReminderDue,
  type AuditEvent,
  type MachineError,
  type TakedownCommand,
  type TakedownContext,
  type TakedownState,
} from '@creator-desk/core';
import { setDue } from '../due/due-schedule.js';
import { appendToLog, foldEvents, loadEntity, loadIndexed } from './event-store.js';
import { KEYS } from '../keys.js';

/** A takedown case folded from its events. */
export function loadCase(redis: RedisClient, caseId: string): Promise<TakedownState | undefined> {
  return loadEntity(redis, takedownMachine, caseId);
}

/** Appends a case's `create` event and indexes the case (safe to repeat). */
export async function recordCaseOpened(redis: RedisClient, audit: AuditEvent<TakedownState, string>, state: TakedownState): Promise<void> {
  await appendToLog<TakedownState, void>(redis, takedownMachine.name, state.id, (events) => ({ append: events.length === 0 ? [audit] : [], result: undefined }));
  const score = Date.parse(state.noticeReceivedAt);
  await redis.zAdd(KEYS.takedownIndex, { member: state.id, score });
  await redis.zAdd(KEYS.takedownsOfUser(state.uploader), { member: state.id, score });
  await redis.set(KEYS.takedownOfItem(state.itemId), state.id);
}

/**
 * Applies one command to a case and appends its event, unless the log already holds an event of
 * that command (each command happens at most once in a case's life, so this makes retries safe).
 * Afterwards the case's next reminder time is recorded for the next-due job.
 */
export async function applyToCase(
  redis: RedisClient,
  caseId: string,
  command: TakedownCommand,
  ctx: TakedownContext,
): Promise<{ ok: true; state: TakedownState } | { ok: false; error: MachineError<string> }> {
  type Applied = { ok: true; state: TakedownState } | { ok: false; error: MachineError<string> };
  const applied = await appendToLog<TakedownState, Applied>(redis, takedownMachine.name, caseId, (events) => {
    // Folded event by event, so a bad entry in the log (skipped and reported) does not block the case.
    const { state } = foldEvents(takedownMachine, KEYS.events(takedownMachine.name, caseId), events);
    if (!state) return { append: [], result: { ok: false, error: { code: 'InvalidInput', message: `takedown case ${caseId} has no readable history`, issues: [] } } };
    if (events.some((e) => e.command === command.type)) return { append: [], result: { ok: true, state } };
    const r = takedownMachine.transition(state, command, ctx);
    if (!r.ok) return { append: [], result: r };
    return { append: [r.audit as AuditEvent<TakedownState, string>], result: { ok: true, state: r.state } };
  });
  if (!applied.ok) return applied;
  await setDue(redis, `takedown:${caseId}`, nextReminderAt(applied.state, new Date(ctx.at)));
  return applied;
}

/** When the next-due job should look at the case again: now if a reminder is due, else its next check. */
function nextReminderAt(state: TakedownState, now: Date): Date | undefined {
  const check = takedownReminderDue(state, now);
  return check.due ? now : check.nextCheckAt;
}

/** The cases of an uploader, oldest first. */
export function casesOfUser(redis: RedisClient, user: string): Promise<TakedownState[]> {
  return loadIndexed(redis, takedownMachine, KEYS.takedownsOfUser(user));
}

/** Open cases waiting for a counter-notice (newest first), for the counter-notice form. */
export async function casesAwaitingCounterNotice(redis: RedisClient, limit = 25, scan = 200): Promise<TakedownState[]> {
  // Only the newest `scan` cases are looked at, so the menu stays fast however long the history grows.
  const ids = await redis.zRange(KEYS.takedownIndex, -scan, -1, { by: 'rank' });
  const out: TakedownState[] = [];
  for (const { member } of ids.reverse()) {
    const s = await loadCase(redis, member);
    if (s && s.status === 'uploader_notified') out.push(s);
    if (out.length >= limit) break;
  }
  return out;
}

/** Throws a case command's refusal, so the operation step fails and the next delivery retries it. */
export function must(r: { ok: true } | { ok: false; error: { message: string } }): void {
  if (!r.ok) throw new Error(r.error.message);
}
