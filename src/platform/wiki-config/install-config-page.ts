import type { TriggerContext, WikiPagePermissionLevel } from '@devvit/public-api';
import type { ConfigPage } from './config-page.js';
import { isMissingPageError } from './config-page.js';
import { reloadConfigPage, type ReloadOutcome } from './reload-config-page.js';

/** MODS_ONLY (the enum is exported as a type only). */
const MODS_ONLY = 2 as WikiPagePermissionLevel;

type InstallContext = Pick<TriggerContext, 'reddit' | 'redis' | 'settings' | 'subredditName' | 'subredditId'>;

/**
 * On install: create the config page from its commented example if it does not exist (an existing
 * page is never overwritten), make sure only moderators can see and edit it, then load it.
 * Safe to re-run: each step checks the state it is about to produce.
 */
export async function installConfigPage(context: InstallContext, page: ConfigPage): Promise<{ created: boolean; outcome: ReloadOutcome }> {
  const subredditName = context.subredditName ?? '';
  let exists = true;
  try {
    await context.reddit.getWikiPage(subredditName, page.page);
  } catch (e) {
    if (!isMissingPageError(e)) throw e;
    exists = false;
  }
  if (!exists) {
    await context.reddit.createWikiPage({
      subredditName,
      page: page.page,
      content: page.seed,
      reason: `creator-desk: initial ${page.noun} (commented example)`,
    });
  }
  // The page holds moderation logic: mods only, unlisted. Checked even for an existing page,
  // because a retried install may have created the page and then failed here.
  const settings = await context.reddit.getWikiPageSettings(subredditName, page.page);
  if (settings.permLevel !== MODS_ONLY || settings.listed) {
    await context.reddit.updateWikiPageSettings({ subredditName, page: page.page, listed: false, permLevel: MODS_ONLY });
  }
  const outcome = await reloadConfigPage(context, page);
  return { created: !exists, outcome };
}
