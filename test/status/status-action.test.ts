import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Devvit from '../../src/main.js';
import { createHarness, type Harness } from '../harness/index.js';
import { RULES_KEYS, RULES_PAGE } from '../../src/platform/rules/rules-page.js';

describe('creator-desk: status menu item', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness(Devvit, { appVersion: '0.1.0' });
    h.reddit.addModerator('mod_alice', ['all']);
    h.reddit.addModerator('mod_wiki_only', ['wiki']);
    h.reddit.addUser({ name: 'regular_bob' });
  });
  afterEach(async () => h.dispose());

  it('tells a moderator the version and that the rules page is missing', async () => {
    const r = await h.menuAction('creator-desk: status', { as: 'mod_alice' });
    expect(r.toasts).toHaveLength(1);
    expect(r.toasts[0]).toContain('v0.1.0');
    expect(r.toasts[0]).toContain(`rules page missing (${RULES_PAGE})`);
    expect(r.toasts[0]).toContain('no rules in force');
  });

  it('works for a moderator with limited permissions too', async () => {
    const r = await h.menuAction('creator-desk: status', { as: 'mod_wiki_only' });
    expect(r.toasts[0]).toContain('v0.1.0');
  });

  it('reports a page that exists but was never validated, then one with errors', async () => {
    const rev = h.reddit.editWikiPage(RULES_PAGE, 'title: x', 'mod_alice');
    let r = await h.menuAction('creator-desk: status', { as: 'mod_alice' });
    expect(r.toasts[0]).toContain(`revision ${rev.id} not validated yet`);

    await h.redis.mock.plugin.Set({ key: RULES_KEYS.validation, value: JSON.stringify({ revisionId: rev.id, ok: false, errorCount: 2, warningCount: 0, at: '' }) } as never);
    r = await h.menuAction('creator-desk: status', { as: 'mod_alice' });
    expect(r.toasts[0]).toContain(`revision ${rev.id} has 2 error(s)`);
  });

  it('treats a damaged stored config as absent instead of failing', async () => {
    h.reddit.editWikiPage(RULES_PAGE, 'title: x', 'mod_alice');
    await h.redis.mock.plugin.Set({ key: RULES_KEYS.active, value: '{"revisionId": 42' } as never);
    const r = await h.menuAction('creator-desk: status', { as: 'mod_alice' });
    expect(r.toasts[0]).toContain('no rules in force');
  });

  it('refuses a non-moderator with a toast and changes nothing', async () => {
    const logBefore = h.reddit.modLog.length;
    const r = await h.menuAction('creator-desk: status', { as: 'regular_bob' });
    expect(r.toasts).toEqual([expect.stringContaining('only moderators of r/CollectibleCreators')]);
    expect(r.toasts[0]).not.toContain('v0.1.0');
    expect(h.calls.redditWrites()).toEqual([]);
    expect(h.calls.count('redis.*')).toBe(0);
    expect(h.calls.count('Wiki.*')).toBe(0);
    expect(h.reddit.modLog.length).toBe(logBefore);
  });

  it('checks permissions on the server: a user who lost mod status is refused even with the item visible', async () => {
    h.reddit.moderators.delete('mod_alice');
    const r = await h.menuAction('creator-desk: status', { as: 'mod_alice' });
    expect(r.toasts[0]).toContain('only moderators');
  });
});
