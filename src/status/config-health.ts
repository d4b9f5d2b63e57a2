import type { Context } from '@devvit/public-api';
import { activeRulesSchema, isMissingPageError, readStored, RULES_KEYS, RULES_PAGE, validationStateSchema } from '../config/rules-page.js';

type HealthContext = Pick<Context, 'reddit' | 'redis' | 'subredditName'>;

/** One line describing whether the rules config page is healthy, from the wiki and Redis. */
export async function describeConfigHealth(context: HealthContext): Promise<{ healthy: boolean; summary: string }> {
  const subredditName = context.subredditName ?? '';
  let pageRevision: string | undefined;
  try {
    pageRevision = (await context.reddit.getWikiPage(subredditName, RULES_PAGE)).revisionId;
  } catch (e) {
    if (!isMissingPageError(e)) {
      return { healthy: false, summary: `could not read wiki page ${RULES_PAGE} (${e instanceof Error ? e.message : String(e)})` };
    }
  }
  const [activeJson, validationJson] = await context.redis.mGet([RULES_KEYS.active, RULES_KEYS.validation]);
  const active = readStored(activeRulesSchema, activeJson);
  const validation = readStored(validationStateSchema, validationJson);
  const inForce = active ? `config from revision ${active.revisionId} (${active.ruleCount} rules) in force` : 'no rules in force';
  if (!pageRevision) return { healthy: false, summary: `rules page missing (${RULES_PAGE}); ${inForce}` };
  if (!validation || validation.revisionId !== pageRevision) {
    return { healthy: false, summary: `rules page revision ${pageRevision} not validated yet; ${inForce}` };
  }
  if (!validation.ok) {
    return { healthy: false, summary: `rules page revision ${pageRevision} has ${validation.errorCount} error(s); last good ${inForce}` };
  }
  const warnings = validation.warningCount > 0 ? ` with ${validation.warningCount} warning(s)` : '';
  return { healthy: true, summary: `rules page OK${warnings}; ${inForce}` };
}
