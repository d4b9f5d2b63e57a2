import type { Diagnostic } from '@creator-desk/core';
import type { TriggerContext } from '@devvit/public-api';

/**
 * A config page is moderation logic, so a revision is applied only when a moderator saved it.
 * The page is created mods-only, but its permissions can be changed on Reddit later (approved wiki
 * contributors, everyone): this check is what keeps a non-moderator's edit from taking effect.
 * An unknown author cannot be verified and is refused too. Returns the error to report, if any.
 */
export async function checkEditor(context: Pick<TriggerContext, 'reddit' | 'subredditName'>, page: string, editor: string | undefined): Promise<Diagnostic | undefined> {
  const subredditName = context.subredditName ?? '';
  const refuse = (why: string): Diagnostic => ({
    source: page,
    line: 1,
    column: 1,
    severity: 'error',
    message: `${why}; only a revision saved by a moderator is applied (a moderator must save the page again)`,
  });
  if (!editor) return refuse('the revision has no known author');
  const mods = await context.reddit.getModerators({ subredditName, username: editor }).all();
  if (mods.some((m) => m.username.toLowerCase() === editor.toLowerCase())) return undefined;
  return refuse(`the revision was saved by u/${editor}, who is not a moderator of r/${subredditName}`);
}
