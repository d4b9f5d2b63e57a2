/**
 * Making user-supplied text inert in Reddit markdown.
 *
 * Reddit renders markdown with two engines: Snudown (old Reddit, the API's `body_html`) and a
 * CommonMark-style renderer (new Reddit, apps). Text a user controls (usernames, titles, flair, notice
 * references …) must come out as the same visible characters in both, with no pings, links or structure.
 *
 * The choice, in two layers:
 * 1. Backslash escapes for every character in Snudown's escape set (`\`*_{}[]()#+-.!:|&<>/^~`). Each is
 *    also ASCII punctuation, which CommonMark lets you escape, so both engines print the bare character.
 *    This stops links `[x](y)`, `<url>` autolinks, emphasis, strikethrough, superscript `^`, spoilers
 *    `>!…!<`, headings, quotes, lists, tables, code and HTML entities (`&` is escaped, so `&#47;` stays text).
 * 2. An invisible U+2060 WORD JOINER inside every autolink trigger, because autolinking may run on text
 *    after escapes are resolved: `u/`, `r/` (hence `/u/`, `user/`, any case), `://`, `www.`, `@`,
 *    `mailto:` and the dot of anything that looks like a domain. The joiner is zero-width and does not
 *    allow a line break, so readers see the original text; it only breaks the pattern.
 *
 * Escape exactly once, at render time: escaping twice shows the backslashes. This is for markdown only;
 * plain-text fields (flair, mod notes, subjects) need no escaping and would show the backslashes.
 */

/** U+2060 WORD JOINER: invisible, no line break opportunity; used to break autolink patterns. */
export const WORD_JOINER = '\u2060';

/** Characters Snudown accepts after a backslash; all are ASCII punctuation, so CommonMark accepts them too. */
export const MARKDOWN_ESCAPABLE = '\\`*_{}[]()#+-.!:|&<>/^~';

/** Options for {@link escapeMarkdown}. */
export interface EscapeMarkdownOptions {
  /**
   * Collapse every line break (and surrounding blanks) into one space. Default `true`: most placeholders
   * sit inside a line of the template, where a newline from the user could start a heading, quote or
   * table row. Pass `false` for multi-paragraph bodies; paragraphs are kept, indentation is dropped.
   */
  singleLine?: boolean;
  /** Truncate to this many characters (code points) before escaping, ending with `…`. */
  maxLength?: number;
}

// C0/C1 controls (except tab and line breaks, handled separately), bidi embeddings/overrides/isolates and
// marks: they can reorder or hide what a moderator reads (e.g. an RLO making "gpj.exe" read "exe.jpg").
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
// eslint-disable-next-line no-control-regex -- vertical tab and form feed are line breaks here
const LINE_BREAKS = /\r\n|[\r\n\u000B\u000C\u0085\u2028\u2029]/g;
const ESCAPE_CLASS = /[\\`*_{}[\]()#+\-.!:|&<>/^~]/g;

const AUTOLINK_TRIGGERS: ReadonlyArray<readonly [RegExp, string]> = [
  // u/ and r/ in any case, with or without the leading slash; also covers user/ (ends in r/).
  [/([ur])\//gi, `$1${WORD_JOINER}/`],
  [/:\/\//g, `${WORD_JOINER}://`],
  [/(w)(ww\.)/gi, `$1${WORD_JOINER}$2`],
  [/@/g, `${WORD_JOINER}@`],
  [/(mailto|xmpp|tel|sms|news|irc|ftp|https?):/gi, `$1${WORD_JOINER}:`],
  // A dot between an alphanumeric and two letters looks like a domain to fuzzy linkifiers.
  [/([\p{L}\p{N}])\.(?=\p{L}{2})/gu, `$1.${WORD_JOINER}`],
];

/** Make user-supplied text render as literal text in Reddit markdown: no pings, links or formatting. */
export function escapeMarkdown(userText: string, opts: EscapeMarkdownOptions = {}): string {
  const singleLine = opts.singleLine ?? true;
  let text = userText.replace(INVISIBLE_CONTROLS, '').replace(LINE_BREAKS, '\n').replace(/\t/g, ' ');
  text = singleLine ? collapseToOneLine(text) : normaliseParagraphs(text);
  if (opts.maxLength !== undefined) text = truncate(text, opts.maxLength);
  for (const [pattern, replacement] of AUTOLINK_TRIGGERS) text = text.replace(pattern, replacement);
  text = text.replace(ESCAPE_CLASS, (ch) => `\\${ch}`);
  // `=` cannot be backslash-escaped in Snudown, and a line of `=` is a setext heading (even alone, where
  // Snudown renders an empty <h1>); a joiner in front stops it.
  return text.replace(/^=/gm, `${WORD_JOINER}=`);
}

function collapseToOneLine(text: string): string {
  // Leading blanks are trimmed too: placed at the start of a template line they would make a code block.
  return text.replace(/[ ]*\n[\n ]*/g, ' ').trim();
}

function normaliseParagraphs(text: string): string {
  return text
    .split('\n')
    // Leading blanks would make an indented code block; trailing ones a hard break. Neither is the user's to choose.
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

function truncate(text: string, maxLength: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxLength) return text;
  if (maxLength <= 0) return '';
  return `${chars.slice(0, maxLength - 1).join('').trimEnd()}…`;
}

/**
 * User text as an inline code span: rendered literally by both engines (no links, pings or formatting)
 * and copied exactly, with no invisible characters — for values a reader may copy, such as a URL.
 */
export function inlineCode(userText: string): string {
  const text = collapseToOneLine(userText.replace(INVISIBLE_CONTROLS, '').replace(LINE_BREAKS, '\n').replace(/\t/g, ' '));
  if (text === '') return '';
  // The fence is one backtick longer than the longest run inside; padding keeps an edge backtick apart.
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
