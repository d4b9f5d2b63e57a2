/**
 * Rendering AutoModerator-style `{{name}}` templates with user-supplied values made inert.
 */
import { escapeMarkdown, WORD_JOINER } from './escape-markdown.js';
import { PLACEHOLDER_PATTERN, type TemplatePlaceholder, templatePlaceholders } from './placeholders.js';

/** Values for a template's placeholders. A present key with `undefined` renders as empty text. */
export type TemplateVars = Readonly<Record<string, string | number | undefined>>;

/** Options for {@link renderTemplate}. */
export interface RenderTemplateOptions {
  /** Names whose values the caller vouches for (e.g. a permalink the app built); inserted verbatim. */
  trusted?: Iterable<string>;
  /** Names whose values may span paragraphs (e.g. `body`); all others are collapsed to one line. */
  multiline?: Iterable<string>;
  /** Truncate each escaped value to this many characters (before escaping). */
  maxValueLength?: number;
  /**
   * What to do with a placeholder that has no key in `vars`. Default `'keep'`: it stays visible as
   * `{{name}}`, so a typo is noticed in the posted text instead of silently vanishing; use
   * {@link validateTemplate} to catch it before anything is posted. `'empty'` removes it; `'throw'`
   * raises {@link TemplateRenderError}.
   */
  unknown?: 'keep' | 'empty' | 'throw';
  /** Called for each placeholder that has no key in `vars`, whatever `unknown` says. */
  onUnknown?: (placeholder: TemplatePlaceholder) => void;
}

/** Thrown by {@link renderTemplate} with `unknown: 'throw'`. */
export class TemplateRenderError extends Error {
  override readonly name = 'TemplateRenderError';
  constructor(readonly placeholder: TemplatePlaceholder) {
    super(`unknown placeholder {{${placeholder.name}}} at line ${placeholder.line}, column ${placeholder.column}`);
  }
}

// Reddit's own name rules: a value that fits them cannot carry markdown beyond the name itself.
const USERNAME = /^[A-Za-z0-9_-]{3,20}$/;
const SUBREDDIT = /^[A-Za-z0-9][A-Za-z0-9_]{1,20}$/;
// `u/` or `r/` (optionally `/u/`) written by the template author right before the placeholder.
const LINK_PREFIX = /(?:^|[^A-Za-z0-9_])\/?([ur])\/$/i;

/**
 * Replace `{{name}}` placeholders with values from `vars`, escaping each with {@link escapeMarkdown}
 * unless trusted. A placeholder right after the template's own `u/` or `r/` (as in `Hi u/{{author}}`) is
 * inserted verbatim when the value is a valid Reddit user or subreddit name, so the intended link works;
 * any other value there gets a word joiner in front, so the template's prefix links to nothing.
 */
export function renderTemplate(template: string, vars: TemplateVars, opts: RenderTemplateOptions = {}): string {
  const trusted = new Set(opts.trusted ?? []);
  const multiline = new Set(opts.multiline ?? []);
  const unknown = opts.unknown ?? 'keep';
  let placeholders: Map<number, TemplatePlaceholder> | undefined;
  const placeholderAt = (index: number): TemplatePlaceholder => {
    placeholders ??= new Map(templatePlaceholders(template).map((p) => [p.index, p]));
    const p = placeholders.get(index);
    if (p === undefined) throw new Error(`internal: no placeholder at ${index}`);
    return p;
  };

  return template.replace(PLACEHOLDER_PATTERN, (raw: string, name: string, index: number): string => {
    if (!Object.hasOwn(vars, name)) {
      const p = placeholderAt(index);
      opts.onUnknown?.(p);
      if (unknown === 'throw') throw new TemplateRenderError(p);
      return unknown === 'empty' ? '' : raw;
    }
    const value = vars[name];
    if (value === undefined) return '';
    const text = String(value);
    if (trusted.has(name)) return text;
    const linkKind = LINK_PREFIX.exec(template.slice(Math.max(0, index - 4), index))?.[1]?.toLowerCase();
    if (linkKind !== undefined) {
      const valid = linkKind === 'u' ? USERNAME : SUBREDDIT;
      if (valid.test(text)) return text;
    }
    const escaped = escapeMarkdown(text, {
      singleLine: !multiline.has(name),
      ...(opts.maxValueLength !== undefined ? { maxLength: opts.maxValueLength } : {}),
    });
    return linkKind !== undefined ? WORD_JOINER + escaped : escaped;
  });
}
