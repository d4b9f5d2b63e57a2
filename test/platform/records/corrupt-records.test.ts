/**
 * One bad record never poisons the rest: a stored entry that is not JSON, an event the machine
 * does not know, or an indexed record whose log is garbage is skipped by every reader, reported to
 * the mod inbox once (even when the readers run again or at the same time), and the rest of the
 * user's records keep being served. Through the real actor: the modmail summary and a later strike.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEYS } from '../../../src/platform/keys.js';
import { escalationsOfUser } from '../../../src/platform/records/escalation-record.js';
import { strikesOfUser } from '../../../src/platform/records/strike-record.js';
import { act, enforcementHarness, LABELS } from '../../enforcement/fixture.js';
import { redisView, type Harness } from '../../harness/index.js';

const REPORT = /^creator-desk: unreadable record skipped/;

describe('a corrupt stored entry', () => {
  let h: Harness;
  beforeEach(async () => {
    h = enforcementHarness();
    const traced = h.reddit.addPost({ authorName: 'artist_ann', title: 'traced' });
    const leaked = h.reddit.addPost({ authorName: 'artist_ann', title: 'leaked' });
    await act(h, LABELS.strike, traced.id, { kind: ['unoriginal'], reason: 'traced art', step: ['ladder'] });
    await act(h, LABELS.escalate, leaked.id, { team: ['Legal'], reason: 'unreleased drop leaked' });
    const [strike] = await strikesOfUser(redisView(h), 'artist_ann');
    const [escalation] = await escalationsOfUser(redisView(h), 'artist_ann');
    const zAdd = (key: string, member: string, score: number) => h.redis.mock.plugin.ZAdd({ key, members: [{ member, score }] } as never);
    // Bad JSON appended to a strike's log; an event no machine knows in the escalation's log; an
    // indexed strike whose whole log is garbage.
    await zAdd(KEYS.events('strike', strike?.id ?? ''), '{"seq": 3, "command": "conf', 3);
    const unknown = { machine: 'escalation', subject: escalation?.id, seq: 3, at: '2026-03-02T10:00:00.000Z', actor: 'mod_alice', command: 'teleport', from: 'escalated', to: 'teleported', changes: {} };
    await zAdd(KEYS.events('escalation', escalation?.id ?? ''), JSON.stringify(unknown), 3);
    await zAdd(KEYS.strikesOfUser('artist_ann'), 'strike-ghost', Date.now());
    await zAdd(KEYS.events('strike', 'strike-ghost'), 'garbage', 1);
    h.calls.reset();
  });
  afterEach(async () => h.dispose());

  const reports = () => h.reddit.conversationsOf('modinbox').filter((c) => REPORT.test(c.subject));
  const userWrites = (body: string) => {
    const { conversation, messageId } = h.reddit.userWritesModmail('artist_ann', body);
    return { id: conversation.id, event: h.events.modMail(conversation.id, messageId, 'artist_ann') };
  };
  const noteOf = (id: string) => h.reddit.conversations.get(id)?.messages.find((m) => m.isInternal)?.body ?? '';

  it('the modmail summary skips it, shows the rest, and the mod inbox hears of each bad entry once', async () => {
    const first = userWrites('why was my post removed?');
    await h.trigger('ModMail', first.event, 2);
    expect(h.deliveriesOf('ModMail').map((d) => d.ok)).toEqual([true, true]);
    const note = noteOf(first.id);
    expect(note).toContain('Strikes: 1 active');
    expect(note).toContain('traced art');
    expect(note).toContain('Escalations: 1');
    expect(note).toContain('Legal — escalated: unreleased drop leaked');
    const sent = reports();
    expect(sent).toHaveLength(3);
    const bodies = sent.map((c) => c.messages[0]?.body ?? '').join('\n');
    expect(bodies).toContain('not JSON');
    expect(bodies).toContain('teleport');
    expect(bodies).toContain('cd:strike:events:strike-ghost');
    // Read again and again (a new conversation, a redelivery): nothing is reported twice.
    const second = userWrites('hello again');
    await h.trigger('ModMail', second.event, 2);
    expect(noteOf(second.id)).toContain('Strikes: 1 active');
    expect(reports()).toHaveLength(3);
  });

  it('a later strike on the same user is recorded and counted with the readable ones', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'copied' });
    const { submitted } = await act(h, LABELS.strike, post.id, { kind: ['unoriginal'], reason: 'copied again', step: ['ladder'] });
    expect(submitted[0]?.toasts[0]).not.toContain('not finished');
    expect((await strikesOfUser(redisView(h), 'artist_ann')).map((s) => s.reason)).toEqual(['traced art', 'copied again']);
    expect(await h.redisGet(KEYS.strikeCount('artist_ann'))).toBe('2');
    // The strike read the user's strikes (not the escalation): their two bad entries are reported.
    expect(reports().map((c) => c.messages[0]?.body ?? '').join('\n')).toMatch(/not JSON[\s\S]*strike-ghost|strike-ghost[\s\S]*not JSON/);
    expect(reports()).toHaveLength(2);
  });

  it('two deliveries reading it at the same time report it once', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const c = userWrites(`message ${seed}`);
      await h.concurrently(seed, [() => h.trigger('ModMail', c.event), () => h.trigger('ModMail', c.event)]).then(async (run) => {
        if (run.results.some((r) => r.status === 'rejected')) await h.trigger('ModMail', c.event);
      });
      expect(reports(), `schedule ${seed}`).toHaveLength(3);
      expect(h.reddit.conversations.get(c.id)?.messages.filter((m) => m.isInternal), `schedule ${seed}`).toHaveLength(1);
    }
  });
});
