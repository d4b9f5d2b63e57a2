import { renderTemplate, type TemplateVars } from '../templates/render-template.js';
import { PLACEHOLDER_PATTERN } from '../templates/placeholders.js';
import { flairSafe } from './username.js';

/** Placeholders the flair text and the welcome message may use. */
export const ARTIST_TEMPLATE_PLACEHOLDERS = ['username', 'shop_name', 'subreddit'] as const;

/** Reddit's limit on user flair text. */
export const FLAIR_TEXT_MAX = 64;

// Left over where an empty placeholder stood: "Artist · " → "Artist".
const DANGLING = /^[\s·•|/:–—-]+|[\s·•|/:–—-]+$/g;

/**
 * The user flair text for an artist from a template such as `Artist · {{shop_name}}`. Flair text is
 * plain (no markdown), so values are not escaped but stripped of commas and control characters
 * (Reddit's flair CSV splits on commas); an empty value takes the separator before it along, and
 * the result is cut to Reddit's 64 characters.
 */
export function renderFlairText(template: string, vars: TemplateVars): string {
  const text = template
    .replace(PLACEHOLDER_PATTERN, (raw: string, name: string) => {
      if (!Object.hasOwn(vars, name)) return raw;
      return flairSafe(String(vars[name] ?? ''));
    })
    .replace(/\s+/g, ' ')
    .replace(DANGLING, '');
  return text.slice(0, FLAIR_TEXT_MAX).trim();
}

/** The welcome message for an artist: every value escaped (a shop name cannot ping, link or format). */
export function renderWelcome(template: string, vars: TemplateVars): string {
  const text = renderTemplate(template, vars, { maxValueLength: 100 });
  return text.length > 10_000 ? `${text.slice(0, 9_999)}…` : text;
}
