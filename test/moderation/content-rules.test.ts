import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escalationsOfUser } from '../../src/platform/records/escalation-record.js';
import { redisView, type Harness } from '../harness/index.js';
import { rulesHarness } from './rules-harness.js';
import { installRules } from './rules-fixture.js';

describe('content rules on posts and comments', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await rulesHarness();
  });
  afterEach(async () => h.dispose());

  // The README's figures, exactly: no rule matches: 2 Redis commands (1 for a recently seen author),
  // 0 Reddit writes; a duplicate delivery: 1 Redis command.
  it('budget: a PostSubmit matching no rule costs 2 Redis commands (MGET, cache SET) and 0 Reddit writes', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'My new avatar', body: 'hand drawn' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(h.calls.redisCommands()).toBe(2);
    expect(h.calls.count(/^redis\./)).toBe(2);
    expect(h.calls.redditWrites()).toEqual([]);
    console.info('PostSubmit no-match budget (author not cached)', { redis: h.calls.redisCommands(), redditCalls: h.calls.redditCalls(), redditWrites: h.calls.redditWrites().length, byName: h.calls.snapshot() });
  });

  it('an author seen in the last 10 minutes costs one Redis command and no Reddit calls', async () => {
    const first = h.reddit.addPost({ authorName: 'artist_ann', title: 'one' });
    await h.trigger('PostSubmit', h.events.postSubmit(first));
    h.calls.reset();
    const second = h.reddit.addPost({ authorName: 'artist_ann', title: 'two' });
    await h.trigger('PostSubmit', h.events.postSubmit(second));
    expect(h.calls.redisCommands()).toBe(1);
    expect(h.calls.redditCalls()).toBe(0);
    console.info('PostSubmit no-match budget (author cached)', h.calls.snapshot());
  });

  it('filter + modmail for a new account (the post is removed pending review, mods told once)', async () => {
    const post = h.reddit.addPost({ authorName: 'newbie', title: 'hello' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(h.reddit.posts.get(post.id)?.removed).toBe(true);
    // The filter's own listing (so it is never a silent removal), then the rule's modmail.
    expect(h.reddit.conversationsOf('modinbox').map((c) => c.subject)).toEqual([`Filtered for review: post by u/newbie (${post.id})`, 'New account post']);
  });

  it('flair, distinguished sticky comment and mod note for AI art', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'made with midjourney' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    const p = h.reddit.posts.get(post.id);
    expect(p?.flair).toMatchObject({ text: 'AI-generated', cssClass: 'ai' });
    const reply = [...h.reddit.comments.values()].filter((c) => c.postId === post.id);
    expect(reply).toHaveLength(1);
    expect(reply[0]).toMatchObject({ authorName: 'creator-desk', body: 'Flaired as AI-generated.', distinguished: 'moderator', stickied: true });
    expect(h.reddit.modNotes.map((n) => [n.user, n.note, n.redditId])).toEqual([['artist_ann', 'Posted AI art', post.id]]);
  });

  it('remove, lock, message to the author and a recorded escalation for a giveaway', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    const p = h.reddit.posts.get(post.id);
    expect(p).toMatchObject({ removed: true, spam: false, locked: true });
    const dm = h.reddit.conversationsOf('user');
    expect(dm.map((c) => [c.participant, c.subject, c.messages[0]?.body])).toEqual([['artist_ann', 'Your post was removed', 'Giveaways are not allowed here.']]);
    expect(await escalationsOfUser(redisView(h), 'artist_ann')).toMatchObject([{ itemId: post.id, status: 'escalated', team: 'Trust & Safety', escalationReason: 'giveaway', escalatedBy: 'creator-desk' }]);
  });

  it('stops starting effects after the time budget; the next delivery does only the rest', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway' });
    // The removal takes 25 s: the delivery must not start the next effect (Devvit kills it at 30 s).
    h.calls.onCall(/\.Remove$/, () => h.clock.advance(25_000));
    await expect(h.trigger('PostSubmit', h.events.postSubmit(post))).rejects.toThrow(/time budget of 20 s used up before: \d+:set_locked/);
    expect(h.reddit.posts.get(post.id)).toMatchObject({ removed: true, locked: false });
    expect(h.reddit.conversationsOf('user')).toHaveLength(0);
    h.calls.clearFaults();
    h.calls.reset();
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(h.reddit.posts.get(post.id)).toMatchObject({ removed: true, locked: true });
    expect(h.reddit.conversationsOf('user')).toHaveLength(1);
    expect(h.calls.count(/\.Remove$/)).toBe(0);
  });

  it('a delivery that died after messaging the author but before recording it does not message twice', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway' });
    h.calls.dieAfter('NewModmail.CreateConversation');
    await expect(h.trigger('PostSubmit', h.events.postSubmit(post))).rejects.toThrow(/injected/);
    h.calls.clearFaults();
    await h.advance(40_000); // the dead delivery's claim is stale: the next one takes it over
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(h.reddit.conversationsOf('user').filter((c) => c.participant === 'artist_ann')).toHaveLength(1);
    expect(await escalationsOfUser(redisView(h), 'artist_ann')).toHaveLength(1);
  });


  it('a delivery that died after commenting does not comment twice, and the found comment is the one distinguished', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'made with midjourney' });
    h.calls.dieAfter('LinksAndComments.Comment');
    await expect(h.trigger('PostSubmit', h.events.postSubmit(post))).rejects.toThrow(/injected/);
    h.calls.clearFaults();
    await h.advance(40_000);
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    const replies = [...h.reddit.comments.values()].filter((c) => c.parentId === post.id);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ body: 'Flaired as AI-generated.', distinguished: 'moderator', stickied: true });
  });

  it('a delivery that died after the mod-inbox notice does not send it twice', async () => {
    const post = h.reddit.addPost({ authorName: 'newbie', title: 'hello' });
    h.calls.dieAfter('NewModmail.CreateModmailConversation');
    await expect(h.trigger('PostSubmit', h.events.postSubmit(post))).rejects.toThrow(/injected/);
    h.calls.clearFaults();
    await h.advance(40_000);
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(h.reddit.conversationsOf('modinbox').map((c) => c.subject).sort()).toEqual([`Filtered for review: post by u/newbie (${post.id})`, 'New account post']);
  });

  it('a delivery that died after reporting does not report twice', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'a thread' });
    const comment = h.reddit.addComment({ authorName: 'artist_ann', postId: post.id, body: 'this is a scam' });
    h.calls.dieAfter('LinksAndComments.Report');
    await expect(h.trigger('CommentSubmit', h.events.commentSubmit(comment))).rejects.toThrow(/injected/);
    h.calls.clearFaults();
    await h.advance(40_000);
    await h.trigger('CommentSubmit', h.events.commentSubmit(comment));
    expect(h.reddit.comments.get(comment.id)?.reports).toEqual([{ reason: 'possible scam accusation', by: 'creator-desk' }]);
  });

  it('a duplicate PostSubmit does nothing twice', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway' });
    await h.trigger('PostSubmit', h.events.postSubmit(post), 2);
    expect(h.deliveriesOf('PostSubmit')).toHaveLength(2);
    expect(h.calls.count('Moderation.Remove')).toBe(1);
    expect(h.calls.count('LinksAndComments.Lock')).toBe(1);
    expect(h.reddit.conversationsOf('user')).toHaveLength(1);
    expect(h.reddit.modLog.filter((e) => e.action === 'removelink')).toHaveLength(1);
  });

  it('a re-delivery of a completed event costs one Redis command and no Reddit calls', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    h.calls.reset();
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(h.calls.redisCommands()).toBe(1);
    expect(h.calls.redditCalls()).toBe(0);
    expect(h.calls.snapshot()).toEqual({ 'redis.MGet': 1 });
  });

  it('never contradicts a moderator who approved the post: the removal rule\'s lock, message and escalation are skipped too', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway', approved: true, approvedBy: 'mod_alice' });
    h.reddit.log('approvelink', 'mod_alice', { targetId: post.id, targetAuthor: 'artist_ann' });
    await h.trigger('PostSubmit', h.events.postSubmit(post), 2);
    expect(h.reddit.posts.get(post.id)).toMatchObject({ removed: false, approved: true, locked: false });
    expect(h.reddit.conversationsOf('user')).toEqual([]);
    expect(await escalationsOfUser(redisView(h), 'artist_ann')).toEqual([]);
    expect(h.calls.redditWrites()).toEqual([]);
  });

  it('a moderator who approves between planning and removing vetoes the rest of the rule too', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway' });
    // The mod approves just as the removal is about to run (after the plan read the post untouched).
    let reads = 0;
    h.calls.onCall('LinksAndComments.Info', () => {
      if (++reads !== 2) return;
      Object.assign(h.reddit.posts.get(post.id)!, { approved: true, approvedBy: 'mod_alice' });
      h.reddit.log('approvelink', 'mod_alice', { targetId: post.id, targetAuthor: 'artist_ann' });
    });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(h.reddit.posts.get(post.id)).toMatchObject({ removed: false, locked: false });
    expect(h.reddit.conversationsOf('user')).toEqual([]);
    expect(await escalationsOfUser(redisView(h), 'artist_ann')).toEqual([]);
  });

  it('a post a moderator removed through the app\'s own remove action is theirs: an approve rule leaves it removed', async () => {
    await installRules(h, '---\ntype: submission\ntitle (includes-word): ["verified"]\naction: approve\nset_flair: ["Verified", ""]\n');
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'verified drop' });
    const opened = await h.menuAction('creator-desk: remove (unoriginal / AI / policy)', { as: 'mod_alice', postId: post.id });
    await h.submitForm(opened.forms[0]!, { reason: ['2'], note: '' }, { as: 'mod_alice', thingId: post.id, actionLabel: 'creator-desk: remove (unoriginal / AI / policy)' });
    // Reddit names the app as the remover; the app's record names the moderator.
    expect(h.reddit.posts.get(post.id)).toMatchObject({ removed: true, removedBy: 'creator-desk' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(h.reddit.posts.get(post.id)).toMatchObject({ removed: true, approved: false });
    expect(h.reddit.posts.get(post.id)?.flair?.text).toBeUndefined();
  });

  it('a post the app itself approved is not a moderator\'s veto', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway', approved: true, approvedBy: 'creator-desk' });
    h.reddit.log('approvelink', 'creator-desk', { targetId: post.id, targetAuthor: 'artist_ann' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(h.reddit.posts.get(post.id)).toMatchObject({ removed: true, locked: true });
  });

  it('reports a comment, approves another, but never approves one a moderator removed', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'drop' });
    const c1 = h.reddit.addComment({ authorName: 'artist_ann', postId: post.id, body: 'this is a scam' });
    const c2 = h.reddit.addComment({ authorName: 'artist_ann', postId: post.id, body: 'verified seller', removed: true, removedBy: 'AutoModerator' });
    const c3 = h.reddit.addComment({ authorName: 'artist_ann', postId: post.id, body: 'verified seller', removed: true, removedBy: 'mod_alice' });
    for (const c of [c1, c2, c3]) await h.trigger('CommentSubmit', h.events.commentSubmit(c));
    expect(h.reddit.comments.get(c1.id)?.reports).toEqual([{ reason: 'possible scam accusation', by: 'creator-desk' }]);
    expect(h.reddit.comments.get(c3.id)).toMatchObject({ removed: true, approved: false });
    // Comments do not say who removed them, so the app conservatively leaves every removed comment alone.
    expect(h.reddit.comments.get(c2.id)).toMatchObject({ removed: true });
    expect(h.calls.count('Moderation.Approve')).toBe(0);
  });

  it('edited-content rules run on PostUpdate, once per edit', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'drop', body: 'see my art' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    h.clock.advance(60_000);
    post.body = 'buy at scam.example';
    post.editedUtc = h.reddit.nowSeconds();
    await h.trigger('PostUpdate', h.events.postUpdate(post, 'see my art'), 2);
    expect(h.reddit.posts.get(post.id)).toMatchObject({ removed: true, spam: true });
    expect(h.calls.count('Moderation.Remove')).toBe(1);
  });

  it('reports: rules run on PostReport when the count reaches the threshold', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'drop' });
    post.reports = [{ reason: 'stolen' }, { reason: 'stolen' }];
    await h.trigger('PostReport', h.events.postReport(post, 'stolen'));
    expect(h.reddit.posts.get(post.id)?.removed).toBe(false);
    post.reports.push({ reason: 'traced' });
    await h.trigger('PostReport', h.events.postReport(post, 'traced'));
    expect(h.reddit.posts.get(post.id)?.removed).toBe(true);
  });

  it('ignores the app account, AutoModerator and <sub>-ModTeam', async () => {
    h.reddit.addUser({ name: 'CollectibleCreators-ModTeam' });
    for (const name of ['creator-desk', 'AutoModerator', 'CollectibleCreators-ModTeam']) {
      const post = h.reddit.addPost({ authorName: name, title: 'huge giveaway' });
      await h.trigger('PostSubmit', h.events.postSubmit(post));
      expect(h.reddit.posts.get(post.id)?.removed).toBe(false);
    }
    expect(h.calls.redisCommands()).toBe(0);
    expect(h.calls.redditCalls()).toBe(0);
  });

  it('with 10 % injected API faults, redelivery until success leaves the same state as one clean delivery', async () => {
    h.calls.failFraction(/^(Moderation|LinksAndComments|NewModmail|ModNote|Flair|redis)\./, 0.1, { seed: 42 });
    const posts = [
      h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway' }),
      h.reddit.addPost({ authorName: 'artist_ann', title: 'made with midjourney' }),
      h.reddit.addPost({ authorName: 'newbie', title: 'hi' }),
    ];
    let failures = 0;
    for (const post of posts) {
      for (let attempt = 0; attempt < 30; attempt++) {
        try {
          await h.trigger('PostSubmit', h.events.postSubmit(post));
          break;
        } catch {
          failures += 1;
          h.clock.advance(40_000); // the runtime retries with a delay
        }
      }
    }
    expect(failures).toBeGreaterThan(0);
    const [giveaway, ai, newbie] = posts.map((p) => h.reddit.posts.get(p.id));
    expect(giveaway).toMatchObject({ removed: true, locked: true });
    expect(ai?.flair?.text).toBe('AI-generated');
    expect(newbie?.removed).toBe(true);
    expect(h.reddit.conversationsOf('user')).toHaveLength(1);
    expect(h.reddit.conversationsOf('modinbox').map((c) => c.subject).sort()).toEqual([`Filtered for review: post by u/newbie (${posts[2]?.id})`, 'New account post']);
    expect([...h.reddit.comments.values()]).toHaveLength(1);
    expect(h.reddit.modNotes).toHaveLength(1);
    expect(h.reddit.modLog.filter((e) => e.action === 'removelink')).toHaveLength(2);
    console.info('10% faults: failed deliveries before completion', failures);
  });
});

