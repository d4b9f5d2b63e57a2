import { afterEach, describe, expect, it } from 'vitest';
import { createRedis, type HarnessRedis } from './redis.js';

type Plugin = Record<'Get' | 'Set' | 'Watch' | 'Multi' | 'Exec' | 'HSet' | 'MGet', (req: unknown) => Promise<any>>;

describe(`harness Redis transactions (${process.env.REDIS_URL ? 'redis-server' : 'ioredis-mock'})`, () => {
  let r: HarnessRedis | undefined;
  afterEach(async () => {
    await r?.dispose();
    r = undefined;
  });
  const setup = () => {
    r = createRedis();
    return { tx: r.transactions.plugin as unknown as Plugin, raw: r.mock.plugin as unknown as Plugin, r };
  };
  const get = async (p: Plugin, key: string) => ((await p.Get({ key })) as { value?: string }).value || undefined;

  it("Devvit's RedisMock alone runs EXEC even though a watched key changed (why the harness wraps it)", async () => {
    const { raw } = setup();
    await raw.Set({ key: 'k', value: '1' });
    const { id } = await raw.Watch({ keys: ['k'] });
    await raw.Set({ key: 'k', value: '2' });
    await raw.Multi({ id });
    await raw.Set({ key: 'k', value: 'mine', transactionId: { id } });
    await raw.Exec({ id });
    expect(await get(raw, 'k')).toBe('mine');
  });

  it('a watched key written by another command fails the EXEC and nothing queued applies', async () => {
    const { tx } = setup();
    await tx.Set({ key: 'k', value: '1' });
    const { id } = await tx.Watch({ keys: ['k'] });
    await tx.Set({ key: 'k', value: '2' });
    await tx.Multi({ id });
    await tx.Set({ key: 'k', value: 'mine', transactionId: { id } });
    await tx.Set({ key: 'other', value: 'mine', transactionId: { id } });
    await expect(tx.Exec({ id })).rejects.toThrow(/watched key changed/);
    expect(await get(tx, 'k')).toBe('2');
    expect(await get(tx, 'other')).toBeUndefined();
  });

  it('the conflict may instead answer an empty result', async () => {
    const { tx, r } = setup();
    r.transactions.setConflictMode('empty');
    const { id } = await tx.Watch({ keys: ['h'] });
    await tx.HSet({ key: 'h', fv: [{ field: 'f', value: 'x' }] });
    await tx.Multi({ id });
    await tx.HSet({ key: 'h', fv: [{ field: 'f', value: 'mine' }], transactionId: { id } });
    expect(await tx.Exec({ id })).toEqual({ response: [] });
    expect(r.transactions.stats).toEqual({ execs: 1, conflicts: 1 });
  });

  it('an unchanged watch applies every queued command, with no other command between them', async () => {
    const { tx } = setup();
    const { id } = await tx.Watch({ keys: ['k'] });
    await tx.Multi({ id });
    await tx.Set({ key: 'k', value: 'a', transactionId: { id } });
    await tx.Set({ key: 'j', value: 'b', transactionId: { id } });
    // A command issued while EXEC runs sees both writes or neither.
    const [exec, seen] = await Promise.all([tx.Exec({ id }), tx.MGet({ keys: ['k', 'j'] })]);
    expect(exec.response).toHaveLength(2);
    expect(seen.values).toEqual(['a', 'b']);
  });

  it('a second transaction watching what the first wrote fails; watching something else does not', async () => {
    const { tx } = setup();
    const a = await tx.Watch({ keys: ['k'] });
    const b = await tx.Watch({ keys: ['k'] });
    const c = await tx.Watch({ keys: ['z'] });
    for (const t of [a, b, c]) await tx.Multi({ id: t.id });
    await tx.Set({ key: 'k', value: 'a', transactionId: { id: a.id } });
    await tx.Set({ key: 'k', value: 'b', transactionId: { id: b.id } });
    await tx.Set({ key: 'y', value: 'c', transactionId: { id: c.id } });
    await tx.Exec({ id: a.id });
    await expect(tx.Exec({ id: b.id })).rejects.toThrow(/watched key changed/);
    expect((await tx.Exec({ id: c.id })).response).toHaveLength(1);
    expect(await get(tx, 'k')).toBe('a');
  });
});
