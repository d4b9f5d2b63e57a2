import { LineCounter, isNode, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Diagnostic } from '../rules/schema.js';
import { renderTemplate } from '../templates/render-template.js';
import { validateTemplate } from '../templates/placeholders.js';

/** Placeholders a macro may use; every value but `permalink` and `subreddit` is user-influenced and escaped. */
export const MACRO_PLACEHOLDERS = ['author', 'subject', 'subreddit', 'category', 'permalink'] as const;
export type MacroVars = Partial<Record<(typeof MACRO_PLACEHOLDERS)[number], string>>;

const MAX_MACROS = 200;
const MAX_TEXT = 8_000;

const linkSchema = z.strictObject({
  title: z.string().min(1).max(200),
  url: z.url({ protocol: /^https$/, error: 'expected an https:// link' }),
});
const macroSchema = z.strictObject({
  body: z.string().min(1).max(MAX_TEXT),
  links: z.array(linkSchema).max(10).default([]),
  /** `false` leaves the page's sign-off out (e.g. a macro that already ends with one). */
  sign_off: z.boolean().default(true),
});
const pageSchema = z.strictObject({
  sign_off: z.string().max(1_000).default(''),
  links_heading: z.string().max(200).default('Help articles:'),
  macros: z.record(z.string(), macroSchema).superRefine((macros, ctx) => {
    for (const name of Object.keys(macros)) {
      if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: `"${name}": macro names are lower-case letters, digits and dashes (at most 64)` });
    }
  }),
});

/** One macro as validated. */
export type Macro = z.output<typeof macroSchema>;
/** The macros page as validated. */
export type MacroSet = z.output<typeof pageSchema>;

/**
 * Parses the macros wiki page (YAML: `sign_off`, optional `links_heading`, `macros: {name: {body,
 * links}}`). Every problem has its 1-based line and column; a page with any error yields no macros,
 * so the caller keeps the last good set.
 */
export function parseMacros(text: string, opts: { source?: string } = {}): { macros: MacroSet | undefined; diagnostics: Diagnostic[] } {
  const src = opts.source === undefined ? {} : { source: opts.source };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return { ...src, line: pos.line, column: pos.col, severity: e.name === 'YAMLWarning' ? 'warning' : 'error', message: e.message.split('\n')[0] ?? e.message };
  });
  if (doc.errors.length > 0) return { macros: undefined, diagnostics };
  const at = (path: readonly PropertyKey[]): { line: number; column: number; valueStart: number } => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as (string | number)[], true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col, valueStart: node.range[0] };
      }
    }
    return { line: 1, column: 1, valueStart: 0 };
  };
  const parsed = pageSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { line, column } = at(issue.path);
      diagnostics.push({ ...src, line, column, severity: 'error', message: `${issue.path.join('.') || '(top level)'}: ${issue.message}` });
    }
    return { macros: undefined, diagnostics };
  }
  const macros = parsed.data;
  const names = Object.keys(macros.macros);
  if (names.length > MAX_MACROS) diagnostics.push({ ...src, ...at(['macros']), severity: 'error', message: `at most ${MAX_MACROS} macros, got ${names.length}` });
  const checkTemplate = (template: string, path: (string | number)[]) => {
    const where = at(path);
    // A block scalar's text starts on the line after its indicator; plain and quoted ones on the same line.
    const firstLine = lineCounter.linePos(where.valueStart).line;
    const block = /^[|>]/.test(text.slice(where.valueStart));
    // A quoted scalar's text starts one column after its quote.
    const quote = /^["']/.test(text.slice(where.valueStart)) ? 1 : 0;
    for (const d of validateTemplate(template, MACRO_PLACEHOLDERS)) {
      const line = firstLine + d.line - (block ? 0 : 1);
      const indent = block ? (/^ */.exec(text.split(/\r?\n/)[line - 1] ?? '')?.[0].length ?? 0) : where.column + quote;
      diagnostics.push({ ...src, line, column: indent + d.column - (block ? 0 : 1), severity: d.severity, message: `${path.join('.')}: ${d.message} (known: ${MACRO_PLACEHOLDERS.join(', ')})` });
    }
  };
  checkTemplate(macros.sign_off, ['sign_off']);
  for (const name of names) checkTemplate(macros.macros[name]!.body, ['macros', name, 'body']);
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { macros: diagnostics.some((d) => d.severity === 'error') ? undefined : macros, diagnostics };
}

/** How a rule's `reply:` names a macro: `macro: NAME`. Anything else is a plain reply text. */
export function macroNameOf(reply: string): string | undefined {
  const m = /^\s*macro:\s*([a-z0-9][a-z0-9-]{0,63})\s*$/i.exec(reply);
  return m?.[1]?.toLowerCase();
}

/**
 * The reply a macro sends: its body, then its help-article links, then the page's sign-off, with
 * placeholders filled. User-influenced values (author, subject, category) are escaped, so they can
 * never ping, link or break the markdown; `permalink` and `subreddit` come from the app.
 */
export function renderMacro(set: MacroSet, name: string, vars: MacroVars): { ok: true; text: string } | { ok: false; message: string } {
  const macro = Object.hasOwn(set.macros, name) ? set.macros[name] : undefined;
  if (!macro) return { ok: false, message: `no macro named "${name}" on the macros page (known: ${Object.keys(set.macros).join(', ') || 'none'})` };
  const fill = (t: string) => renderTemplate(t, { ...vars }, { trusted: ['permalink', 'subreddit'], unknown: 'empty', maxValueLength: 200 });
  const parts = [fill(macro.body).trimEnd()];
  if (macro.links.length > 0) {
    // Titles and URLs are the moderators' own page text, validated as https links.
    parts.push([set.links_heading, ...macro.links.map((l) => `- [${l.title.replace(/[[\]]/g, '')}](${l.url.replace(/[()\s]/g, encodeURIComponent)})`)].join('\n'));
  }
  if (macro.sign_off && set.sign_off.trim()) parts.push(fill(set.sign_off).trimEnd());
  return { ok: true, text: parts.join('\n\n') };
}
