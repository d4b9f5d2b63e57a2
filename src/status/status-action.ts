import type { Context, MenuItemOnPressEvent } from '@devvit/public-api';
import { CORE_VERSION } from '@creator-desk/core';
import { requireModerator } from '../platform/require-moderator.js';
import { describeConfigHealth } from '../platform/wiki-config/config-health.js';
import type { ConfigPage } from '../platform/wiki-config/config-page.js';

/** Subreddit menu item "creator-desk: status": app version and the health of each config page, for moderators only. */
export function onStatusPressed(pages: readonly ConfigPage[]): (event: MenuItemOnPressEvent, context: Context) => Promise<void> {
  return async (_event, context) => {
    const auth = await requireModerator(context);
    if (!auth.ok) {
      context.ui.showToast(auth.message);
      return;
    }
    const health = [];
    for (const page of pages) health.push(await describeConfigHealth(context, page));
    context.ui.showToast({
      text: `creator-desk v${context.appVersion ?? 'unknown'} (core ${CORE_VERSION}): ${health.map((h) => h.summary).join('; ')}`,
      appearance: health.every((h) => h.healthy) ? 'success' : 'neutral',
    });
  };
}
