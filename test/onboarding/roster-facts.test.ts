import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RULES_PAGE } from '../../src/platform/rules/rules-page.js';
import { rosterSyncedAt } from '../../src/platform/records/roster-record.js';
import { redisView, type Harness } from '../harness/index.js';
import { LABELS, onboardingHarness, runSyncToEnd, saveRoster } from './fixture.js';

const ARTIST_ONLY = `---
type: submission
flair_text (full-exact): ["Artist Showcase"]
author:
    is_artist: false
    is_moderator: false
action: remove
action_reason: "Artist-only flair"
---
type: submission
title (includes): ["veteran"]
author:
    artist_since: "> 30"
action: report
action_reason: "Veteran artist"
`;

describe('the roster is what the rules and the modmail summary see', () => {
  let h: Harness;
  beforeEach(async () => {
    h = onboardingHarness();
    await h.trigger('AppInstall', h.events.appInstall('mod_alice'));
    h.reddit.editWikiPage(RULES_PAGE, ARTIST_ONLY, 'mod_alice');
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'));
  });
  afterEach(async () => h.dispose());

  const showcase = (authorName: string, title = 'my work') => h.reddit.addPost({ authorName, title, flair: { text: 'Artist Showcase', cssClass: '', templateId: '' } });

  it('a synced artist keeps a showcase, a non-artist does not; artist_since counts from the roster date; offboarding ends it', async () => {
    expect(await rosterSyncedAt(redisView(h))).toBeUndefined();
    await saveRoster(h, 'artist_ann,Moon,2026-01-01');
    await runSyncToEnd(h);
    expect(await rosterSyncedAt(redisView(h))).toBeDefined();

    const byArtist = showcase('artist_ann', 'veteran piece');
    const byFan = showcase('regular_bob');
    for (const p of [byArtist, byFan]) await h.trigger('PostSubmit', h.events.postSubmit(p));
    // artist_since > 30 days counts from the roster's onboarded_at (2026-01-01), not from the sync.
    expect(h.reddit.posts.get(byArtist.id)).toMatchObject({ removed: false });
    expect(h.reddit.posts.get(byArtist.id)?.reports.map((r) => r.reason)).toEqual(['Veteran artist']);
    expect(h.reddit.posts.get(byFan.id)?.removed).toBe(true);

    const opened = await h.menuAction(LABELS.offboard, { as: 'mod_alice' });
    await h.submitForm(opened.forms[0] ?? '', { username: 'artist_ann' }, { as: 'mod_alice' });
    const after = showcase('artist_ann');
    await h.trigger('PostSubmit', h.events.postSubmit(after));
    expect(h.reddit.posts.get(after.id)?.removed).toBe(true);
  });

  it("the modmail summary shows the artist's roster entry", async () => {
    await saveRoster(h, 'artist_ann,Moon Studio,2026-01-01');
    await runSyncToEnd(h);
    const { conversation, messageId } = h.reddit.userWritesModmail('artist_ann', 'question about drops');
    await h.trigger('ModMail', h.events.modMail(conversation.id, messageId, 'artist_ann'));
    const note = h.reddit.conversations.get(conversation.id)?.messages.find((m) => m.isInternal);
    expect(note?.body).toContain('Artist: on the roster since 2026-01-01 (by u/mod\\_alice via the roster page, shop Moon Studio).');
  });
});

describe('the status menu item says whether an artist roster was synced', () => {
  it('not before the first sync of a page naming artists, then with its date', async () => {
    const h = onboardingHarness();
    try {
      await h.trigger('AppInstall', h.events.appInstall('mod_alice'));
      await runSyncToEnd(h);
      expect((await h.menuAction('creator-desk: status', { as: 'mod_alice' })).toasts[0]).toContain('artists page OK; config from revision');
      expect((await h.menuAction('creator-desk: status', { as: 'mod_alice' })).toasts[0]).toMatch(/; no artist roster synced yet$/);
      await saveRoster(h, 'artist_ann');
      await runSyncToEnd(h);
      expect((await h.menuAction('creator-desk: status', { as: 'mod_alice' })).toasts[0]).toMatch(/; artist roster first synced 2026-03-02$/);
    } finally {
      await h.dispose();
    }
  });
});
