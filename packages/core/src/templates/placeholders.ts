/**
 * Finding `{{name}}` placeholders in a template (AutoModerator style), with positions, so templates can be
 * validated when they are loaded rather than when a message is about to be sent.
 */
import { lineStartOffsets, positionAt } from '../text/line-position.js';

/** One placeholder occurrence in a template. */
export interface TemplatePlaceholder {
  /** The name between the braces, e.g. `author`, `match-2`, `match-title-1`. */
  name: string;
  /** The exact source text, e.g. `{{ author }}`. */
  raw: string;
  /** 0-based offset of `{{` in the template. */
  index: number;
  /** 1-based line of `{{`. */
  line: number;
  /** 1-based column of `{{`. */
  column: number;
}

/** A problem found in a template, located by 1-based line and column. */
export interface TemplateDiagnostic {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
  placeholder?: string;
}

// Names are AutoModerator's: letters, digits and underscores, with `-` joining parts (`match-title-body-2`).
const NAME = '[A-Za-z_][A-Za-z0-9_]*(?:[-+][A-Za-z0-9_]+)*';

/** Matches one placeholder; group 1 is the name. Spaces inside the braces are tolerated. */
export const PLACEHOLDER_PATTERN = new RegExp(`\\{\\{\\s*(${NAME})\\s*\\}\\}`, 'g');

/** `match`, `match-2`, `match-title-1`, `match-title+body-1`-style names produced by a rule's checks. */
const MATCH_NAME = /^match(?:-[a-z_+]+)*(?:-\d+)?$/;

/** Whether `name` is an AutoModerator match placeholder (`match`, `match-2`, `match-title-1` …). */
export function isMatchPlaceholder(name: string): boolean {
  return MATCH_NAME.test(name);
}

/** Every placeholder in `template`, in order of appearance. */
export function templatePlaceholders(template: string): TemplatePlaceholder[] {
  const lineStarts = lineStartOffsets(template);
  const found: TemplatePlaceholder[] = [];
  for (const m of template.matchAll(PLACEHOLDER_PATTERN)) {
    const index = m.index;
    const name = m[1];
    if (name === undefined) continue;
    const { line, column } = positionAt(lineStarts, index);
    found.push({ name, raw: m[0], index, line, column });
  }
  return found;
}

/**
 * Check a template up front: placeholders whose name is not known (`known` is a list of names or a
 * predicate) are errors; `{{` that does not open a well-formed placeholder is a warning, because it will
 * be shown to users literally.
 */
export function validateTemplate(
  template: string,
  known: Iterable<string> | ((name: string) => boolean),
): TemplateDiagnostic[] {
  const isKnown = typeof known === 'function' ? known : setPredicate(new Set(known));
  const diagnostics: TemplateDiagnostic[] = [];
  const placeholders = templatePlaceholders(template);
  for (const p of placeholders) {
    if (!isKnown(p.name)) {
      diagnostics.push({
        line: p.line,
        column: p.column,
        severity: 'error',
        message: `unknown placeholder {{${p.name}}}`,
        placeholder: p.name,
      });
    }
  }
  const wellFormedStarts = new Set(placeholders.map((p) => p.index));
  const lineStarts = lineStartOffsets(template);
  for (let i = template.indexOf('{{'); i !== -1; i = template.indexOf('{{', i + 2)) {
    // `{{{name}}}` contains a well-formed placeholder one character later; that is not malformed.
    if (wellFormedStarts.has(i) || wellFormedStarts.has(i + 1)) continue;
    const { line, column } = positionAt(lineStarts, i);
    const snippet = template.slice(i, i + 24).split('\n')[0] ?? '';
    diagnostics.push({
      line,
      column,
      severity: 'warning',
      message: `"${snippet}" is not a placeholder (expected {{name}}); it will be shown literally`,
    });
  }
  return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
}

function setPredicate(names: ReadonlySet<string>): (name: string) => boolean {
  return (name) => names.has(name);
}

