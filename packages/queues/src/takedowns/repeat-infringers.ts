import {
  openTerminationReview,
  proposeStrike,
  strikeLadderConfigSchema,
  strikeMachine,
  strikeStatus,
  type StrikeState,
  type TerminationReviewState,
} from '@creator-desk/core';
import type { ReplayedCase } from './replay-case.js';

/** An uploader's repeat-infringer standing, from the takedown log. */
export interface UploaderStrikes {
  uploader: string;
  /** Copyright strikes counted within the window (one per case whose content was disabled). */
  count: number;
  threshold: number;
  /** The cases behind the counted strikes, oldest first. */
  cases: string[];
  latestStrikeAt: Date | undefined;
  /** The review a moderator must decide (terminate or decline), when the threshold is reached. */
  review: TerminationReviewState | undefined;
}

const ACTOR = 'takedown log';

/**
 * Each case whose content was disabled is a confirmed copyright strike on its uploader from that instant
 * (as the app's Copyright takedown action records one); a notice the complainant withdrew revokes it.
 * Core's strike standing counts them within the window and, at the threshold, core opens a termination
 * review — which only a moderator decides.
 */
export function repeatInfringers(cases: readonly ReplayedCase[], now: Date, threshold: number, windowDays: number): UploaderStrikes[] {
  const config = strikeLadderConfigSchema.parse({ repeatInfringer: { kinds: ['copyright'], threshold, windowDays } });
  const byUser = new Map<string, { name: string; strikes: StrikeState[] }>();
  for (const c of cases) {
    const s = c.state;
    if (s?.disabledAt === undefined) continue;
    const ctx = { at: s.disabledAt, actor: ACTOR, role: 'moderator' as const };
    const proposed = proposeStrike({ id: `strike-${c.id}`, user: s.uploader, kind: 'copyright', reason: `copyright notice ${s.notice.reference}`, source: c.id }, ctx);
    const confirmed = strikeMachine.transition(proposed.state, { type: 'confirm', action: 'none' }, ctx);
    if (!confirmed.ok) continue;
    let strike = confirmed.state;
    if (s.resolution === 'notice_withdrawn') {
      const revoked = strikeMachine.transition(strike, { type: 'revoke', reason: 'the complainant withdrew the notice' }, { ...ctx, at: s.updatedAt });
      if (revoked.ok) strike = revoked.state;
    }
    const key = s.uploader.toLowerCase();
    const entry = byUser.get(key) ?? { name: s.uploader, strikes: [] };
    entry.strikes.push(strike);
    byUser.set(key, entry);
  }
  const out: UploaderStrikes[] = [];
  for (const { name, strikes } of byUser.values()) {
    const standing = strikeStatus(strikes, now, config);
    const ri = standing.repeatInfringer;
    const counted = strikes.filter((s) => ri.strikeIds.includes(s.id)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const opened = openTerminationReview(name, standing, { at: now, actor: 'creator-desk report', role: 'system' });
    const last = counted[counted.length - 1];
    out.push({
      uploader: name,
      count: ri.count,
      threshold: ri.threshold,
      cases: counted.map((s) => s.source ?? s.id),
      latestStrikeAt: last !== undefined ? new Date(last.createdAt) : undefined,
      review: opened.ok ? opened.state : undefined,
    });
  }
  return out.sort((a, b) => b.count - a.count || a.uploader.localeCompare(b.uploader));
}
