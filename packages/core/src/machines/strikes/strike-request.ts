/** What a moderator asks for when striking a user, and the wording of its outcome. */
import type { StrikeAction } from './machine.js';

/** Kinds of strike a moderator can record; `copyright` counts toward the repeat-infringer policy by default. */
export const STRIKE_KINDS = ['policy', 'unoriginal', 'ai-generated', 'copyright', 'harassment'] as const;
/** One of {@link STRIKE_KINDS}. */
export type StrikeKind = (typeof STRIKE_KINDS)[number];
/** The kind of a strike a content rule proposes (a rule's `strike:` names only the reason). */
export const RULE_STRIKE_KIND: StrikeKind = 'policy';

/** The steps a moderator can choose, with how the form offers them; `ladder` = the ladder's next step. */
export const STRIKE_STEPS = [
  { value: 'ladder', label: 'The ladder’s next step (shown above)' },
  { value: 'warn', label: 'Warning only' },
  { value: 'temp_ban', label: 'Temporary ban' },
  { value: 'perm_ban', label: 'Permanent ban' },
  { value: 'none', label: 'Record the strike, no action' },
] as const;
/** One of the {@link STRIKE_STEPS} values. */
export type StrikeStep = (typeof STRIKE_STEPS)[number]['value'];

/** A validated strike request. */
export interface StrikeRequest {
  kind: StrikeKind;
  reason: string;
  step: StrikeStep;
  /** Ban days, only for `temp_ban` (1–999). */
  days?: number;
}

/** The raw values of a strike form (kind/step as chosen, empty = the defaults `policy` / `ladder`). */
export interface StrikeRequestInput {
  kind?: string;
  reason?: string;
  step?: string;
  days?: number;
}

/**
 * Validates a strike request: a reason is required, the kind and step must be offered ones (a crafted
 * submission cannot invent a kind: copyright counts differently), and a temporary ban needs 1–999 days.
 */
export function parseStrikeRequest(input: StrikeRequestInput): { ok: true; value: StrikeRequest } | { ok: false; error: string } {
  const reason = (input.reason ?? '').trim();
  if (!reason) return { ok: false, error: 'a strike needs a reason' };
  const kind = input.kind || 'policy';
  if (!(STRIKE_KINDS as readonly string[]).includes(kind)) return { ok: false, error: `unknown strike kind (${STRIKE_KINDS.join(', ')})` };
  const step = input.step || 'ladder';
  if (!STRIKE_STEPS.some((s) => s.value === step)) return { ok: false, error: `unknown step (${STRIKE_STEPS.map((s) => s.value).join(', ')})` };
  const days = input.days;
  if (step === 'temp_ban' && (days === undefined || !Number.isInteger(days) || days < 1 || days > 999)) {
    return { ok: false, error: 'a temporary ban needs 1–999 days' };
  }
  return { ok: true, value: { kind: kind as StrikeKind, reason, step: step as StrikeStep, ...(step === 'temp_ban' ? { days } : {}) } };
}

/** How a confirmed strike's enforcement reads in each place the app shows it. */
export interface EnforcementWording {
  /** The moderator's toast: "warning sent", "banned for 7 days", "recorded, no action". */
  outcome: string;
  /** The mod note: "no action", "warn", "7-day ban", "perm ban". */
  note: string;
  /** The Reddit mod-note label of the step. */
  noteLabel: 'ABUSE_WARNING' | 'BAN' | 'PERMA_BAN';
  /** The `{{ban}}` placeholder of the ban message: "banned for 7 days" / "permanently banned". */
  ban: string;
}

/** The wording of a strike's enforcement (none when the strike recorded no step). */
export function describeEnforcement(e: StrikeAction | undefined): EnforcementWording {
  switch (e?.action) {
    case undefined:
    case 'none':
      return { outcome: 'recorded, no action', note: 'no action', noteLabel: 'ABUSE_WARNING', ban: 'permanently banned' };
    case 'warn':
      return { outcome: 'warning sent', note: 'warn', noteLabel: 'ABUSE_WARNING', ban: 'permanently banned' };
    case 'temp_ban':
      return { outcome: `banned for ${e.durationDays} days`, note: `${e.durationDays}-day ban`, noteLabel: 'BAN', ban: `banned for ${e.durationDays} days` };
    case 'perm_ban':
      return { outcome: 'banned permanently', note: 'perm ban', noteLabel: 'PERMA_BAN', ban: 'permanently banned' };
  }
}
