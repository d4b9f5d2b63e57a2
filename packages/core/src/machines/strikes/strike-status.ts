/**
 * A user's standing on the strike ladder at an instant, derived from their strikes.
 */
import type { LadderStep, StrikeLadderConfig } from './config.js';
import type { StrikeState } from './machine.js';

const DAY_MS = 86_400_000;

/** The user's standing: what counts, what a further strike would do, and whether a termination review is due. */
export interface StrikeStanding {
  /** Confirmed strikes issued within `expiryDays` before `now`, oldest first. */
  active: StrikeState[];
  /** Confirmed strikes that no longer count. */
  expired: StrikeState[];
  /** Strikes waiting for a moderator. */
  proposed: StrikeState[];
  /** The step the active strikes have reached (undefined below the first step). */
  currentStep: LadderStep | undefined;
  /** The step a moderator would apply by confirming one more strike (the last step repeats beyond the top). */
  nextStep: LadderStep | undefined;
  /** When the oldest active strike expires (the user steps down the ladder then). */
  nextExpiryAt: Date | undefined;
  /** §512(i) repeat-infringer policy: confirmed strikes of the configured kinds within its window. */
  repeatInfringer: {
    count: number;
    threshold: number;
    kinds: readonly string[];
    /** The counted strikes, oldest first. */
    strikeIds: string[];
    terminationReviewDue: boolean;
  };
}

function stepFor(count: number, steps: readonly LadderStep[]): LadderStep | undefined {
  let found: LadderStep | undefined;
  for (const s of steps) if (s.atStrikes <= count) found = s;
  return found;
}

/** Where one user stands on the ladder at `now`. Strikes must all belong to the same user. */
export function strikeStatus(strikes: readonly StrikeState[], now: Date, config: StrikeLadderConfig): StrikeStanding {
  const users = new Set(strikes.map((s) => s.user.toLowerCase()));
  if (users.size > 1) throw new RangeError(`strikeStatus takes one user's strikes, got ${[...users].join(', ')}`);
  const t = now.getTime();
  // A strike counts from when it was issued (the offence), not from when a moderator got to confirm it.
  const issued = (s: StrikeState): number => Date.parse(s.createdAt);
  const confirmed = strikes
    .filter((s) => s.status === 'confirmed' && issued(s) <= t)
    .sort((a, b) => issued(a) - issued(b));
  const expiryMs = config.expiryDays * DAY_MS;
  const active = confirmed.filter((s) => t < issued(s) + expiryMs);
  const expired = confirmed.filter((s) => t >= issued(s) + expiryMs);
  const oldest = active[0];
  const ri = config.repeatInfringer;
  const kinds = new Set(ri.kinds.map((k) => k.toLowerCase()));
  const counted = confirmed.filter((s) => kinds.has(s.kind.toLowerCase()) && t - issued(s) < ri.windowDays * DAY_MS);
  return {
    active,
    expired,
    proposed: strikes.filter((s) => s.status === 'proposed'),
    currentStep: stepFor(active.length, config.steps),
    nextStep: stepFor(active.length + 1, config.steps),
    nextExpiryAt: oldest ? new Date(issued(oldest) + expiryMs) : undefined,
    repeatInfringer: {
      count: counted.length,
      threshold: ri.threshold,
      kinds: ri.kinds,
      strikeIds: counted.map((s) => s.id),
      terminationReviewDue: counted.length >= ri.threshold,
    },
  };
}
