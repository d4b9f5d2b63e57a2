import type { TriggerContext } from '@devvit/public-api';
import { readStored } from '../stored-json.js';
import { activeConfigSchema, isMissingPageError, validationStateSchema, type ActiveConfig, type ConfigPage, type ValidationState } from './config-page.js';
import { checkEditor } from './editor-check.js';
import { formatDiagnostics } from './format-diagnostics.js';

type ReloadContext = Pick<TriggerContext, 'reddit' | 'redis' | 'scheduler' | 'settings' | 'subredditName' | 'subredditId'>;

export type ReloadOutcome =
  | { status: 'missing' }
  | { status: 'unchanged'; revisionId: string }
  | { status: 'accepted'; revisionId: string; entries: number; warnings: number }
  | { status: 'rejected'; revisionId: string; errors: number; notified: boolean };

/** A rejected revision is reported once; the marker outlives Devvit's 4 h retry window. */
const NOTIFIED_TTL_SECONDS = 30 * 86400;

/**
 * Loads a config page, validates it and, if it has no errors and a moderator saved it, makes it
 * the config in force.
 * Idempotent: a revision already validated is not processed again (unless `force`, used on upgrade
 * when the validator may have changed). On errors the last good config stays in force and the mod
 * inbox gets one message naming the editor with a `line:col: message` per diagnostic.
 */
export async function reloadConfigPage(context: ReloadContext, config: ConfigPage, opts: { editor?: string; force?: boolean } = {}): Promise<ReloadOutcome> {
  const subredditName = context.subredditName ?? '';
  let page;
  try {
    page = await context.reddit.getWikiPage(subredditName, config.page);
  } catch (e) {
    if (isMissingPageError(e)) return { status: 'missing' };
    throw e;
  }
  const revisionId = page.revisionId;
  const prevState = readStored(validationStateSchema, await context.redis.get(config.keys.validation));
  if (!opts.force && prevState?.revisionId === revisionId) return { status: 'unchanged', revisionId };

  // The revision's own author: the event's moderator may have edited another page.
  const editor = page.revisionAuthor?.username ?? opts.editor;
  const validation = await config.validate(page.content, context);
  const refusedEditor = await checkEditor(context, config.page, editor);
  const diagnostics = [...(refusedEditor ? [refusedEditor] : []), ...validation.diagnostics].sort(
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
    const notified = await notifyRejected(context, config, revisionId, editor, diagnostics, page.content);
    await context.redis.set(config.keys.validation, JSON.stringify(state));
    return { status: 'rejected', revisionId, errors: errors.length, notified };
  }

  validation.onAccepted?.(revisionId);
  const active: ActiveConfig = { revisionId, source: page.content, entries: validation.entries, storedAt: state.at };
  // Active config first, validation marker last: a crash in between is redone by the next delivery.
  await context.redis.set(config.keys.active, JSON.stringify(active));
  await config.afterChange?.(context);
  await context.redis.set(config.keys.validation, JSON.stringify(state));
  return { status: 'accepted', revisionId, entries: validation.entries, warnings };
}

async function notifyRejected(
  context: ReloadContext,
  config: ConfigPage,
  revisionId: string,
  editor: string | undefined,
  diagnostics: Parameters<typeof formatDiagnostics>[0],
  source: string,
): Promise<boolean> {
  const marker = `${config.keys.notifiedPrefix}${revisionId}`;
  const claimed = await context.redis.set(marker, new Date().toISOString(), { nx: true, expiration: new Date(Date.now() + NOTIFIED_TTL_SECONDS * 1000) });
  if (!claimed) return false;
  const active = readStored(activeConfigSchema, await context.redis.get(config.keys.active));
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  const who = editor ? `u/${editor}` : 'an unknown editor';
  const body = [
    `The edit of the wiki page **${config.page}** by ${who} (revision \`${revisionId}\`) was **not applied**: ${errorCount} error(s).`,
    '',
    active
      ? `The last good config (revision \`${active.revisionId}\`, ${active.entries} ${config.noun}) stays in force.`
      : `No earlier config was ever accepted, so ${config.noneInForce}.`,
    '',
    'Fix these and save the page again:',
    '',
    formatDiagnostics(diagnostics, source),
  ].join('\n');
  try {
    await context.reddit.modMail.createModNotification({
      subject: `${capitalise(config.noun)} page edit rejected (${errorCount} error${errorCount === 1 ? '' : 's'})`,
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

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
