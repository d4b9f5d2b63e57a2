import IORedisMock from 'ioredis-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Devvit from './probe-app.js';
import { createHarness, type Harness } from './index.js';
import { purgeStaleExpiryOnSet } from './redis.js';

const DAY = 86_400_000;

describe('harness Redis: a key re-set with an expiry after its old expiry passed', () => {
  afterEach(() => vi.useRealTimers());

  const reSetAfterExpiry = async (conn: InstanceType<typeof IORedisMock>): Promise<string | null> => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 2, 1));
    await conn.set('grant', 'old', 'EX', 600);
    vi.setSystemTime(Date.UTC(2026, 2, 2)); // the old TTL has passed; nothing read the key since
    await conn.set('grant', 'new', 'EX', 600);
    return conn.get('grant');
  };

  it('plain ioredis-mock 8 loses the new value (the bug the harness corrects)', async () => {
    expect(await reSetAfterExpiry(new IORedisMock())).toBeNull();
  });

  it('the harness connection keeps the new value and its new TTL, as Redis does', async () => {
    const conn = purgeStaleExpiryOnSet(new IORedisMock());
    expect(await reSetAfterExpiry(conn)).toBe('new');
    expect(await conn.ttl('grant')).toBe(600);
    vi.setSystemTime(Date.UTC(2026, 2, 2) + 601_000);
    expect(await conn.get('grant')).toBeNull();
  });
});

describe('harness Redis through the app', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness(Devvit);
    h.reddit.addModerator('mod_alice');
    h.reddit.addUser({ name: 'artist_ann' });
  });
  afterEach(async () => h.dispose());

  it('Set with expiration over a key whose TTL passed stores the new value', async () => {
    const plugin = h.redis.mock.plugin;
    await plugin.Set({ key: 'k', value: 'old', expiration: 10 } as never);
    await h.advance(60_000);
    await plugin.Set({ key: 'k', value: 'new', expiration: 600 } as never);
    expect(await h.redisGet('k')).toBe('new');
  });

  it('a form re-opened a day later (its 10-minute submit grant re-set) can be submitted', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 't' });
    await h.menuAction('probe: form', { as: 'mod_alice', postId: post.id });
    await h.advance(DAY);
    const opened = await h.menuAction('probe: form', { as: 'mod_alice', postId: post.id });
    const r = await h.submitForm(opened.forms[0] ?? '', { reason: ['ai'], note: 'later' }, { as: 'mod_alice', thingId: post.id, actionLabel: 'probe: form' });
    expect(r.toasts).not.toEqual([]);
    expect(JSON.parse((await h.redisGet('probe:form')) ?? '{}')).toMatchObject({ note: 'later', user: 'mod_alice' });
  });
});
