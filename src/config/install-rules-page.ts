import type { TriggerContext, WikiPagePermissionLevel } from '@devvit/public-api';
import { reloadRules, type ReloadOutcome } from './reload-rules.js';
import { isMissingPageError, RULES_PAGE } from './rules-page.js';
import { SEED_RULES } from './seed-rules.js';

/** MODS_ONLY (the enum is exported as a type only). */
const MODS_ONLY = 2 as WikiPagePermissionLevel;

type InstallContext = Pick<TriggerContext, 'reddit' | 'redis' | 'settings' | 'subredditName' | 'subredditId'>;

/**
 * On install: create the rules page from the commented example if it does not exist (an existing
 * page is never overwritten), make sure only moderators can see and edit it, then load it.
 * Safe to re-run: each step checks the state it is about to produce.
 */
export async function installRulesPage(context: InstallContext): Promise<{ created: boolean; outcome: ReloadOutcome }> {
  const subredditName = context.subredditName ?? '';
  let exists = true;
  try {
    await context.reddit.getWikiPage(subredditName, RULES_PAGE);
  } catch (e) {
    if (!isMissingPageError(e)) throw e;
    exists = false;
  }
  if (!exists) {
    await context.reddit.createWikiPage({
      subredditName,
      page: RULES_PAGE,
      content: SEED_RULES,
      reason: 'creator-desk: initial rules (commented example)',
    });
  }
  // The page holds moderation logic: mods only, unlisted. Checked even for an existing page,
  // because a retried install may have created the page and then failed here.
  const settings = await context.reddit.getWikiPageSettings(subredditName, RULES_PAGE);
  if (settings.permLevel !== MODS_ONLY || settings.listed) {
    await context.reddit.updateWikiPageSettings({ subredditName, page: RULES_PAGE, listed: false, permLevel: MODS_ONLY });
  }
  const outcome = await reloadRules(context);
  return { created: !exists, outcome };
}
