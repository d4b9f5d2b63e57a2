import type { Context } from '@devvit/public-api';
import { readStored } from '../stored-json.js';
import { activeConfigSchema, isMissingPageError, validationStateSchema, type ConfigPage } from './config-page.js';

type HealthContext = Pick<Context, 'reddit' | 'redis' | 'subredditName'>;

/** One line describing whether a config page is healthy, from the wiki and Redis. */
export async function describeConfigHealth(context: HealthContext, config: ConfigPage): Promise<{ healthy: boolean; summary: string }> {
  const subredditName = context.subredditName ?? '';
  const what = `${config.noun} page`;
  let pageRevision: string | undefined;
  try {
    pageRevision = (await context.reddit.getWikiPage(subredditName, config.page)).revisionId;
  } catch (e) {
    if (!isMissingPageError(e)) {
      return { healthy: false, summary: `could not read wiki page ${config.page} (${e instanceof Error ? e.message : String(e)})` };
    }
  }
  const [activeJson, validationJson] = await context.redis.mGet([config.keys.active, config.keys.validation]);
  const active = readStored(activeConfigSchema, activeJson);
  const validation = readStored(validationStateSchema, validationJson);
  const inForce = active ? `config from revision ${active.revisionId} (${active.entries} ${config.noun}) in force` : `no ${config.noun} in force`;
  if (!pageRevision) return { healthy: false, summary: `${what} missing (${config.page}); ${inForce}` };
  if (!validation || validation.revisionId !== pageRevision) {
    return { healthy: false, summary: `${what} revision ${pageRevision} not validated yet; ${inForce}` };
  }
  if (!validation.ok) {
    return { healthy: false, summary: `${what} revision ${pageRevision} has ${validation.errorCount} error(s); last good ${inForce}` };
  }
  const warnings = validation.warningCount > 0 ? ` with ${validation.warningCount} warning(s)` : '';
  return { healthy: true, summary: `${what} OK${warnings}; ${inForce}` };
}
