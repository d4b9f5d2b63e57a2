import { renderTemplate, type TemplateVars } from '@creator-desk/core';

/** The placeholders each enforcement template may use (checked when the setting is saved). */
export const TEMPLATE_PLACEHOLDERS = {
  removal: ['author', 'subreddit', 'kind', 'reason', 'note', 'permalink'],
  strike: ['author', 'subreddit', 'reason', 'strikes', 'ban', 'ladder', 'expiry_days', 'permalink'],
  takedown: ['author', 'subreddit', 'kind', 'reference', 'work', 'permalink'],
} as const;

/** Values the app builds itself (links to Reddit), inserted verbatim. */
const TRUSTED = ['permalink'];

/**
 * Renders an enforcement template: every value is escaped by core's renderTemplate (user text
 * cannot ping, link or add markdown), `note` may span paragraphs, unknown placeholders stay
 * visible so a typo is noticed, and the result is cut to Reddit's 10,000-character limit.
 */
export function renderEnforcementTemplate(template: string, vars: TemplateVars): string {
  const text = renderTemplate(template, vars, { trusted: TRUSTED, multiline: ['note'], maxValueLength: 2000 });
  return text.length > 10_000 ? `${text.slice(0, 9_999)}…` : text;
}
