import { afterEach, describe, expect, it } from 'vitest';
import { macroNameOf, parseMacros } from '@creator-desk/core';
import { MACROS_PAGE } from '../../src/modmail/macros-page.js';
import { SEED_MACROS } from '../../src/modmail/seed-macros.js';
import { SEED_RULES } from '../../src/moderation/seed-rules.js';
import { RULES_PAGE } from '../../src/platform/rules/rules-page.js';
import { redisView, type Harness } from '../harness/index.js';
import { waitingRecordOf } from '../../src/modmail/conversation-records.js';
import { notesIn, repliesIn, seededRuleLine, triageHarness, userWrites } from './triage-fixture.js';

async function save(h: Harness, page: string, content: string, editor = 'mod_alice'): Promise<void> {
  h.reddit.editWikiPage(page, content, editor);
  await h.trigger('ModAction', h.events.modAction('wikirevise', editor));
}

const MACROS = `sign_off: "— mods"
macros:
  payout-timing:
    body: "Hi u/{{author}}, payouts go out monthly."
`;

describe('the macros wiki config page', () => {
  let h: Harness | undefined;
  afterEach(async () => h?.dispose());

  it('seeds a macro for every macro the seeded rules name, with no problems', () => {
    const { macros, diagnostics } = parseMacros(SEED_MACROS);
    expect(diagnostics).toEqual([]);
    const named = [...SEED_RULES.matchAll(/^reply: "(.*)"$/gm)].map((m) => macroNameOf(m[1] ?? ''));
    expect(named).toHaveLength(7);
    for (const name of named) expect(Object.keys(macros?.macros ?? {})).toContain(name);
  });

  it('is seeded mods-only on install and a moderator’s revision is used for the next reply', async () => {
    h = await triageHarness();
    expect(h.reddit.wiki.get(MACROS_PAGE)?.permLevel).toBe(2);
    await save(h, MACROS_PAGE, MACROS);
    const id = await userWrites(h, 'artist_ann', 'payout', 'My payout is late.');
    expect(repliesIn(h, id).map((m) => m.body)).toEqual(['Hi u/artist_ann, payouts go out monthly.\n\n— mods']);
  });

  it('a revision with errors is refused with line:col in the mod inbox, and the last good macros stay in force', async () => {
    h = await triageHarness();
    await save(h, MACROS_PAGE, MACROS);
    await save(h, MACROS_PAGE, 'macros:\n  payout-timing:\n    body: "Hi {{artst}}"\n');
    const inbox = [...h.reddit.conversations.values()].filter((c) => c.kind === 'modinbox').map((c) => c.messages[0]?.body ?? '');
    expect(inbox.some((b) => b.includes('3:15: macros.payout-timing.body: unknown placeholder {{artst}}'))).toBe(true);
    const id = await userWrites(h, 'artist_ann', 'payout', 'My payout is late.');
    expect(repliesIn(h, id).map((m) => m.body)).toEqual(['Hi u/artist_ann, payouts go out monthly.\n\n— mods']);
  });

  it('a rule naming a macro the page lacks leaves a note instead of replying', async () => {
    h = await triageHarness();
    await save(h, MACROS_PAGE, 'macros:\n  other:\n    body: "x"\n');
    const id = await userWrites(h, 'artist_ann', 'payout', 'My payout is late.');
    expect(repliesIn(h, id)).toEqual([]);
    expect(notesIn(h, id).map((n) => n.body)).toContain(
      `**creator-desk** (rule at line ${seededRuleLine('# 10. Payouts')} of the rules page): no reply sent: no macro named "payout-timing" on the macros page (known: other).`,
    );
  });
});

describe('modmail rule actions: mute, archive, highlight', () => {
  let h: Harness;
  afterEach(async () => h.dispose());

  it('mutes for the rule’s days in hours Reddit accepts, archives last, and an archived conversation leaves the SLA list', async () => {
    h = await triageHarness();
    await save(h, RULES_PAGE, `${SEED_RULES}---
type: modmail
priority: 200
body (includes): ["buy followers"]
category: spam
mute: 7
highlight: true
archive: true
`);
    const id = await userWrites(h, 'regular_bob', 'promo', 'Cheap! buy followers at my site');
    const c = h.reddit.conversations.get(id)!;
    expect(c.state).toBe(2);
    expect(c.highlighted).toBe(true);
    expect(c.mutedUntil! - h.clock.now()).toBe(168 * 3_600_000);
    expect(await redisView(h).zRange('cd:modmail:waiting', 0, -1)).toEqual([]);
    expect((await waitingRecordOf(redisView(h), id))).toBeUndefined();
  });
});
