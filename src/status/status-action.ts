import type { Context, MenuItemOnPressEvent } from '@devvit/public-api';
import { CORE_VERSION } from '@creator-desk/core';
import { requireModerator } from '../auth/require-moderator.js';
import { describeConfigHealth } from './config-health.js';

/** Subreddit menu item "creator-desk: status": app version and config health, for moderators only. */
export async function onStatusPressed(_event: MenuItemOnPressEvent, context: Context): Promise<void> {
  const auth = await requireModerator(context);
  if (!auth.ok) {
    context.ui.showToast(auth.message);
    return;
  }
  const health = await describeConfigHealth(context);
  context.ui.showToast({
    text: `creator-desk v${context.appVersion ?? 'unknown'} (core ${CORE_VERSION}): ${health.summary}`,
    appearance: health.healthy ? 'success' : 'neutral',
  });
}
