// Test helper: render markdown the way Reddit does (Snudown for old Reddit and the API's body_html; a
// CommonMark renderer with linkify for new Reddit) and inspect what a reader would get.
import MarkdownIt from 'markdown-it';
import { markdown as snudown } from 'snudown-js';

const commonmark = new MarkdownIt({ linkify: true });
commonmark.linkify.set({ fuzzyLink: true, fuzzyEmail: true });

export const renderers = {
  snudown: (md: string): string => snudown(md),
  commonmark: (md: string): string => commonmark.render(md),
} as const;

/** HTML elements that would mean user text turned into structure, links or formatting. */
const STRUCTURE = /<(?!\/?p>|br\s*\/?>)[a-z][^>]*>/i;

/** The first element other than <p>/<br> in the HTML, if any (links, headings, quotes, spoilers …). */
export function structureIn(html: string): string | undefined {
  return STRUCTURE.exec(html)?.[0];
}

/** The text a reader sees: tags dropped, entities decoded, word joiners removed, blanks collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u2060/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
