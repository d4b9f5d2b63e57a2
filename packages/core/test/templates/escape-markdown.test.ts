import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, inlineCode } from '../../src/templates/index.js';
import { renderers, structureIn, visibleText } from './render-markdown.js';

const hostile: Array<[string, string]> = [
  ['username ping', 'u/spez'],
  ['slash username ping', '/u/spez'],
  ['upper-case ping', 'U/spez and /U/spez'],
  ['subreddit link', 'r/pics and /r/pics and R/pics'],
  ['user path', 'see /user/spez'],
  ['inline link', '[click me](https://evil.example/phish)'],
  ['reference link', '[click][1]\n\n[1]: https://evil.example'],
  ['angle autolink', '<https://evil.example>'],
  ['bare URL', 'visit https://evil.example/x now'],
  ['www autolink', 'go to www.evil.example'],
  ['bare domain', 'evil.example.com/login'],
  ['email', 'mail me: someone@evil.example'],
  ['mailto', 'mailto:someone@evil.example'],
  ['image', '![img](https://evil.example/a.png)'],
  ['heading', '# FREE KARMA'],
  ['quote', '> the mods said so'],
  ['spoiler', '>!hidden!<'],
  ['superscript', 'x^tiny ^(tiny text)'],
  ['strikethrough', '~~gone~~'],
  ['emphasis', '**bold** _it_ *it*'],
  ['code', '`code` and ```fence```'],
  ['list', '- one\n- two\n1. three'],
  ['table', 'a|b\n-|-\nc|d'],
  ['horizontal rule', '---'],
  ['html', '<b>bold</b><script>alert(1)</script>'],
  ['entity', '&#117;/spez &amp; &lt;b&gt;'],
  ['setext heading', 'Title\n====='],
  ['indented code', '    code block'],
];

/**
 * A renderer may autolink the text left after resolving escapes (as linkify post-processors do), so the
 * escaped output, with escapes resolved, must not contain any autolink trigger.
 */
const TEXT_AUTOLINKS: RegExp[] = [/[ur]\//i, /[a-z]:\/\//i, /www\./i, /[\p{L}\p{N}_.+-]@/u, /mailto:/i, /[\p{L}\p{N}]\.\p{L}{2}/u];
function autolinkTriggers(md: string): string[] {
  const text = md.replace(/\\(.)/g, '$1');
  return TEXT_AUTOLINKS.filter((re) => re.test(text)).map(String);
}

describe('escapeMarkdown', () => {
  it.each(hostile)('renders %s as plain text in both Reddit renderers', (_label, input) => {
    const md = escapeMarkdown(input);
    for (const [engine, render] of Object.entries(renderers)) {
      const html = render(md);
      expect({ engine, structure: structureIn(html) }).toEqual({ engine, structure: undefined });
      expect(visibleText(html)).toBe(input.replace(/\s+/g, ' ').trim());
    }
  });

  it('keeps paragraphs but no structure in multi-line mode', () => {
    const input = '# Heading\n\n> quote\n- item\n\n\n\n    indented\nTitle\n===\nu/spez';
    const md = escapeMarkdown(input, { singleLine: false });
    for (const render of Object.values(renderers)) {
      const html = render(md);
      expect(structureIn(html)).toBeUndefined();
      expect(html.match(/<p>/g)?.length).toBe(3);
    }
    expect(md).not.toMatch(/\n{3}/);
  });

  it.each(hostile)('leaves no autolink trigger in %s even once escapes are resolved', (_label, input) => {
    expect(autolinkTriggers(escapeMarkdown(input))).toEqual([]);
  });

  it('collapses line breaks of every kind into one space by default', () => {
    expect(escapeMarkdown('a\r\nb\rc\u2028d\u2029e\u0085f\n\n  g')).toBe('a b c d e f g');
  });

  it('removes bidi overrides and control characters that would disguise the text', () => {
    expect(escapeMarkdown('invoice\u202Egpj.exe\u0000\u200F')).toBe('invoicegpj\\.\u2060exe');
  });

  it('truncates long values with an ellipsis before escaping', () => {
    expect(escapeMarkdown('abcdefghij', { maxLength: 5 })).toBe('abcd…');
    expect(escapeMarkdown('[[[[[[', { maxLength: 3 })).toBe('\\[\\[…');
    expect(escapeMarkdown('short', { maxLength: 5 })).toBe('short');
  });

  it('leaves ordinary text readable in the source', () => {
    expect(escapeMarkdown('Spring drop: 12 new avatars')).toBe('Spring drop\\: 12 new avatars');
    expect(escapeMarkdown('')).toBe('');
  });

  it('never lets arbitrary text produce a link, ping or element (property)', () => {
    const pieces = fc.constantFrom(
      'u/', '/u/', 'r/', '/r/', 'U/', 'user/', '[', ']', '(', ')', '<', '>', '!', '^', '~', '*', '_', '`', '#',
      '|', '-', '+', '=', '.', ':', '&', ';', '#x2F', '@', 'http', 's://', 'www.', 'mailto:', '.com', 'spez',
      'a', '1', ' ', '\n', '\t', '\\', '\u2060', 'é', '>!', '!<',
    );
    const text = fc.array(pieces, { maxLength: 40 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, fc.boolean(), (input, singleLine) => {
        const md = escapeMarkdown(input, { singleLine });
        if (autolinkTriggers(md).length > 0) return false;
        for (const render of Object.values(renderers)) {
          const html = render(md);
          if (structureIn(html) !== undefined) return false;
          const expected = input.replace(/\u2060/g, '').replace(/\s+/g, ' ').trim();
          if (visibleText(html) !== expected) return false;
        }
        return true;
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 2000) },
    );
  });
});

describe('inlineCode', () => {
  it('wraps text in a code span long enough for the backticks inside, with nothing invisible added', () => {
    expect(inlineCode('https://a.example/x_y')).toBe('`https://a.example/x_y`');
    expect(inlineCode('a`b``c')).toBe('```a`b``c```');
    expect(inlineCode('`edge`')).toBe('`` `edge` ``');
    expect(inlineCode('')).toBe('');
  });
  it('drops controls and bidi overrides and keeps it on one line', () => {
    expect(inlineCode('evil\u202Etxt.exe\nline two')).toBe('`eviltxt.exe line two`');
  });
});

describe('inlineCode in both Reddit renderers', () => {
  it.each(['https://evil.example/a_b?x=1&y=*2*', 'www.evil.example', 'u/admin r/all', 'a@b.example', '[x](https://y.example)', '`tick` and ``two``'])('%s is one code span, no link, the same characters', (input) => {
    for (const render of Object.values(renderers)) {
      const html = render(`see ${inlineCode(input)} here`);
      expect(html).not.toMatch(/<a\b/);
      expect(html.match(/<code>/g)).toHaveLength(1);
      expect(visibleText(html)).toBe(`see ${input} here`);
    }
  });
});
