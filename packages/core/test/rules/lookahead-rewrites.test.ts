import { describe, expect, it } from 'vitest';
import { searchRegex } from '../../src/rules/regex-engine.js';
import { buildSearchPattern } from '../../src/rules/search-pattern.js';
import type { SearchMethod } from '../../src/rules/schema.js';
import { matches, warnings } from './helpers.js';

/**
 * The lookaheads of real configs (shared/corpus/automod) that now run on re2js: each is checked on
 * texts against V8's own lookahead on the same translated pattern (the reference: a backtracking
 * engine like Python's), and the expected answer is written out.
 */
function runsLikeV8(pattern: string, method: SearchMethod, cases: [string, boolean][], engine: 're2js' | 'v8' = 're2js'): void {
  const built = buildSearchPattern([pattern], method, true, false);
  expect(built.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(built.engine).toBe(engine);
  const v8 = new RegExp(built.pattern, built.flags);
  const re2 = searchRegex(built);
  for (const [text, found] of cases) {
    const a = v8.exec(text);
    const b = re2.exec(text);
    expect(b !== null, `${pattern} on ${JSON.stringify(text)}`).toBe(found);
    expect(a !== null, `V8 on ${JSON.stringify(text)}`).toBe(found);
    expect(b?.[1], `group 1 on ${JSON.stringify(text)}`).toBe(a?.[1]);
  }
}

// 004-casinofreebies.yaml:245 (doxxing alert): IPv4 addresses, except private ranges and public resolvers.
const IPV4 =
  '\\b(?!(10\\.|172\\.(1[6-9]|2\\d|3[01])\\.|169\\.254\\.|192\\.168\\.|1\\.0\\.0\\.1|1\\.1\\.1\\.1|1\\.2\\.3\\.4|8\\.8\\.4\\.4|8\\.8\\.8\\.8|9\\.9\\.9\\.9|127\\.0\\.0\\.1|149\\.112\\.112\\.112|208\\.67\\.220\\.220|208\\.67\\.222\\.222)\\b)((25[0-5]|2[0-4]\\d|[01]?\\d\\d?)\\.){3}(25[0-5]|2[0-4]\\d|[01]?\\d\\d?)\\b';

describe('negative lookaheads over texts that end with a word boundary or the end of the text', () => {
  it('the IPv4 doxxing rule: a public address is found, private ranges and resolvers are not, 8.8.8.80 is not 8.8.8.8', () => {
    // Only bounded repetition: V8 runs it (a bounded walk per start position), faster than its RE2 form.
    runsLikeV8(IPV4, 'includes', [
      ['my server is at 203.0.113.7 tonight', true],
      ['use 8.8.8.8 for dns', false],
      ['or 10.0.0.1 at home', false],
      ['172.16.4.2 and 192.168.1.1', false],
      ['172.32.0.1 is public', true],
      ['8.8.8.80 is not the resolver', true],
      ['1.2.3.45', true],
      ['version 1.2.3.4', false],
    ], 'v8');
    // Its RE2 form (what a longer pattern of the same kind gets) gives the same answers.
    const built = buildSearchPattern([`${IPV4}(?:x|y+)?`], 'includes', true, false);
    expect(built.engine).toBe('re2js');
    const re2 = searchRegex(built);
    expect(['at 203.0.113.7', 'dns 8.8.8.8', '8.8.8.80', '10.0.0.1'].map((t) => re2.exec(t)?.[1] ?? null)).toEqual(['203.0.113.7', null, '8.8.8.80', null]);
  });

  it('a flair reserved for some accounts (024-glinet.yaml:76): the named accounts, in any case, and only them', () => {
    runsLikeV8('^(?!wickedwarlock84$|NationalOwl9561$|RemoteToHome-io$|GLiNet_WiFi$|robotluo$|GrandWizardZippy$|Valuable-Speaker-312$).*', 'full-exact', [
      ['robotluo', false],
      ['ROBOTLUO', false],
      ['robotluo2', true],
      ['someone_else', true],
    ]);
  });

  it('a flair command whose term is not one of the allowed ones (019-multiflair-botania.yaml:56): a term ends at a space or the end', () => {
    runsLikeV8('(\\+\\+|.* )(?!(31\\+ protein|26-30 g protein|noAddedSugar|glutenFree|ketoFriendly|wholeFoods)( |$))', 'includes', [
      ['++ketoFriendly', false],
      ['++ketoFriendly glutenFree', false],
      ['++ketoFriendlyX', true],
      ['++sugarFree', true],
    ]);
  });
});

describe('lookaheads at the start of the text are conditions on the whole text', () => {
  // 004-casinofreebies.yaml:404: a text post that has a link somewhere but is not only a link.
  const LINK_AND_TEXT =
    '^(?=.*(?:https?://|www\\.)[-a-zA-Z0-9@:%._\\+~#=]{1,256}\\.[a-zA-Z0-9()]{1,6}\\b(?:[-a-zA-Z0-9()@:%_\\+.~#?&//=]*))(?=.*[a-zA-Z0-9])(?!^(?:https?://|www\\.)[-a-zA-Z0-9@:%._\\+~#=]{1,256}\\.[a-zA-Z0-9()]{1,6}\\b(?:[-a-zA-Z0-9()@:%_\\+.~#?&//=]*)$).*$';

  it('text with a link fires, a link alone does not, text without a link does not', () => {
    runsLikeV8(LINK_AND_TEXT, 'includes', [
      ['check https://example.com/x and more', true],
      ['https://example.com/x', false],
      ['no links here', false],
      ['www.example.org/page is great', true],
    ]);
  });

  it('each condition is decided once on the whole text, so a long text stays linear', () => {
    const built = buildSearchPattern([LINK_AND_TEXT], 'includes', true, false);
    expect(built.re2?.conditions).toHaveLength(3);
  });
});

describe('a negative lookahead that starts with a run of one class', () => {
  it('(?![\\s(]*\\d{4}) after a plus sign: four digits after the spaces and brackets make it fail', () => {
    runsLikeV8('\\+(?![\\s\\(]*\\d{4})[\\s(]*\\d+', 'includes', [
      ['call +44 20 7946', true],
      ['call + (1234', false],
      ['call +(12', true],
      ['+   1234 and +12', true],
    ]);
  });

  it('the international phone number rule (004-casinofreebies.yaml:279): a number is found, a US-style +1234 area is not taken as a country code', () => {
    runsLikeV8(
      '(?#INT)(\\+(?![\\s\\(]*\\d{4})|\\b011)[\\(\\) ._-]{0,3}(9[976]\\d|8[987530]\\d|6[987]\\d|5[90]\\d|42\\d|3[875]\\d|2[98654321]\\d|9[8543210]|8[6421]|6[6543210]|5[87654321]|4[987654310]|3[9643210]|2[70]|7|1)\\b([\\(\\) ._-]{0,3}\\d){5,14}\\b',
      'includes',
      [
        ['call me at +44 20 7946 0958', true],
        ['call me at +(44) 20-7946-0958', true],
        ['+ (1234) 567 890', false],
        ['011 49 30 1234567', true],
        ['the score was +3 to 1', false],
      ],
    );
  });

  it('at the end of the pattern the run is consumed at once', () => {
    runsLikeV8('\\w+\\+(?! *\\d\\d)', 'includes', [
      ['a+ 12', false],
      ['a+ 1', true],
      ['a+', true],
    ]);
  });

  it('a run whose class the texts can start with is still rejected', () => {
    const built = buildSearchPattern(['x(?![a-z]*a)\\w+'], 'includes', true, false);
    expect(built.problems.find((p) => p.severity === 'error')?.message).toMatch(/a lookahead \(\?!…\) that is neither one character nor a short list of texts/);
  });
});

describe('a bare ? in a flow list (011-deltarune.yaml:164)', () => {
  const RULE = 'title: [question, help, ?]\nset_flair: ["Question", "question"]';

  it('is read as PyYAML and AutoModerator do: the text {None: None}, with a warning to quote it', () => {
    expect(warnings(RULE).some((w) => w.includes("a bare '?' in [...] is a YAML mapping") && w.includes('{None: None}'))).toBe(true);
    expect(matches(RULE, { title: 'help with my avatar' })).toBe(true);
    expect(matches(RULE, { title: 'is this allowed?' })).toBe(false);
  });
});
