import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Devvit from '../../../src/main.js';
import { RULES_KEYS, RULES_PAGE } from '../../../src/platform/rules/rules-page.js';
import { SEED_RULES } from '../../../src/moderation/seed-rules.js';
import { createHarness, type Harness } from '../../harness/index.js';

describe('AppInstall: the rules wiki page', () => {
  let h: Harness;
  /** Calls of a wiki RPC about the rules page (the roster page is seeded by the same install). */
  const rulesPageCalls = (rpc: string) => h.calls.log.filter((c) => c.name === rpc && (c.request as { page?: string }).page === RULES_PAGE).length;
  beforeEach(() => {
    h = createHarness(Devvit);
    h.reddit.addModerator('mod_alice');
  });
  afterEach(async () => h.dispose());

  it('creates a mods-only, unlisted page seeded with the example and puts it in force', async () => {
    await h.trigger('AppInstall', h.events.appInstall('mod_alice'));
    const page = h.reddit.wiki.get(RULES_PAGE);
    expect(page?.revisions).toHaveLength(1);
    expect(page?.revisions[0]?.content).toBe(SEED_RULES);
    expect(page?.permLevel).toBe(2);
    expect(page?.listed).toBe(false);
    const active = JSON.parse((await h.redisGet(RULES_KEYS.active)) ?? '{}');
    expect(active.revisionId).toBe(page?.revisions[0]?.id);
    expect(active.entries).toBe(13);
    const r = await h.menuAction('creator-desk: status', { as: 'mod_alice' });
    expect(r.toasts[0]).toContain('rules page OK');
    expect(r.toasts[0]).toContain('(13 rules) in force');
  });

  it('delivered twice, creates the page once and sends nothing', async () => {
    await h.trigger('AppInstall', h.events.appInstall('mod_alice'), 2);
    expect(h.deliveriesOf('AppInstall')).toHaveLength(2);
    expect(h.reddit.wiki.get(RULES_PAGE)?.revisions).toHaveLength(1);
    expect(rulesPageCalls('Wiki.EditWikiPage')).toBe(1);
    expect(rulesPageCalls('Wiki.UpdateWikiPageSettings')).toBe(1);
    expect(h.reddit.conversations.size).toBe(0);
  });

  it('never overwrites an existing page, but makes it mods-only', async () => {
    const existing = h.reddit.editWikiPage(RULES_PAGE, '# our own rules\n---\ntype: comment\nbody (includes): ["scam"]\naction: remove\n', 'mod_alice');
    await h.trigger('AppInstall', h.events.appInstall('mod_alice'));
    const page = h.reddit.wiki.get(RULES_PAGE);
    expect(page?.revisions.map((r) => r.id)).toEqual([existing.id]);
    expect(page?.permLevel).toBe(2);
    expect(rulesPageCalls('Wiki.EditWikiPage')).toBe(0);
    const active = JSON.parse((await h.redisGet(RULES_KEYS.active)) ?? '{}');
    expect(active.revisionId).toBe(existing.id);
    expect(active.entries).toBe(1);
  });

  it('finishes a half-done install: page created, then settings failed; the retry fixes permissions', async () => {
    h.calls.failNth('Wiki.UpdateWikiPageSettings', 1, 500);
    await expect(h.trigger('AppInstall', h.events.appInstall('mod_alice'))).rejects.toThrow(/HTTP 500/);
    expect(h.reddit.wiki.get(RULES_PAGE)?.permLevel).toBe(0);
    await h.trigger('AppInstall', h.events.appInstall('mod_alice'));
    expect(h.reddit.wiki.get(RULES_PAGE)?.permLevel).toBe(2);
    expect(h.reddit.wiki.get(RULES_PAGE)?.revisions).toHaveLength(1);
  });
});
