import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Devvit from '../../../src/main.js';
import { RULES_KEYS, RULES_PAGE } from '../../../src/platform/rules/rules-page.js';
import { createHarness, type Harness } from '../../harness/index.js';

describe('AppUpgrade', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness(Devvit);
    h.reddit.addModerator('mod_alice');
  });
  afterEach(async () => h.dispose());

  it('re-validates the current revision (the parser may have changed) without messaging when it is fine', async () => {
    await h.trigger('AppInstall', h.events.appInstall('mod_alice'));
    const before = JSON.parse((await h.redisGet(RULES_KEYS.validation)) ?? '{}');
    h.clock.advance(60_000);
    await h.trigger('AppUpgrade', h.events.appUpgrade('mod_alice'));
    const after = JSON.parse((await h.redisGet(RULES_KEYS.validation)) ?? '{}');
    expect(after.revisionId).toBe(before.revisionId);
    expect(after.at).not.toBe(before.at);
    expect(h.reddit.conversations.size).toBe(0);
    expect(h.reddit.wiki.get(RULES_PAGE)?.revisions).toHaveLength(1);
  });

  it('creates the page if an earlier version never did', async () => {
    await h.trigger('AppUpgrade', h.events.appUpgrade('mod_alice'));
    expect(h.reddit.wiki.get(RULES_PAGE)?.permLevel).toBe(2);
    expect(JSON.parse((await h.redisGet(RULES_KEYS.active)) ?? '{}').entries).toBe(13);
  });
});
