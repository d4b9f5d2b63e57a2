import { strikeLadderConfigSchema, type LadderStep, type StrikeLadderConfig } from './config.js';

/** The outcome of reading a ladder a moderator typed: the config, or what is wrong with it. */
export type LadderParse = { ok: true; value: StrikeLadderConfig } | { ok: false; error: string };

/** Parses "warn, ban 7, permanent" (step i applies at the i-th active strike) into a ladder config. */
export function parseStrikeLadder(text: string, expiryDays: number): LadderParse {
  const parts = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const steps: LadderStep[] = [];
  for (const [i, part] of parts.entries()) {
    const atStrikes = i + 1;
    const ban = /^ban\s+(\d+)\s*(?:d|days?)?$/.exec(part);
    if (part === 'warn') steps.push({ action: 'warn', atStrikes });
    else if (part === 'permanent' || part === 'perm' || part === 'ban') steps.push({ action: 'perm_ban', atStrikes });
    else if (ban) steps.push({ action: 'temp_ban', atStrikes, durationDays: Number(ban[1]) });
    else return { ok: false, error: `step ${atStrikes} "${part}": expected "warn", "ban N" (days) or "permanent"` };
  }
  const r = strikeLadderConfigSchema.safeParse({ expiryDays, steps });
  if (!r.success) {
    return { ok: false, error: r.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ') };
  }
  return { ok: true, value: r.data };
}

/** The ladder as moderators read it, e.g. "warning → 7-day ban → permanent ban". */
export function describeLadder(config: StrikeLadderConfig): string {
  return config.steps
    .map((s) => (s.action === 'warn' ? 'warning' : s.action === 'temp_ban' ? `${s.durationDays}-day ban` : 'permanent ban'))
    .join(' → ');
}

/** One ladder step as a moderator reads it ("a warning", "a 7-day ban", "a permanent ban"); `none` when there is no step. */
export function describeStep(step: LadderStep | undefined, none: string): string {
  if (!step) return none;
  return step.action === 'warn' ? 'a warning' : step.action === 'temp_ban' ? `a ${step.durationDays}-day ban` : 'a permanent ban';
}
