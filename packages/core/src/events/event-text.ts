/**
 * Event title, body and note templates: `{{date FORMAT}}` tokens formatted with date-fns in the
 * event's zone (`{{date MMMM d}}` → "March 3"), plus named placeholders. Everything goes through
 * core's renderTemplate, so the formatted date and every value are escaped and cannot ping, link
 * or add markdown; only the moderator's own template text is markdown.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { renderTemplate, type TemplateVars } from '../templates/render-template.js';
import { validateTemplate, type TemplateDiagnostic } from '../templates/placeholders.js';

/** `{{date}}` or `{{date FORMAT}}`; FORMAT is a date-fns pattern of at most 60 characters. */
const DATE_TOKEN = /\{\{\s*date(?:\s+([^{}\n]{1,60}?))?\s*\}\}/g;
/** What `{{date}}` means without a format. */
export const DEFAULT_DATE_FORMAT = 'EEEE, MMMM d';

/** Placeholders an event text may use besides `{{date …}}`. */
export const EVENT_PLACEHOLDERS = ['id', 'time', 'zone', 'title', 'countdown', 'permalink'] as const;
export type EventTextVars = Partial<Record<(typeof EVENT_PLACEHOLDERS)[number], string>>;

/**
 * Values the app computes itself (a Reddit link, formatted times, the countdown), inserted
 * verbatim; `title` and `id` come from the page and are escaped.
 */
const TRUSTED = ['permalink', 'time', 'zone', 'countdown'];

/** Formats instant `at` in `timeZone` with a date-fns pattern; throws RangeError for a bad pattern. */
export function formatInZone(at: number, timeZone: string, pattern: string): string {
  return format(new TZDate(at, timeZone), pattern);
}

/** The zone's short name at `at` as US English shows it (EST, EDT, GMT+1). */
export function zoneName(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(new Date(at));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** How to render: `plain` for text Reddit shows literally (post titles, flair), markdown otherwise. */
export interface RenderEventTextOptions {
  /** Titles and flair are not markdown: values are kept to one line of printable text instead of escaped. */
  plain?: boolean;
  /** Cut the result to this many characters (Reddit: titles 300, flair 64, bodies 10,000). */
  maxLength?: number;
}

/** One line of printable text: control characters and line breaks become spaces. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const plainValue = (v: string): string => v.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300);

/** Renders an event text for one occurrence. */
export function renderEventText(template: string, at: number, timeZone: string, vars: EventTextVars, opts: RenderEventTextOptions = {}): string {
  const maxLength = opts.maxLength ?? 10_000;
  const values: Record<string, string> = { time: formatInZone(at, timeZone, 'h:mm a'), zone: zoneName(at, timeZone), ...vars };
  let n = 0;
  const withNames = template.replace(DATE_TOKEN, (_raw, pattern: string | undefined) => {
    const name = `date_${n++}`;
    values[name] = formatInZone(at, timeZone, pattern?.trim() || DEFAULT_DATE_FORMAT);
    return `{{${name}}}`;
  });
  const text = opts.plain
    ? renderTemplate(withNames, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, plainValue(v)])), { trusted: Object.keys(values) }).replace(/\s*\n\s*/g, ' ')
    : renderTemplate(withNames, values as TemplateVars, { trusted: [...TRUSTED, ...Object.keys(values).filter((k) => k.startsWith('date_'))], maxValueLength: 300 });
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** Problems in an event text: unknown placeholders, malformed braces, date patterns date-fns refuses. */
export function checkEventText(template: string): TemplateDiagnostic[] {
  const problems: TemplateDiagnostic[] = [];
  let n = 0;
  const withNames = template.replace(DATE_TOKEN, (raw: string, pattern: string | undefined) => {
    try {
      formatInZone(0, 'UTC', pattern?.trim() || DEFAULT_DATE_FORMAT);
    } catch (e) {
      problems.push({ line: 1, column: 1, severity: 'error', message: `${raw}: ${e instanceof Error ? e.message : String(e)}` });
    }
    // Same length keeps positions of later diagnostics right.
    return `{{date_${n++}}}`.padEnd(raw.length, ' ');
  });
  const known = new Set<string>(EVENT_PLACEHOLDERS);
  problems.push(...validateTemplate(withNames, (name) => known.has(name) || /^date_\d+$/.test(name)));
  return problems;
}
