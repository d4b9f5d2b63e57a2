import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Devvit from '../../src/main.js';
import * as settings from '../../src/platform/settings.js';
import { createHarness, type Harness } from '../harness/index.js';
import { rulesHarness } from '../moderation/rules-harness.js';

/** Form field types as the settings page receives them (Devvit's FormFieldType). */
const STRING = 0;
const PARAGRAPH = 1;
const NUMBER = 2;
const BOOLEAN = 3;

/**
 * Every installation setting, in page order: the small switches, then the
 * enforcement actions' small values (all from src/platform/settings.ts). Anything large lives on the
 * rules wiki page instead.
 */
const SETTINGS: [name: string, type: number, defaultValue: string | number | boolean][] = [
  ['rules-enabled', BOOLEAN, true],
  ['exempt-approved-users', BOOLEAN, false],
  ['time-zone', STRING, 'UTC'],
  ['enforcement-removal-reasons', PARAGRAPH, settings.DEFAULT_REMOVAL_REASONS],
  ['enforcement-teams', STRING, settings.DEFAULT_TEAMS],
  ['strike-ladder', STRING, settings.DEFAULT_LADDER],
  ['strike-expiry-days', NUMBER, settings.DEFAULT_EXPIRY_DAYS],
  ['removal-comment-template', PARAGRAPH, settings.DEFAULT_REMOVAL_COMMENT],
  ['strike-warning-template', PARAGRAPH, settings.DEFAULT_WARNING],
  ['ban-message-template', PARAGRAPH, settings.DEFAULT_BAN_MESSAGE],
  ['takedown-notice-template', PARAGRAPH, settings.DEFAULT_TAKEDOWN_NOTICE],
  ['takedown-us-federal-holidays', BOOLEAN, true],
  ['takedown-extra-holidays', STRING, ''],
];

/** Each validated setting: a value it refuses (and the exact message) and one it accepts. */
const VALIDATION: [name: string, bad: string | number, error: string, good: string | number][] = [
  ['time-zone', 'Mars/Olympus', '"Mars/Olympus" is not an IANA time zone (e.g. Europe/Berlin)', 'America/New_York'],
  ['enforcement-removal-reasons', 'Traced | Marketing', 'line 1: unknown team "Marketing" (expected one of Legal, Trust & Safety, Brand, Engineering)', 'Traced | Legal'],
  ['enforcement-teams', 'Legal, legal', 'team names must be unique', 'Legal, Brand'],
  ['strike-ladder', 'warn, mute', 'step 2 "mute": expected "warn", "ban N" (days) or "permanent"', 'warn, ban 3, permanent'],
  ['strike-expiry-days', 0, 'expected a whole number of days ≥ 1', 30],
  ['removal-comment-template', 'Removed: {{reson}}', '1:10: unknown placeholder {{reson}}', 'Removed: {{reason}}'],
  ['strike-warning-template', 'Warned {{kind}}', '1:8: unknown placeholder {{kind}}', 'Warning {{strikes}}'],
  ['ban-message-template', 'You are banned, {{usr}}', '1:17: unknown placeholder {{usr}}', 'You are {{ban}}'],
  ['takedown-notice-template', 'Notice {{ref}}', '1:8: unknown placeholder {{ref}}', 'Notice {{reference}}'],
  ['takedown-extra-holidays', '2026-02-30', '2026-02-30', '2026-12-24, 2026-12-31'],
];

describe('installation settings', () => {
  let h: Harness;
  afterEach(async () => h.dispose());

  describe('fields and validation', () => {
    beforeEach(() => {
      h = createHarness(Devvit);
    });

    it('offers exactly these settings, with these types and defaults, each value under Devvit’s 2 KB', async () => {
      const res = await h.getSettingsFields();
      const fields = res.fields.fields as { fieldId: string; fieldType: number; defaultValue?: { boolValue?: boolean; stringValue?: string; numberValue?: number } }[];
      const actual = fields.map((f) => [f.fieldId, f.fieldType, f.defaultValue?.boolValue ?? f.defaultValue?.stringValue ?? f.defaultValue?.numberValue]);
      expect(actual).toEqual(SETTINGS);
      for (const [, , d] of SETTINGS) expect(new TextEncoder().encode(String(d)).length).toBeLessThan(2048);
    });

    for (const [name, bad, error, good] of VALIDATION) {
      it(`${name}: refuses ${JSON.stringify(bad)} saying what was expected, accepts ${JSON.stringify(good)}`, async () => {
        const refused = await h.validateSettings({ [name]: bad });
        expect(refused.success).toBe(false);
        expect(Object.keys(refused.errors)).toEqual([name]);
        expect(refused.errors[name]).toContain(error);
        expect(await h.validateSettings({ [name]: good })).toMatchObject({ success: true });
      });
    }

    it('every default passes its own validation; the switches take any boolean', async () => {
      expect(await h.validateSettings(Object.fromEntries(SETTINGS.map(([n, , d]) => [n, d])))).toMatchObject({ success: true });
      const switches = SETTINGS.filter(([, t]) => t === BOOLEAN).map(([n]) => n);
      expect(switches).toEqual(['rules-enabled', 'exempt-approved-users', 'takedown-us-federal-holidays']);
      expect(await h.validateSettings(Object.fromEntries(switches.map((n) => [n, false])))).toMatchObject({ success: true });
    });

    it('the settings with a validator are exactly those in VALIDATION', () => {
      const withValidator = settings.settingsFields.filter((f) => 'onValidate' in f && f.onValidate).map((f) => ('name' in f ? f.name : ''));
      expect(withValidator).toEqual(VALIDATION.map(([n]) => n));
    });
  });

  it('rules-enabled off: content rules do nothing', async () => {
    h = await rulesHarness({ settings: { 'rules-enabled': false } });
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(h.reddit.posts.get(post.id)?.removed).toBe(false);
    expect(h.calls.redditWrites()).toEqual([]);
  });

  it('exempt-approved-users on: an approved user is not touched, others are', async () => {
    h = await rulesHarness({ settings: { 'exempt-approved-users': true } });
    h.reddit.addUser({ name: 'fan_fred' });
    h.reddit.approvedUsers.set('artist_ann', h.reddit.nowSeconds());
    const a = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway' });
    const b = h.reddit.addPost({ authorName: 'fan_fred', title: 'huge giveaway' });
    await h.trigger('PostSubmit', h.events.postSubmit(a));
    await h.trigger('PostSubmit', h.events.postSubmit(b));
    expect(h.reddit.posts.get(a.id)?.removed).toBe(false);
    expect(h.reddit.posts.get(b.id)?.removed).toBe(true);
  });
});
