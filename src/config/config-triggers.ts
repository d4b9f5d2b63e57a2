import type { TriggerContext, TriggerEventType } from '@devvit/public-api';
import { installRulesPage } from './install-rules-page.js';
import { reloadRules } from './reload-rules.js';

/** AppInstall: seed the rules page (never overwriting one) and load it. */
export async function onAppInstall(_event: TriggerEventType['AppInstall'], context: TriggerContext): Promise<void> {
  await installRulesPage(context);
}

/** AppUpgrade: the parser may have changed, so the current revision is validated again. */
export async function onAppUpgrade(_event: TriggerEventType['AppUpgrade'], context: TriggerContext): Promise<void> {
  const { outcome } = await installRulesPage(context);
  if (outcome.status === 'unchanged') await reloadRules(context, { force: true });
}

/**
 * ModAction: a wiki edit arrives as `wikirevise` without the page name, so the rules page is read
 * and only a revision not validated before is processed.
 */
export async function onModActionForConfig(event: TriggerEventType['ModAction'], context: TriggerContext): Promise<void> {
  if (event.action !== 'wikirevise') return;
  await reloadRules(context, { editor: event.moderator?.name });
}
