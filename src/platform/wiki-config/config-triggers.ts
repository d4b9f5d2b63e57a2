import type { TriggerContext, TriggerEventType } from '@devvit/public-api';
import type { ConfigPage } from './config-page.js';
import { installConfigPage } from './install-config-page.js';
import { reloadConfigPage } from './reload-config-page.js';

/** The install, upgrade and wiki-edit triggers that keep the declared config pages in force. */
export function configPageTriggers(pages: readonly ConfigPage[]): {
  onAppInstall: (event: TriggerEventType['AppInstall'], context: TriggerContext) => Promise<void>;
  onAppUpgrade: (event: TriggerEventType['AppUpgrade'], context: TriggerContext) => Promise<void>;
  onModAction: (event: TriggerEventType['ModAction'], context: TriggerContext) => Promise<void>;
} {
  return {
    /** AppInstall: seed each page (never overwriting one) and load it. */
    async onAppInstall(_event, context) {
      for (const page of pages) {
        await installConfigPage(context, page);
        await page.afterChange?.(context);
      }
    },
    /** AppUpgrade: the validators may have changed, so each current revision is validated again. */
    async onAppUpgrade(_event, context) {
      for (const page of pages) {
        const { outcome } = await installConfigPage(context, page);
        if (outcome.status === 'unchanged') await reloadConfigPage(context, page, { force: true });
        await page.afterChange?.(context);
      }
    },
    /**
     * ModAction: a wiki edit arrives as `wikirevise` without the page name, so each page is read
     * and only a revision not validated before is processed.
     */
    async onModAction(event, context) {
      if (event.action !== 'wikirevise') return;
      for (const page of pages) {
        // An accepted revision's afterChange runs inside reloadConfigPage, before it is marked validated.
        await reloadConfigPage(context, page, { editor: event.moderator?.name });
      }
    },
  };
}
