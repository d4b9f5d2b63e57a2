import { afterEach, describe, expect, it } from 'vitest';
import { WORD_JOINER as J } from '@creator-desk/core';
import { previousCategories, waitingRecordOf } from '../../src/modmail/conversation-records.js';
import { escalationsOfUser } from '../../src/platform/records/escalation-record.js';
import { redisView, type Harness } from '../harness/index.js';
import { act, LABELS } from '../enforcement/fixture.js';
import { notesIn, repliesIn, seededRuleLine, triageHarness, userWrites } from './triage-fixture.js';

const CASES = [
  ['onboarding-identity', 'Persona keeps rejecting me', 'My identity check failed twice even though the photo of my passport is clear.', 'thanks for writing in about your identity check'],
  ['onboarding-payments', 'Stripe account', 'I need to reset my Stripe account, the dashboard says restricted.', 'Stripe payout accounts can be reset only by the program team'],
  ['upload-error', 'Upload failed', "I can't upload my new avatar, it says the file was rejected every time.", 'most upload errors come from the file itself'],
  ['payout', 'Where is my money?', "I haven't been paid for the October sales yet.", 'payouts are sent monthly'],
  ['takedown', 'Notice on my post', 'My post was removed for copyright but it is my own work. How do I send a counter-notice?', undefined],
  ['ban-appeal', 'Please reconsider', 'I was banned for spam but I only posted my shop link once. Please lift the ban.', 'we received your appeal'],
  ['brand-inquiry', 'Working together', "Hi, I run a marketing agency and we'd love a brand partnership with your artists.", 'Brand collaborations go through the program team'],
  ['event-question', 'Winter contest', 'When is the drop date for the winter contest?', 'event dates, rules and prizes'],
  ['other', 'hello', 'Just wanted to say thanks for running this place!', undefined],
] as const;

