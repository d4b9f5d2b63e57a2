import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModeratorPermission } from '@devvit/public-api';
import { requireModerator, type ModeratorCheck } from '../../src/platform/require-moderator.js';
import Devvit, { setProbe } from '../harness/probe-app.js';
import { createHarness, type Harness } from '../harness/index.js';

describe('requireModerator (server-side permission check)', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness(Devvit);
    h.reddit.addModerator('mod_all', ['all']);
    h.reddit.addModerator('mod_posts', ['posts']);
    h.reddit.addUser({ name: 'regular_bob' });
  });
  afterEach(async () => h.dispose());

  /** Runs the check inside a real Devvit context (the probe job) as `username`. */
  async function check(username: string | undefined, required: ModeratorPermission[] = [], opts: { omitName?: boolean } = {}): Promise<ModeratorCheck> {
    const userId = username ? h.reddit.user(username)?.id : undefined;
    const read = setProbe(async (ctx) =>
      requireModerator({ reddit: ctx.reddit, subredditName: ctx.subredditName, userId: userId as `t2_${string}` | undefined, username: opts.omitName ? undefined : username }, required),
    );
    await h.runJob('probe');
    return read() as ModeratorCheck;
  }

  it("accepts a moderator with 'all' for any permission", async () => {
    expect(await check('mod_all', ['posts', 'access', 'wiki'])).toMatchObject({ ok: true, username: 'mod_all', permissions: ['all'] });
  });

  it('accepts a moderator holding the required permission, refuses one missing it and names it', async () => {
    expect(await check('mod_posts', ['posts'])).toMatchObject({ ok: true });
    const r = await check('mod_posts', ['posts', 'access']);
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.message).toContain('access');
  });

  it('refuses a non-moderator and a logged-out caller', async () => {
    expect(await check('regular_bob')).toMatchObject({ ok: false, message: expect.stringContaining('only moderators') });
    expect(await check(undefined)).toMatchObject({ ok: false, message: expect.stringContaining('logged in') });
  });

  it('resolves the username from the user id when the request carries only the id', async () => {
    expect(await check('mod_posts', [], { omitName: true })).toMatchObject({ ok: true, username: 'mod_posts' });
    expect(h.calls.count('Users.UserDataByAccountIds')).toBeGreaterThan(0);
  });
});
