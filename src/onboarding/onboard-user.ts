import type { Context, TriggerContext } from '@devvit/public-api';
import { renderFlairText, renderWelcome } from '@creator-desk/core';
import { modNoteEffect } from '../platform/effects/mod-note.js';
import { conversationStartedSince } from '../platform/effects/sent-conversation.js';
import { runEffectsOnce, type Effect, type LedgerOutcome } from '../platform/ledger/effect-ledger.js';
import { isActiveArtist, readRosterEntry, writeRosterEntry, type RosterEntry } from '../platform/records/roster-record.js';
import type { OnboardingConfig } from '../platform/settings.js';
import { ONBOARDING_KEYS } from './keys.js';

type OnboardContext = Pick<Context | TriggerContext, 'reddit' | 'redis' | 'subredditName'>;

/** One onboarding of an artist. */
export interface OnboardRequest {
  /** The account's name as Reddit spells it (checked to exist by the caller). */
  username: string;
  shopName?: string;
  /** Who onboards: a moderator, or the roster page's editor. */
  by: string;
  source: RosterEntry['source'];
  /** When the artist was accepted (a roster line's date); default: when the roster entry is written. */
  since?: string;
  /** The post or comment the menu item ran on (the mod note links it). */
  linkId?: string;
  /** Steps this caller performs itself: the sync sets flairs in batches and adds no mod notes. */
  steps: { flair: boolean; approve: boolean; modNote: boolean };
}

/** What an onboarding did: nothing (already an artist), or the steps performed, found done and skipped. */
export type OnboardResult = { kind: 'already'; entry: RosterEntry } | ({ kind: 'onboarded' } & LedgerOutcome);

/** The flair text an artist gets (plain text from the template). */
export function artistFlairText(config: OnboardingConfig, username: string, shopName: string | undefined, subredditName: string): string {
  return renderFlairText(config.flairText, { username, shop_name: shopName, subreddit: subredditName });
}

/**
 * Onboards one artist exactly once: flair, approved user, the welcome conversation (as the
 * subreddit, author hidden), a mod note, and the roster entry last. Every step is claimed in a
 * per-user ledger that the menu and the roster sync share, so of any number of deliveries and
 * both paths, each step happens once; an artist already on the roster is left alone.
 */
export async function onboardUser(context: OnboardContext, config: OnboardingConfig, req: OnboardRequest, opts: { startedAt?: number } = {}): Promise<OnboardResult> {
  const existing = await readRosterEntry(context.redis, req.username);
  if (existing && isActiveArtist(existing)) return { kind: 'already', entry: existing };
  const generation = existing ? existing.generation + 1 : 0;
  const subredditName = context.subredditName ?? '';
  const vars = { username: req.username, shop_name: req.shopName, subreddit: subredditName };
  const effects: Effect[] = [];
  if (req.steps.flair) {
    effects.push({
      key: 'flair',
      run: async () => {
        await context.reddit.setUserFlair({
          subredditName,
          username: req.username,
          ...(config.flairTemplateId ? { flairTemplateId: config.flairTemplateId } : { text: artistFlairText(config, req.username, req.shopName, subredditName) }),
        });
      },
    });
  }
  if (req.steps.approve) effects.push({ key: 'approve', run: () => context.reddit.approveUser(req.username, subredditName) });
  effects.push({
    key: 'welcome',
    run: async () => {
      await context.reddit.modMail.createConversation({
        subredditName,
        to: req.username,
        subject: config.welcomeSubject,
        body: renderWelcome(config.welcomeTemplate, vars),
        isAuthorHidden: true,
      });
    },
    // A delivery that died after sending: the conversation is in modmail.
    alreadyDone: ({ since }) => conversationStartedSince(context.reddit, subredditName, req.username, config.welcomeSubject, since),
  });
  if (req.steps.modNote) {
    effects.push(
      modNoteEffect(context, req.username, req.linkId, () => ({
        note: `Onboarded as an artist by u/${req.by}${req.shopName ? ` (shop: ${req.shopName})` : ''}`,
      })),
    );
  }
  effects.push({
    key: 'record',
    run: async () => {
      const entry: RosterEntry = {
        username: req.username,
        since: req.since ? new Date(Date.parse(req.since.length === 10 ? `${req.since}T00:00:00Z` : req.since)).toISOString() : new Date().toISOString(),
        by: req.by,
        source: req.source,
        ...(req.shopName ? { shopName: req.shopName } : {}),
        generation,
      };
      await writeRosterEntry(context.redis, entry);
    },
  });
  const outcome = await runEffectsOnce(context.redis, ONBOARDING_KEYS.onboardLedger(req.username, generation), effects, opts);
  return { kind: 'onboarded', ...outcome };
}
