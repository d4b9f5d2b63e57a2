import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, evaluate, explain, parseRules, type Item } from '../../src/index.js';

// Checks of every kind the literal index decides or pre-screens: whole words, includes, starts-with,
// full-exact, domains, required literals of regexes, negations and joined fields.
const CONFIG = `
title: [free, nft drop]
action: report
action_reason: 'words: {{match}}'
---
type: submission
title+body (includes): [giveaway, 'dm me']
~flair_text: [Art]
action: remove
---
body (regex): ['(scam|leak)[0-9]{2,4}']
action: filter
---
type: submission
domain: [bit.ly, discord.gg]
action: spam
---
title (starts-with): [wts, wtb]
flair_text (full-exact): [Trade]
action: report
---
~title+body: [avatar, artist]
reports: 1
action: report
---
body (includes-word, case-sensitive): [NFT]
action: report
---
title (regex): ['\\bfree\\s+\\d+']
body (includes): [crypto]
action: approve
`;

const WORDS = ['free', 'FREE', 'Free', 'freedom', '_free', 'nft', 'NFT', 'nft drop', 'Nft Drop', 'giveaway', 'GiveAway', 'dm me', 'DM ME', 'scam12', 'LEAK2024', 'leak1',
  'wts', 'WTB', 'avatar', 'Artist', 'crypto', 'cryptø', 'café', 'ñft', 'free 12', 'FREE  3', '🎨', 'x', '-', '.', ',', '\n', 'the', 'dog'];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 14 }).map((ws) => ws.join(' '));
const item: fc.Arbitrary<Item> = fc.record({
  id: fc.constant('t3_p'),
  type: fc.constantFrom('submission', 'comment'),
  title: text,
  body: text,
  domain: fc.constantFrom('bit.ly', 'BIT.LY', 'x.bit.ly', 'bitly.com', 'discord.gg', 'imgur.com', ''),
  url: fc.constantFrom('https://bit.ly/x', 'https://imgur.com/a', ''),
  flair_text: fc.constantFrom('Art', 'art', 'Trade', 'TRADE', 'Meta', ''),
  reports: fc.integer({ min: 0, max: 3 }),
  author: fc.record({ name: fc.constant('u'), is_moderator: fc.boolean() }),
}) as fc.Arbitrary<Item>;

describe('the literal index changes no result', () => {
  const { rules, diagnostics } = parseRules(CONFIG);
  const compiled = compileRules(rules);

  it('the config is valid', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(rules).toHaveLength(8);
  });

  it('evaluate (which rejects rules from the index) fires exactly the rules explain (which runs every check) fires, with the same matches', () => {
    fc.assert(
      fc.property(item, (it) => {
        const fast = evaluate(compiled, it);
        const full = explain(compiled, it).filter((e) => e.fired);
        expect(new Set(fast.map((d) => d.ruleIndex))).toEqual(new Set(full.map((e) => e.ruleIndex)));
        for (const d of fast) {
          const e = full.find((x) => x.ruleIndex === d.ruleIndex);
          expect(d.actions).toEqual(e?.decision?.actions);
          expect(d.matches).toEqual(e?.decision?.matches);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('finds words in any letter case, and leaves non-ASCII text to the regexes', () => {
    const on = (title: string): number[] => evaluate(compiled, { id: 't3_a', type: 'submission', title, body: '' } as Item).map((d) => d.ruleIndex);
    // Rule 0 reports the item, and its report counts toward rule 5's `reports: 1`, as on Reddit.
    expect(on('FrEe stuff')).toEqual([0, 5]);
    expect(on('freedom')).toEqual([]);
    expect(on('café FREE')).toEqual([0, 5]);
    expect(on('café freedom')).toEqual([]);
  });
});
