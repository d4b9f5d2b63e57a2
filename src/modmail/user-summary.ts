import type { RedisClient } from '@devvit/public-api';
import {
  describeLadder,
  describeStep,
  escapeMarkdown,
  strikeStatus,
  type EscalationState,
  type StrikeLadderConfig,
  type StrikeState,
  type TakedownState,
} from '@creator-desk/core';
import { escalationsOfUser } from '../platform/records/escalation-record.js';
import { strikesOfUser } from '../platform/records/strike-record.js';
import { casesOfUser } from '../platform/records/takedown-record.js';

/** What the modmail user summary is built from. */
export interface UserSummaryInput {
  user: string;
  strikes: readonly StrikeState[];
  escalations: readonly EscalationState[];
  takedowns: readonly TakedownState[];
  ladder: StrikeLadderConfig;
  now: Date;
}

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '?');
const esc = (s: string) => escapeMarkdown(s, { maxLength: 120 });

function enforcementText(s: StrikeState): string {
  const e = s.enforcement;
  if (!e || e.action === 'none') return 'no action';
  if (e.action === 'warn') return 'warning';
  if (e.action === 'temp_ban') return `${e.durationDays}-day ban`;
  return 'permanent ban';
}

/**
 * The markdown block modmail triage shows about a user: strike standing (active strikes, what the
 * next one would do, when one expires), escalations with team and status, and takedown cases with
 * status. Every user-written text (reasons, references) is escaped.
 */
export function buildUserSummary(input: UserSummaryInput): string {
  const standing = strikeStatus(input.strikes, input.now, input.ladder);
  const lines = [`**creator-desk summary for u/${esc(input.user)}**`, ''];
  lines.push(
    `Strikes: ${standing.active.length} active, ${standing.expired.length} expired (ladder: ${describeLadder(input.ladder)}; strikes expire after ${input.ladder.expiryDays} days). ` +
      `A further strike would mean ${describeStep(standing.nextStep, 'nothing')}.` +
      (standing.nextExpiryAt ? ` Next expiry ${day(standing.nextExpiryAt.toISOString())}.` : ''),
  );
  for (const s of standing.active) lines.push(`- ${day(s.createdAt)} ${esc(s.kind)}: ${esc(s.reason)} (${enforcementText(s)}, by ${esc(s.confirmedBy ?? s.proposedBy)})`);
  if (standing.proposed.length > 0) lines.push(`Proposed strikes awaiting a moderator: ${standing.proposed.length}`);
  for (const s of standing.proposed) lines.push(`- ${day(s.createdAt)} ${esc(s.kind)}: ${esc(s.reason)} (proposed by ${esc(s.proposedBy)}${s.source ? `, ${esc(s.source)}` : ''})`);
  const ri = standing.repeatInfringer;
  if (ri.count > 0) lines.push(`Repeat-infringer strikes: ${ri.count} of ${ri.threshold}${ri.terminationReviewDue ? ' — termination review due' : ''}.`);
  lines.push('', `Escalations: ${input.escalations.length}`);
  for (const e of input.escalations) {
    lines.push(`- ${day(e.escalatedAt ?? e.createdAt)} ${esc(e.team ?? '(no team)')} — ${e.status}: ${esc(e.escalationReason ?? '')} (${e.itemId}, by ${esc(e.escalatedBy ?? '?')})`);
  }
  lines.push('', `Takedowns: ${input.takedowns.length}`);
  for (const t of input.takedowns) {
    const window = t.restoreOpensAt ? `, restore ${day(t.restoreOpensAt)}–${day(t.restoreClosesAt)}` : '';
    lines.push(`- ${day(t.noticeReceivedAt)} notice ${esc(t.notice.reference)} — ${t.status.replaceAll('_', ' ')}${window} (${t.itemId})`);
  }
  return lines.join('\n');
}

/** Loads a user's strikes, escalations and takedowns from Redis and builds the summary. */
export async function loadUserSummary(redis: RedisClient, user: string, ladder: StrikeLadderConfig, now: Date): Promise<string> {
  const [strikes, escalations, takedowns] = await Promise.all([strikesOfUser(redis, user), escalationsOfUser(redis, user), casesOfUser(redis, user)]);
  return buildUserSummary({ user, strikes, escalations, takedowns, ladder, now });
}