describe('concurrent duplicate deliveries', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await rulesHarness();
  });
  afterEach(async () => h.dispose());

  it('three deliveries of the same PostSubmit at the same time perform each effect once', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway' });
    const ev = h.events.postSubmit(post);
    const settled = await Promise.allSettled([h.trigger('PostSubmit', ev), h.trigger('PostSubmit', ev), h.trigger('PostSubmit', ev)]);
    // Deliveries that met a claim held by another ask to be retried instead of pretending success.
    for (const r of settled) if (r.status === 'rejected') expect(String(r.reason)).toMatch(/EffectsInFlight|another delivery/);
    expect(settled.some((r) => r.status === 'fulfilled')).toBe(true);
    await h.trigger('PostSubmit', ev); // the runtime's retry: everything is already done
    expect(h.deliveriesOf('PostSubmit').at(-1)?.ok).toBe(true);
    expect(h.calls.count('Moderation.Remove')).toBe(1);
    expect(h.calls.count('LinksAndComments.Lock')).toBe(1);
    expect(h.reddit.conversationsOf('user')).toHaveLength(1);
  });
});

describe('injected faults across seeds', () => {
  for (const seed of Array.from({ length: 20 }, (_, i) => i + 1)) {
    it(`seed ${seed}: 10 % faults on every Reddit write and Redis command; the ledger ends all done and each effect happened once`, async () => {
      const h = await rulesHarness();
      try {
        h.calls.failFraction(/^(Moderation|LinksAndComments|NewModmail|ModNote|Flair|redis)\./, 0.1, { seed });
        const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway made with midjourney' });
        let ok = false;
        for (let attempt = 0; attempt < 40 && !ok; attempt++) {
          try {
            await h.trigger('PostSubmit', h.events.postSubmit(post));
            ok = true;
          } catch {
            h.clock.advance(40_000);
          }
        }
        h.calls.clearFaults();
        expect(ok).toBe(true);
        const p = h.reddit.posts.get(post.id);
        expect(p).toMatchObject({ removed: true, locked: true });
        expect(p?.flair?.text).toBe('AI-generated');
        expect(h.reddit.modLog.filter((e) => e.action === 'removelink')).toHaveLength(1);
        expect(h.reddit.modLog.filter((e) => e.action === 'lock')).toHaveLength(1);
        expect([...h.reddit.comments.values()]).toHaveLength(1);
        expect(h.reddit.conversationsOf('user')).toHaveLength(1);
        expect(h.reddit.modNotes).toHaveLength(1);
        const ledger = (await h.redis.mock.plugin.HGetAll({ key: `cd:fx:${post.id}:PostSubmit:new` } as never)) as { fieldValues: Record<string, string> };
        const states = Object.entries(ledger.fieldValues).filter(([k]) => k !== '_event');
        expect(states.length).toBeGreaterThanOrEqual(7);
        for (const [, v] of states) expect(v).toMatch(/^done/);
      } finally {
        await h.dispose();
      }
    });
  }
});
