import type { Context, TriggerContext } from '@devvit/public-api';
import { modNoteEffect } from '../platform/effects/mod-note.js';
import { runEffectsOnce, type Effect, type LedgerOutcome } from '../platform/ledger/effect-ledger.js';
import { isActiveArtist, readRosterEntry, writeRosterEntry, type RosterEntry } from '../platform/records/roster-record.js';
import type { OnboardingConfig } from '../platform/settings.js';
import { ONBOARDING_KEYS } from './keys.js';

type OffboardContext = Pick<Context | TriggerContext, 'reddit' | 'redis' | 'subredditName'>;

/** What an offboarding did: nothing (not an artist), or its steps. */
export type OffboardResult = { kind: 'not-artist' } | ({ kind: 'offboarded'; entry: RosterEntry } & LedgerOutcome);

/**
 * Offboards an artist exactly once: removes the user flair and the approval (each if the settings
 * say so), adds a mod note when a moderator did it, and marks the roster entry offboarded (kept,
 * so the history and the next onboarding's generation survive).
 */
export async function offboardUser(
  context: OffboardContext,
  config: OnboardingConfig,
  req: { username: string; by: string; modNote: boolean; linkId?: string },
  opts: { startedAt?: number } = {},
): Promise<OffboardResult> {
  const entry = await readRosterEntry(context.redis, req.username);
  if (!entry || !isActiveArtist(entry)) return { kind: 'not-artist' };
  const subredditName = context.subredditName ?? '';
  const effects: Effect[] = [];
  if (config.offboard.removeFlair) effects.push({ key: 'unflair', run: () => context.reddit.removeUserFlair(subredditName, entry.username) });
  if (config.offboard.removeApproval) effects.push({ key: 'unapprove', run: () => context.reddit.removeUser(entry.username, subredditName) });
  if (req.modNote) effects.push(modNoteEffect(context, entry.username, req.linkId, () => ({ note: `Offboarded as an artist by u/${req.by}` })));
  effects.push({
    key: 'record',
    run: () => writeRosterEntry(context.redis, { ...entry, offboardedAt: new Date().toISOString(), offboardedBy: req.by }),
  });
  const outcome = await runEffectsOnce(context.redis, ONBOARDING_KEYS.offboardLedger(entry.username, entry.generation), effects, opts);
  return { kind: 'offboarded', entry, ...outcome };
}
