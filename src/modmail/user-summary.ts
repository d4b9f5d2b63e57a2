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
import { readRosterEntry, type RosterEntry } from '../platform/records/roster-record.js';
import { casesOfUser } from '../platform/records/takedown-record.js';
import type { SummaryPart } from '../platform/settings.js';

/** What the modmail user summary is built from. */
export interface UserSummaryInput {
  user: string;
  strikes: readonly StrikeState[];
  escalations: readonly EscalationState[];
  takedowns: readonly TakedownState[];
  /** The user's artist roster entry, if they were ever onboarded. */
  artist?: RosterEntry;
  ladder: StrikeLadderConfig;
  now: Date;
  /** Reddit's account facts; absent: the account line is left out. */
  account?: { createdAt?: Date; commentKarma?: number; postKarma?: number };
  /** The user's posts and comments the app removed recently (from the mod log), newest first. */
  removals?: readonly { at: Date; thingId: string; action: string }[];
  /** Categories of the user's earlier modmail conversations, newest first. */
  categories?: readonly { category: string; at: Date }[];
  /** The parts to show (settings); all when absent. */
  parts?: ReadonlySet<SummaryPart>;
}

/** Only takedowns still in progress count as open. */
export const isOpenTakedown = (t: TakedownState): boolean => t.status !== 'closed' && t.status !== 'restored';

function accountLine(a: NonNullable<UserSummaryInput['account']>, now: Date): string {
  const age = a.createdAt ? `${Math.floor((now.getTime() - a.createdAt.getTime()) / 86_400_000)} days (since ${day(a.createdAt.toISOString())})` : 'unknown';
  const karma = a.commentKarma !== undefined || a.postKarma !== undefined ? `${(a.commentKarma ?? 0) + (a.postKarma ?? 0)} (${a.postKarma ?? '?'} post, ${a.commentKarma ?? '?'} comment)` : 'unknown';
  return `Account age: ${age}; karma: ${karma}.`;
}

/** One line on the user's place on the artist roster (the same entry the rules read as `is_artist`). */
function artistLine(e: RosterEntry | undefined): string {
  if (!e) return 'Artist: not on the artist roster.';
  const how = `by u/${esc(e.by)} via the ${e.source === 'roster' ? 'roster page' : 'mod menu'}`;
  const shop = e.shopName ? `, shop ${esc(e.shopName)}` : '';
  if (e.offboardedAt) return `Artist: offboarded ${day(e.offboardedAt)}${e.offboardedBy ? ` by u/${esc(e.offboardedBy)}` : ''} (was an artist since ${day(e.since)}${shop}).`;
  return `Artist: on the roster since ${day(e.since)} (${how}${shop}).`;
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
 * The markdown block modmail triage shows about a user: their artist roster entry, strike standing (active strikes, what the
 * next one would do, when one expires), escalations with team and status, and takedown cases with
 * status. Every user-written text (reasons, references) is escaped.
 */
export function buildUserSummary(input: UserSummaryInput): string {
  const show = (p: SummaryPart) => !input.parts || input.parts.has(p);
  const standing = strikeStatus(input.strikes, input.now, input.ladder);
  const lines = [`**creator-desk summary for u/${esc(input.user)}**`, ''];
  if (show('account') && input.account) lines.push(accountLine(input.account, input.now));
  if (show('artist')) lines.push(artistLine(input.artist));
  if (lines.length > 2) lines.push('');
  if (show('strikes')) {
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
  }
  if (show('removals') && input.removals) {
    lines.push('', `Removed through creator-desk in the last 30 days: ${input.removals.length}`);
    for (const r of input.removals.slice(0, 10)) lines.push(`- ${day(r.at.toISOString())} ${r.action} ${/^t[13]_[a-z0-9]+$/.test(r.thingId) ? r.thingId : esc(r.thingId)}`);
  }
  if (show('escalations')) {
    lines.push('', `Escalations: ${input.escalations.length}`);
    for (const e of input.escalations) {
      lines.push(`- ${day(e.escalatedAt ?? e.createdAt)} ${esc(e.team ?? '(no team)')} — ${e.status}: ${esc(e.escalationReason ?? '')} (${e.itemId}, by ${esc(e.escalatedBy ?? '?')})`);
    }
  }
  if (show('takedowns')) {
    lines.push('', `Takedowns: ${input.takedowns.length} (${input.takedowns.filter(isOpenTakedown).length} open)`);
    for (const t of input.takedowns) {
      const window = t.restoreOpensAt ? `, restore ${day(t.restoreOpensAt)}–${day(t.restoreClosesAt)}` : '';
      lines.push(`- ${day(t.noticeReceivedAt)} notice ${esc(t.notice.reference)} — ${t.status.replaceAll('_', ' ')}${window} (${t.itemId})`);
    }
  }
  if (show('categories') && input.categories) {
    const list = input.categories.slice(0, 10).map((c) => `${esc(c.category)} (${day(c.at.toISOString())})`);
    lines.push('', `Previous modmail: ${list.length > 0 ? list.join(', ') : 'none'}`);
  }
  return lines.join('\n');
}

/** Loads a user's roster entry, strikes, escalations and takedowns from Redis and builds the summary. */
export async function loadUserSummary(
  redis: RedisClient,
  user: string,
  ladder: StrikeLadderConfig,
  now: Date,
  extra: Pick<UserSummaryInput, 'account' | 'removals' | 'categories' | 'parts'> = {},
): Promise<string> {
  const [strikes, escalations, takedowns, artist] = await Promise.all([strikesOfUser(redis, user), escalationsOfUser(redis, user), casesOfUser(redis, user), readRosterEntry(redis, user)]);
  return buildUserSummary({ user, strikes, escalations, takedowns, ...(artist ? { artist } : {}), ladder, now, ...extra });
}