describe('modmail triage through the real actor, with the seeded rules and macros', () => {
  let h: Harness;
  afterEach(async () => h.dispose());

  it('classifies a realistic message of each seeded category and answers with its macro', async () => {
    h = await triageHarness();
    for (const [category, subject, body, reply] of CASES) {
      const id = await userWrites(h, 'artist_ann', subject, body);
      expect((await waitingRecordOf(redisView(h), id))?.category, subject).toBe(category);
      const replies = repliesIn(h, id);
      if (reply === undefined) expect(replies, subject).toEqual([]);
      else {
        expect(replies).toHaveLength(1);
        expect(replies[0]?.body).toContain('Hi u/artist_ann,');
        expect(replies[0]?.body).toContain(reply);
        expect(replies[0]?.body).toContain('— the r/CollectibleCreators mod team');
      }
    }
    const takedown = await userWrites(h, 'artist_cho', 'DMCA', 'Someone filed a DMCA takedown on my art.');
    expect(h.reddit.conversations.get(takedown)?.highlighted).toBe(true);
    expect(notesIn(h, takedown).map((n) => n.body)).toContain(`**creator-desk** (rule at line ${seededRuleLine('# 6. Copyright')} of the rules page): Takedown question: check the user's cases in the summary; the restore window is 10–14 business days after a counter-notice.`);
    // Help-article links from the macros page.
    const persona = [...h.reddit.conversations.values()].find((c) => c.subject === 'Persona keeps rejecting me')!;
    expect(repliesIn(h, persona.id)[0]?.body).toContain('Help articles:\n- [Verifying your identity with Persona](https://support.reddithelp.com/hc/en-us/articles/creator-identity-verification)');
    // The brand inquiry was escalated to Brand, and the categories are remembered for the next summary.
    expect((await escalationsOfUser(redisView(h), 'artist_ann')).map((e) => [e.team, e.status])).toEqual([['Brand', 'escalated']]);
    expect((await previousCategories(redisView(h), 'artist_ann', '')).map((c) => c.category).sort()).toEqual(CASES.map((c) => c[0]).sort());
  });

  it('a macro reply goes out once though the trigger is delivered three times; budget: 1 getConversation + the reply (+ the first-message summary)', async () => {
    h = await triageHarness();
    const id = await userWrites(h, 'artist_ann', 'Where is my money?', "I haven't been paid for October.", 3);
    expect(repliesIn(h, id)).toHaveLength(1);
    expect(notesIn(h, id)).toHaveLength(1); // the user summary
    h.calls.reset();
    const again = await userWrites(h, 'artist_cho', 'payout', 'My payout for September never arrived.');
    expect(repliesIn(h, again)).toHaveLength(1);
    expect(h.calls.count('NewModmail.GetConversation')).toBe(1);
    // The reply and the summary note are the only writes.
    expect(h.calls.redditWrites()).toEqual(['NewModmail.CreateConversationMessage', 'NewModmail.CreateConversationMessage']);
    // A brand inquiry names a reply and an escalation (recorded in Redis, noted in the conversation).
    h.calls.reset();
    await userWrites(h, 'regular_bob', 'Collab', 'We would like a brand partnership.');
    expect(h.calls.count('NewModmail.GetConversation')).toBe(1);
    expect(h.calls.redditWrites()).toEqual(['NewModmail.CreateConversationMessage', 'NewModmail.CreateConversationMessage', 'NewModmail.CreateConversationMessage']);
  });

  it('two concurrent deliveries of one message send one reply, in every interleaving tried', async () => {
    h = await triageHarness();
    for (let seed = 1; seed <= 30; seed++) {
      const { conversation, messageId } = h.reddit.userWritesModmail('artist_ann', 'My payout is late.', { subject: `payout ${seed}` });
      const ev = h.events.modMail(conversation.id, messageId, 'artist_ann');
      await h.concurrently(seed, [() => h.trigger('ModMail', ev), () => h.trigger('ModMail', ev)]);
      // A delivery that found the other's claim in flight asks to be delivered again: the runtime does.
      await h.trigger('ModMail', ev);
      expect(repliesIn(h, conversation.id), `seed ${seed}`).toHaveLength(1);
      expect(notesIn(h, conversation.id), `seed ${seed}`).toHaveLength(1);
    }
  });

  it('never answers a moderator, even when the payload calls them a participant', async () => {
    h = await triageHarness();
    const { conversation, messageId } = h.reddit.userWritesModmail('mod_alice', 'My payout is late.', { subject: 'payout' });
    await h.trigger('ModMail', h.events.modMail(conversation.id, messageId, 'mod_alice'));
    const lying = { ...h.events.modMail(conversation.id, messageId, 'mod_alice'), messageAuthorType: 'participant_user' };
    await h.trigger('ModMail', lying);
    expect(repliesIn(h, conversation.id)).toEqual([]);
    expect(notesIn(h, conversation.id)).toEqual([]);
    expect(await waitingRecordOf(redisView(h), conversation.id)).toBeUndefined();
  });

  it('ignores auto-generated messages unless the setting says otherwise', async () => {
    h = await triageHarness();
    const { conversation, messageId } = h.reddit.userWritesModmail('artist_ann', 'My payout is late.', { subject: 'payout' });
    await h.trigger('ModMail', { ...h.events.modMail(conversation.id, messageId, 'artist_ann'), isAutoGenerated: true });
    expect(repliesIn(h, conversation.id)).toEqual([]);
    await h.dispose();
    h = await triageHarness({ settings: { 'modmail-ignore-auto-generated': false } });
    const again = h.reddit.userWritesModmail('artist_ann', 'My payout is late.', { subject: 'payout' });
    await h.trigger('ModMail', { ...h.events.modMail(again.conversation.id, again.messageId, 'artist_ann'), isAutoGenerated: true });
    expect(repliesIn(h, again.conversation.id)).toHaveLength(1);
  });

  it('quotes user text inertly: no ping, no live link, no markdown breakage', async () => {
    h = await triageHarness();
    const id = await userWrites(h, 'artist_ann', 'hey', 'hey u/someone look at [link](http://x) **now');
    const note = notesIn(h, id).find((n) => n.body.includes('No category matched'))!;
    expect(note.body).toBe(`**creator-desk** (rule at line ${seededRuleLine('# 13. Everything else')} of the rules page): No category matched; a moderator answers. The message: hey u${J}\\/someone look at \\[link\\]\\(http${J}\\:\\/\\/x\\) \\*\\*now`);
  });

  it('the user summary shows the roster and strikes', async () => {
    h = await triageHarness();
    await h.redis.mock.plugin.Set({ key: 'cd:artist:artist_ann', value: JSON.stringify({ username: 'artist_ann', since: '2025-06-01T00:00:00Z', by: 'mod_alice', source: 'menu', generation: 0 }) } as never);
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'traced' });
    await act(h, LABELS.strike, post.id, { kind: ['unoriginal'], reason: 'traced art', step: ['ladder'] });
    const id = await userWrites(h, 'artist_ann', 'question', 'Why did I get a strike?');
    const summary = notesIn(h, id).find((n) => n.body.startsWith('**creator-desk summary'))!;
    expect(summary.body).toContain('Artist: on the roster since 2025-06-01 (by u/mod\\_alice via the mod menu).');
    expect(summary.body).toContain('Strikes: 1 active, 0 expired');
    expect(summary.body).toContain('- 2026-03-02 unoriginal: traced art (warning, by mod\\_alice)');
    expect(summary.body).toContain('Next expiry 2026-08-29.');
  });

  it('summary parts can be switched off in settings', async () => {
    h = await triageHarness({ settings: { 'modmail-summary-parts': ['strikes'] } });
    const id = await userWrites(h, 'artist_ann', 'question', 'hello there');
    const summary = notesIn(h, id).find((n) => n.body.startsWith('**creator-desk summary'))!;
    expect(summary.body).toContain('Strikes: 0 active');
    expect(summary.body).not.toContain('Artist:');
    expect(summary.body).not.toContain('Account age');
    expect(summary.body).not.toContain('Takedowns');
  });
});
