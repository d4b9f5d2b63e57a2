import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Devvit from '../../src/main.js';
import { createHarness, type Harness } from '../harness/index.js';
import { installRules } from '../rules/rules-fixture.js';
import { enforcementSettingsFields } from '../../src/enforcement/settings.js';

/** The enforcement actions' own settings (tested in test/enforcement/settings.test.ts). */
const ENFORCEMENT_FIELDS = new Set(enforcementSettingsFields.map((f) => ('name' in f ? f.name : '')));

describe('installation settings', () => {
  let h: Harness;
  afterEach(async () => h.dispose());

  describe('fields and validation', () => {
    beforeEach(() => {
      h = createHarness(Devvit);
    });

    it('offers only small switches', async () => {
      const res = await h.getSettingsFields();
      const names = (res.fields.fields as { fieldId: string }[]).map((f) => f.fieldId);
      expect(names.filter((n) => !ENFORCEMENT_FIELDS.has(n))).toEqual(['rules-enabled', 'exempt-approved-users', 'time-zone']);
    });

    it('rejects a time zone that is not IANA, accepts one that is', async () => {
      const bad = await h.validateSettings({ 'time-zone': 'Mars/Olympus' });
      expect(bad.success).toBe(false);
      expect(bad.errors['time-zone']).toContain('Mars/Olympus');
      const good = await h.validateSettings({ 'time-zone': 'America/New_York' });
      expect(good.success).toBe(true);
    });
  });

  it('rules-enabled off: content rules do nothing', async () => {
    h = createHarness(Devvit, { settings: { 'rules-enabled': false } });
    h.reddit.addModerator('mod_alice');
    h.reddit.addUser({ name: 'artist_ann' });
    await installRules(h);
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(h.reddit.posts.get(post.id)?.removed).toBe(false);
    expect(h.calls.redditWrites()).toEqual([]);
  });

  it('exempt-approved-users on: an approved user is not touched, others are', async () => {
    h = createHarness(Devvit, { settings: { 'exempt-approved-users': true } });
    h.reddit.addModerator('mod_alice');
    h.reddit.addUser({ name: 'artist_ann' });
    h.reddit.addUser({ name: 'fan_fred' });
    h.reddit.approvedUsers.set('artist_ann', h.reddit.nowSeconds());
    await installRules(h);
    const a = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway' });
    const b = h.reddit.addPost({ authorName: 'fan_fred', title: 'huge giveaway' });
    await h.trigger('PostSubmit', h.events.postSubmit(a));
    await h.trigger('PostSubmit', h.events.postSubmit(b));
    expect(h.reddit.posts.get(a.id)?.removed).toBe(false);
    expect(h.reddit.posts.get(b.id)?.removed).toBe(true);
  });
});
