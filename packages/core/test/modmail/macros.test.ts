import { describe, expect, it } from 'vitest';
import { macroNameOf, parseMacros, renderMacro } from '../../src/modmail/index.js';
import { WORD_JOINER as J } from '../../src/templates/index.js';

const PAGE = `sign_off: |
  — the r/{{subreddit}} mod team
macros:
  persona-false-positive:
    body: |
      Hi u/{{author}}, Persona flagged your check by mistake.
      About "{{subject}}": retry the check.
    links:
      - title: Verifying your identity
        url: https://support.reddithelp.com/hc/articles/persona
  no-sign:
    body: Thanks!
    sign_off: false
`;

describe('macros page', () => {
  it('renders body, help links and sign-off with user values made inert', () => {
    const { macros, diagnostics } = parseMacros(PAGE);
    expect(diagnostics).toEqual([]);
    const r = renderMacro(macros!, 'persona-false-positive', { author: 'artist_ann', subject: '**urgent** [x](http://x) u/someone', subreddit: 'CollectibleCreators' });
    expect(r).toEqual({
      ok: true,
      text: [
        'Hi u/artist_ann, Persona flagged your check by mistake.',
        `About "\\*\\*urgent\\*\\* \\[x\\]\\(http${J}\\:\\/\\/x\\) u${J}\\/someone": retry the check.`,
        '',
        'Help articles:',
        '- [Verifying your identity](https://support.reddithelp.com/hc/articles/persona)',
        '',
        '— the r/CollectibleCreators mod team',
      ].join('\n'),
    });
    expect(renderMacro(macros!, 'no-sign', {})).toEqual({ ok: true, text: 'Thanks!' });
    expect(renderMacro(macros!, 'nope', {})).toEqual({ ok: false, message: 'no macro named "nope" on the macros page (known: persona-false-positive, no-sign)' });
  });

  it('names each problem by line and column, and yields no macros on an error', () => {
    const shape = parseMacros(`macros:\n  payout:\n    body: Hi\n    links:\n      - title: x\n        url: http://insecure.example\n`);
    expect(shape.macros).toBeUndefined();
    expect(shape.diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual(['6:14: macros.payout.links.0.url: expected an https:// link']);
    const placeholder = parseMacros(`sign_off: 'bye {{mod}}'\nmacros:\n  payout:\n    body: |\n      Hello,\n      Hi {{artist}}\n`);
    expect(placeholder.macros).toBeUndefined();
    expect(placeholder.diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '1:16: sign_off: unknown placeholder {{mod}} (known: author, subject, subreddit, category, permalink)',
      '6:10: macros.payout.body: unknown placeholder {{artist}} (known: author, subject, subreddit, category, permalink)',
    ]);
    expect(parseMacros('macros: [').diagnostics[0]).toMatchObject({ line: 1, severity: 'error' });
    expect(parseMacros('macros:\n  Bad_Name:\n    body: x\n').diagnostics[0]?.message).toContain('lower-case letters');
  });

  it('reads `macro: NAME` in a rule reply', () => {
    expect(macroNameOf('macro: payout-timing')).toBe('payout-timing');
    expect(macroNameOf('Thanks, we will look.')).toBeUndefined();
  });
});
