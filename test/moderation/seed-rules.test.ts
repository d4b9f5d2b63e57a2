import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRules } from '@creator-desk/core';
import Devvit from '../../src/main.js';
import { SEED_RULES } from '../../src/moderation/seed-rules.js';
import { createHarness, type Harness } from '../harness/index.js';

describe('the seeded example rules page', () => {
  it('parses with no errors and no warnings', () => {
    const { rules, diagnostics } = parseRules(SEED_RULES, { source: 'creator-desk/rules' });
    expect(diagnostics).toEqual([]);
    expect(rules).toHaveLength(4);
  });

  describe('works as installed', () => {
    let h: Harness;
    beforeEach(async () => {
      h = createHarness(Devvit);
      h.reddit.addModerator('mod_alice');
      h.reddit.addUser({ name: 'artist_ann', createdDaysAgo: 400, linkKarma: 500 });
      h.reddit.addUser({ name: 'fan_fred', createdDaysAgo: 400, linkKarma: 500 });
      h.reddit.addUser({ name: 'newbie', createdDaysAgo: 1, linkKarma: 1, commentKarma: 1 });
      await h.redis.mock.plugin.Set({ key: 'cd:artist:artist_ann', value: JSON.stringify({ since: '2025-01-01T00:00:00Z' }) } as never);
      await h.trigger('AppInstall', h.events.appInstall('mod_alice'));
    });
    afterEach(async () => h.dispose());

    it('flairs AI art, filters new accounts, keeps artist-only flairs for artists', async () => {
      const ai = h.reddit.addPost({ authorName: 'fan_fred', title: 'My Midjourney experiment' });
      const fresh = h.reddit.addPost({ authorName: 'newbie', title: 'hello' });
      const showcaseByFan = h.reddit.addPost({ authorName: 'fan_fred', title: 'look', flair: { text: 'Artist Showcase', cssClass: '', templateId: '' } });
      const showcaseByArtist = h.reddit.addPost({ authorName: 'artist_ann', title: 'look', flair: { text: 'Artist Showcase', cssClass: '', templateId: '' } });
      for (const p of [ai, fresh, showcaseByFan, showcaseByArtist]) await h.trigger('PostSubmit', h.events.postSubmit(p));
      expect(h.reddit.posts.get(ai.id)?.flair?.text).toBe('AI-generated');
      expect(h.reddit.posts.get(fresh.id)?.removed).toBe(true);
      // Nothing maintains the roster yet: the artist-only rule reports, it never removes.
      expect(h.reddit.posts.get(showcaseByFan.id)).toMatchObject({ removed: false, reports: [{ reason: 'Artist-only flair, author not on the artist roster', by: 'creator-desk' }] });
      expect(h.reddit.posts.get(showcaseByArtist.id)).toMatchObject({ removed: false, reports: [] });
      expect([...h.reddit.comments.values()].filter((c) => c.postId === showcaseByFan.id)).toEqual([]);
    });

    it('a fresh install with no artist roster synced removes no showcase or drop announcement', async () => {
      await h.redis.mock.plugin.Del({ keys: ['cd:artist:artist_ann'] } as never);
      const posts = ['Artist Showcase', 'Drop Announcement'].flatMap((text) =>
        ['artist_ann', 'fan_fred'].map((authorName) => h.reddit.addPost({ authorName, title: 'my work', flair: { text, cssClass: '', templateId: '' } })),
      );
      for (const p of posts) await h.trigger('PostSubmit', h.events.postSubmit(p));
      expect(posts.map((p) => h.reddit.posts.get(p.id)?.removed)).toEqual([false, false, false, false]);
      expect(h.calls.count('Moderation.Remove')).toBe(0);
      expect(posts.every((p) => h.reddit.posts.get(p.id)?.reports.length === 1)).toBe(true);
    });
  });
});
