import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../harness/index.js';
import { act, enforcementHarness, LABELS } from '../enforcement/fixture.js';

describe('enforcement settings (installation settings page)', () => {
  let h: Harness;
  beforeEach(() => {
    h = enforcementHarness();
  });
  afterEach(async () => h.dispose());

  it('are offered on the settings page', async () => {
    const res = await h.getSettingsFields();
    const names = (res.fields.fields as { fieldId: string }[]).map((f) => f.fieldId);
    expect(names).toEqual(expect.arrayContaining(['enforcement-removal-reasons', 'enforcement-teams', 'strike-ladder', 'strike-expiry-days', 'ban-message-template', 'takedown-notice-template', 'takedown-us-federal-holidays']));
  });

  it('reject a bad ladder, an unknown team in a reason, an unknown template placeholder and a bad date, with what was expected', async () => {
    const r = await h.validateSettings({
      'strike-ladder': 'warn, mute',
      'enforcement-removal-reasons': 'Traced | Marketing',
      'ban-message-template': 'You are banned, {{usr}}',
      'takedown-extra-holidays': '2026-02-30',
    });
    expect(r.success).toBe(false);
    expect(r.errors['strike-ladder']).toContain('step 2 "mute": expected "warn", "ban N" (days) or "permanent"');
    expect(r.errors['enforcement-removal-reasons']).toContain('line 1: unknown team "Marketing"');
    expect(r.errors['ban-message-template']).toBe('1:17: unknown placeholder {{usr}}');
    expect(r.errors['takedown-extra-holidays']).toContain('2026-02-30');
    expect((await h.validateSettings({ 'strike-ladder': 'warn, ban 3, permanent' })).success).toBe(true);
  });

  it('a configured ladder and ban template are used by the Strike action', async () => {
    await h.dispose();
    h = enforcementHarness({ settings: { 'strike-ladder': 'ban 3', 'ban-message-template': 'Out for a while, u/{{author}}: {{ban}}.' } });
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'x' });
    await act(h, LABELS.strike, post.id, { kind: ['policy'], reason: 'r', step: ['ladder'] });
    expect(h.reddit.bans.get('artist_ann')).toMatchObject({ durationDays: 3, message: 'Out for a while, u/artist_ann: banned for 3 days.' });
  });
});
