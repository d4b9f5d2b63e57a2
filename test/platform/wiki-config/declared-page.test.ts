/**
 * A capability adds a wiki config page by declaring it: this file's app declares a toy roster page
 * (one `u/name` a line) beside the rules page and gets seeding, validation on `wikirevise`,
 * moderator-only application, errors to the mod inbox with line:col and the editor, the last good
 * revision kept, and its health in the status — with no code of its own but the validator.
 * (Each vitest file has its own module graph, so this app does not meet src/main.ts.)
 */
import { Devvit } from '@devvit/public-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rulesConfigPage } from '../../../src/moderation/rules-config-page.js';
import { configPageKeys, type ConfigPage } from '../../../src/platform/wiki-config/config-page.js';
import { configPageTriggers } from '../../../src/platform/wiki-config/config-triggers.js';
import { onStatusPressed } from '../../../src/status/status-action.js';
import { createHarness, type Harness } from '../../harness/index.js';

const ROSTER_PAGE = 'creator-desk/roster';
const roster: ConfigPage = {
  page: ROSTER_PAGE,
  noun: 'artists',
  noneInForce: 'no artist roster is in force',
  keys: configPageKeys('roster'),
  seed: '# one artist a line, as u/name\n',
  async validate(source) {
    const diagnostics = [];
    let entries = 0;
    for (const [i, line] of source.split('\n').entries()) {
      if (!line.trim() || line.startsWith('#')) continue;
      if (/^u\/[A-Za-z0-9_-]+$/.test(line.trim())) entries += 1;
      else diagnostics.push({ source: ROSTER_PAGE, line: i + 1, column: 1, severity: 'error' as const, message: `expected u/name, got "${line}"` });
    }
    return { diagnostics, entries };
  },
};

const pages = [rulesConfigPage, roster];
const triggers = configPageTriggers(pages);
Devvit.configure({ redditAPI: true, redis: true });
Devvit.addTrigger({ event: 'AppInstall', onEvent: triggers.onAppInstall });
Devvit.addTrigger({ event: 'ModAction', onEvent: triggers.onModAction });
Devvit.addMenuItem({ label: 'status', location: 'subreddit', forUserType: 'moderator', onPress: onStatusPressed(pages) });

describe('a declared wiki config page (a roster beside the rules)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = createHarness(Devvit);
    h.reddit.addModerator('mod_alice');
    h.reddit.addUser({ name: 'artist_ann' });
    await h.trigger('AppInstall', h.events.appInstall('mod_alice'));
  });
  afterEach(async () => h.dispose());

  const active = async () => JSON.parse((await h.redisGet('cd:roster:active')) ?? '{}') as { revisionId?: string; entries?: number };

  it('is seeded mods-only on install and put in force, next to the rules page', async () => {
    expect(h.reddit.wiki.get(ROSTER_PAGE)).toMatchObject({ permLevel: 2 });
    expect(await active()).toMatchObject({ entries: 0 });
    const status = await h.menuAction('status', { as: 'mod_alice' });
    expect(status.toasts[0]).toContain('rules page OK');
    expect(status.toasts[0]).toContain('artists page OK; config from revision');
  });

  it("applies a moderator's valid edit; a bad one goes to the mod inbox with line:col and the editor, the last good stays", async () => {
    h.reddit.editWikiPage(ROSTER_PAGE, 'u/artist_ann\nu/pixel_pat\n', 'mod_alice');
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'));
    expect(await active()).toMatchObject({ entries: 2 });
    const good = (await active()).revisionId;
    h.reddit.editWikiPage(ROSTER_PAGE, 'u/artist_ann\npixel pat\n', 'mod_alice');
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'), 2);
    expect((await active()).revisionId).toBe(good);
    const rejected = h.reddit.conversationsOf('modinbox').filter((c) => c.subject.includes('Artists page edit rejected (1 error)'));
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.messages[0]?.body).toContain('by u/mod_alice');
    expect(rejected[0]?.messages[0]?.body).toContain('2:1: expected u/name, got "pixel pat"');
    expect(rejected[0]?.messages[0]?.body).toContain(`revision \`${good}\`, 2 artists) stays in force`);
  });

  it("refuses a non-moderator's revision", async () => {
    h.reddit.editWikiPage(ROSTER_PAGE, 'u/artist_ann\n', 'artist_ann');
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'artist_ann'));
    expect(await active()).toMatchObject({ entries: 0 });
    expect(h.reddit.conversationsOf('modinbox').map((c) => c.messages[0]?.body).join('\n')).toContain('saved by u/artist_ann, who is not a moderator');
  });
});
