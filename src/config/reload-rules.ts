import type { TriggerContext } from '@devvit/public-api';
import { parseRulesPage, rememberCompiled } from '../rules/engine.js';
import { loadEnforcementConfig } from '../enforcement/config.js';
import { checkRulesEditor } from './editor-check.js';
import { checkEscalationTeams } from './escalation-teams-check.js';
import { formatDiagnostics } from './format-diagnostics.js';
import { activeRulesSchema, isMissingPageError, readStored, RULES_KEYS, RULES_PAGE, validationStateSchema, type ActiveRules, type ValidationState } from './rules-page.js';

type ReloadContext = Pick<TriggerContext, 'reddit' | 'redis' | 'settings' | 'subredditName' | 'subredditId'>;

export type ReloadOutcome =
  | { status: 'missing' }
  | { status: 'unchanged'; revisionId: string }
  | { status: 'accepted'; revisionId: string; ruleCount: number; warnings: number }
  | { status: 'rejected'; revisionId: string; errors: number; notified: boolean };

/** A rejected revision is reported once; the marker outlives Devvit's 4 h retry window. */
const NOTIFIED_TTL_SECONDS = 30 * 86400;

/**
 * Loads the rules page, validates it and, if it has no errors and a moderator saved it, makes it
 * the config in force.
 * Idempotent: a revision already validated is not processed again (unless `force`, used on upgrade
 * when the parser may have changed). On errors the last good config stays in force and the mod
 * inbox gets one message naming the editor with a `line:col: message` per diagnostic.
 */
export async function reloadRules(context: ReloadContext, opts: { editor?: string; force?: boolean } = {}): Promise<ReloadOutcome> {
  const subredditName = context.subredditName ?? '';
  let page;
  try {
    page = await context.reddit.getWikiPage(subredditName, RULES_PAGE);
  } catch (e) {
    if (isMissingPageError(e)) return { status: 'missing' };
    throw e;
  }
  const revisionId = page.revisionId;
  const prevState = readStored(validationStateSchema, await context.redis.get(RULES_KEYS.validation));
  if (!opts.force && prevState?.revisionId === revisionId) return { status: 'unchanged', revisionId };

  // The revision's own author: the event's moderator may have edited another page.
  const editor = page.revisionAuthor?.username ?? opts.editor;
  const parsed = parseRulesPage(page.content);
  const { escalation } = await loadEnforcementConfig(context.settings, new Date());
  const refusedEditor = await checkRulesEditor(context, editor);
  const diagnostics = [...(refusedEditor ? [refusedEditor] : []), ...parsed.diagnostics, ...checkEscalationTeams(parsed.rules, page.content, escalation.teams)].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.length - errors.length;
  const state: ValidationState = {
    revisionId,
    ok: errors.length === 0,
    errorCount: errors.length,
    warningCount: warnings,
    editor,
    at: new Date().toISOString(),
  };

  if (errors.length > 0) {
    const notified = await notifyRejected(context, revisionId, editor, diagnostics, page.content);
    await context.redis.set(RULES_KEYS.validation, JSON.stringify(state));
    return { status: 'rejected', revisionId, errors: errors.length, notified };
  }

  rememberCompiled(revisionId, parsed.compile());
  const active: ActiveRules = { revisionId, source: page.content, ruleCount: parsed.ruleCount, storedAt: state.at };
  // Active config first, validation marker last: a crash in between is redone by the next delivery.
  await context.redis.set(RULES_KEYS.active, JSON.stringify(active));
  await context.redis.set(RULES_KEYS.validation, JSON.stringify(state));
  return { status: 'accepted', revisionId, ruleCount: parsed.ruleCount, warnings };
}

async function notifyRejected(
  context: ReloadContext,
  revisionId: string,
  editor: string | undefined,
  diagnostics: Parameters<typeof formatDiagnostics>[0],
  source: string,
): Promise<boolean> {
  const marker = `${RULES_KEYS.notifiedPrefix}${revisionId}`;
  const claimed = await context.redis.set(marker, new Date().toISOString(), { nx: true, expiration: new Date(Date.now() + NOTIFIED_TTL_SECONDS * 1000) });
  if (!claimed) return false;
  const active = readStored(activeRulesSchema, await context.redis.get(RULES_KEYS.active));
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  const who = editor ? `u/${editor}` : 'an unknown editor';
  const body = [
    `The edit of the wiki page **${RULES_PAGE}** by ${who} (revision \`${revisionId}\`) was **not applied**: ${errorCount} error(s).`,
    '',
    active
      ? `The last good config (revision \`${active.revisionId}\`, ${active.ruleCount} rules) stays in force.`
      : 'No earlier config was ever accepted, so no content rules are in force.',
    '',
    'Fix these and save the page again:',
    '',
    formatDiagnostics(diagnostics, source),
  ].join('\n');
  try {
    await context.reddit.modMail.createModNotification({
      subject: `Rules page edit rejected (${errorCount} error${errorCount === 1 ? '' : 's'})`,
      bodyMarkdown: body,
      subredditId: context.subredditId as `t5_${string}`,
    });
  } catch (e) {
    // Release the marker so the retried delivery sends the message.
    await context.redis.del(marker);
    throw e;
  }
  return true;
}
