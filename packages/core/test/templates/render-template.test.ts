import { describe, expect, it } from 'vitest';
import { renderTemplate, TemplateRenderError, WORD_JOINER } from '../../src/templates/index.js';
import { renderers, structureIn, visibleText } from './render-markdown.js';

const removal =
  'Hi u/{{author}}, your post "{{title}}" was removed: it matched {{match}} ({{match-title-2}}).\n\n' +
  '[Read the rules]({{rules_url}}) · r/{{subreddit}}';

function links(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1] ?? '');
}

describe('renderTemplate', () => {
  it('fills AutoModerator placeholders including numbered and field-qualified matches', () => {
    const out = renderTemplate('{{author}}: {{match}} / {{match-2}} / {{match-title-1}} / {{ kind }}', {
      author: 'artist_01',
      match: 'ai',
      'match-2': 'generated',
      'match-title-1': 'midjourney',
      kind: 'submission',
    });
    expect(out).toBe('artist\\_01: ai / generated / midjourney / submission');
  });

  it('a hostile title cannot ping, link or inject, while the template’s own links still work', () => {
    const md = renderTemplate(
      removal,
      {
        author: 'real_artist',
        title: 'u/spez [free gold](https://evil.example) >!x!< # hi\n\n> quoted www.evil.example',
        match: '/r/all',
        'match-title-2': '&#117;/admin',
        rules_url: 'https://www.reddit.com/r/CollectibleCreators/wiki/rules',
        subreddit: 'CollectibleCreators',
      },
      { trusted: ['rules_url'] },
    );
    for (const render of Object.values(renderers)) {
      const html = render(md);
      const hrefs = links(html).map((h) => h.replace(/^https:\/\/www\.reddit\.com/, ''));
      // Exactly the template's own links: the author ping (Snudown autolinks it), the rules link, the subreddit.
      expect(hrefs.filter((h) => !h.startsWith('/u/real_artist') && !h.startsWith('/r/CollectibleCreators'))).toEqual([]);
      expect(hrefs).toContain('/r/CollectibleCreators/wiki/rules');
      expect(html).not.toMatch(/<(h\d|blockquote|span class="md-spoiler)/);
      expect(visibleText(html)).toContain('"u/spez [free gold](https://evil.example) >!x!< # hi > quoted www.evil.example"');
      expect(visibleText(html)).toContain('matched /r/all (&#117;/admin)');
    }
  });

  it('a value that is not a valid Reddit name after the template’s u/ links nowhere', () => {
    const md = renderTemplate('Thanks u/{{author}}!', { author: 'spez](https://evil.example)' });
    expect(md.startsWith(`Thanks u/${WORD_JOINER}`)).toBe(true);
    for (const render of Object.values(renderers)) {
      const html = render(md);
      expect(structureIn(html)).toBeUndefined();
      expect(visibleText(html)).toBe('Thanks u/spez](https://evil.example)!');
    }
  });

  it('inserts a valid username after u/ verbatim so the ping reaches the right user', () => {
    const md = renderTemplate('Welcome u/{{author}} to r/{{subreddit}}', { author: '_under_score-', subreddit: 'Art_2' });
    expect(md).toBe('Welcome u/_under_score- to r/Art_2');
    expect(links(renderers.snudown(md))).toEqual(['/u/_under_score-', '/r/Art_2']);
  });

  it('escapes a valid-looking username that is not right after u/', () => {
    const md = renderTemplate('by {{author}}', { author: 'u_spez' });
    expect(md).toBe('by u\\_spez');
  });

  it('inserts trusted values verbatim and stringifies numbers', () => {
    expect(
      renderTemplate('[notice {{ref}}]({{link}}) — {{days}} days', { ref: 'DMCA-7', link: '/message/x', days: 10 }, {
        trusted: ['link'],
      }),
    ).toBe('[notice DMCA\\-7](/message/x) — 10 days');
  });

  it('keeps paragraphs only for multiline names', () => {
    const vars = { body: 'line one\n\nline two' };
    expect(renderTemplate('> {{body}}', vars)).toBe('> line one line two');
    expect(renderTemplate('{{body}}', vars, { multiline: ['body'] })).toBe('line one\n\nline two');
  });

  it('renders a present-but-undefined value as empty and truncates long values', () => {
    expect(renderTemplate('[{{flair}}]', { flair: undefined })).toBe('[]');
    expect(renderTemplate('{{title}}', { title: 'x'.repeat(50) }, { maxValueLength: 10 })).toBe(`${'x'.repeat(9)}…`);
  });

  it('leaves unknown placeholders visible by default, and can drop them or throw', () => {
    const seen: string[] = [];
    expect(renderTemplate('Hi {{autor}}', {}, { onUnknown: (p) => seen.push(`${p.name}@${p.line}:${p.column}`) })).toBe(
      'Hi {{autor}}',
    );
    expect(seen).toEqual(['autor@1:4']);
    expect(renderTemplate('Hi {{autor}}!', {}, { unknown: 'empty' })).toBe('Hi !');
    expect(() => renderTemplate('a\n  {{autor}}', {}, { unknown: 'throw' })).toThrow(TemplateRenderError);
    expect(() => renderTemplate('a\n  {{autor}}', {}, { unknown: 'throw' })).toThrow('line 2, column 3');
  });

  it('does not treat values as templates (no second expansion)', () => {
    expect(renderTemplate('{{a}}', { a: '{{b}}', b: 'secret' })).toBe('\\{\\{b\\}\\}');
  });
});
