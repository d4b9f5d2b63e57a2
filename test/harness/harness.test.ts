import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Devvit, { setProbe } from './probe-app.js';
import { createHarness, InjectedFault, type Harness } from './index.js';

describe('Devvit harness', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness(Devvit);
    h.reddit.addModerator('mod_alice');
    h.reddit.addUser({ name: 'artist_ann', createdDaysAgo: 3, linkKarma: 5, commentKarma: 7 });
  });
  afterEach(async () => h.dispose());

  it('shows a trigger delivered twice as two deliveries, and both reach the app', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'My new avatar' });
    await h.trigger('PostSubmit', h.events.postSubmit(post), 2);
    expect(h.deliveriesOf('PostSubmit')).toHaveLength(2);
    expect(h.deliveriesOf('PostSubmit').every((d) => d.ok)).toBe(true);
    expect(await h.redisGet(`probe:postsubmit:${post.id}`)).toBe('2');
  });

  it('uses a real Redis server when REDIS_URL is set, ioredis-mock otherwise', () => {
    expect(h.redis.backend).toBe(process.env.REDIS_URL ? 'redis-server' : 'ioredis-mock');
  });

  it('counts Reddit RPCs and Redis commands by name', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 't' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(h.calls.snapshot()).toEqual({ 'redis.IncrBy': 1 });
    const r = await h.menuAction('probe: remove', { as: 'mod_alice', postId: post.id });
    expect(r.toasts).toEqual(['removed']);
    expect(h.calls.count('Moderation.Remove')).toBe(1);
    expect(h.calls.redditWrites()).toEqual(['Moderation.Remove']);
    expect(h.reddit.posts.get(post.id)?.removed).toBe(true);
    h.calls.reset();
    expect(h.calls.redisCommands()).toBe(0);
  });

  it('surfaces an injected fault on the k-th call as an error the test sees, and the retry succeeds', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 't' });
    h.calls.failNth('Moderation.Remove', 1, 429);
    await expect(h.menuAction('probe: remove', { as: 'mod_alice', postId: post.id })).rejects.toThrow(/HTTP 429.*Moderation\.Remove/);
    expect(h.reddit.posts.get(post.id)?.removed).toBe(false);
    expect(h.deliveries.at(-1)).toMatchObject({ kind: 'action', ok: false });
    await h.menuAction('probe: remove', { as: 'mod_alice', postId: post.id });
    expect(h.reddit.posts.get(post.id)?.removed).toBe(true);
  });

  it('injects a seeded fraction of faults reproducibly', async () => {
    const outcomes = async (seed: number) => {
      h.calls.clearFaults();
      h.calls.failFraction('redis.IncrBy', 0.5, { seed });
      const out: boolean[] = [];
      for (let i = 0; i < 20; i++) {
        try {
          await h.runJob('probe-count', { tag: `s${seed}` });
          out.push(true);
        } catch (e) {
          expect(e).toBeInstanceOf(InjectedFault);
          out.push(false);
        }
      }
      return out;
    };
    const a = await outcomes(7);
    const b = await outcomes(7);
    expect(a).toEqual(b);
    const failures = a.filter((x) => !x).length;
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(17);
  });

  it('fails loudly, by name, on an RPC the fake does not implement', async () => {
    setProbe(async (ctx) => ctx.reddit.getHotPosts({ subredditName: 'CollectibleCreators' }).all());
    await expect(h.runJob('probe')).rejects.toThrow(/RPC Listings\.Hot is not implemented/);
  });

  it('delivers scheduled jobs when the virtual clock makes them due (one-off and cron)', async () => {
    const t0 = h.clock.now();
    setProbe(async (ctx) => {
      await ctx.scheduler.runJob({ name: 'probe-count', data: { tag: 'once' }, runAt: new Date(Date.now() + 3_600_000) });
      await ctx.scheduler.runJob({ name: 'probe-count', data: { tag: 'cron' }, cron: '*/30 * * * *' });
    });
    await h.runJob('probe');
    expect(Date.now()).toBe(t0); // the app's clock is the virtual one
    expect(await h.runDueJobs()).toEqual([]);
    expect(await h.advance(30 * 60_000)).toEqual(['probe-count']); // 10:30 cron
    expect(await h.advance(30 * 60_000)).toEqual(['probe-count', 'probe-count']); // 11:00: one-off + cron
    expect(await h.redisGet('probe:job:once')).toBe('1');
    expect(await h.redisGet('probe:job:cron')).toBe('2');
    const listed = setProbe(async (ctx) => ctx.scheduler.listJobs());
    await h.runJob('probe');
    const jobs = listed() as { id: string; name: string; cron?: string }[];
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.cron).toBe('*/30 * * * *');
    const cronId = jobs[0]?.id ?? '';
    setProbe(async (ctx) => ctx.scheduler.cancelJob(cronId));
    await h.runJob('probe');
    expect(await h.advance(3 * 3_600_000)).toEqual([]);
    expect(await h.redisGet('probe:job:cron')).toBe('2');
  });

  it('models user modmail: the trigger has no body, the conversation holds it; replies, notes, mute, highlight', async () => {
    const { conversation, messageId } = h.reddit.userWritesModmail('artist_ann', 'my drop is stuck in staging', { subject: 'help' });
    const ev = h.events.modMail(conversation.id, messageId, 'artist_ann');
    expect(ev).not.toHaveProperty('body');
    expect(ev.conversationId).toBe(`ModmailConversation_${conversation.id}`);
    const read = setProbe(async (ctx) => {
      const id = String(ev.conversationId).replace(/^ModmailConversation_/, '');
      const got = await ctx.reddit.modMail.getConversation({ conversationId: id });
      await ctx.reddit.modMail.reply({ conversationId: id, body: 'Looking into it', isInternal: false });
      await ctx.reddit.modMail.reply({ conversationId: id, body: 'staging ticket 42', isInternal: true });
      await ctx.reddit.modMail.highlightConversation(id);
      await ctx.reddit.modMail.muteConversation({ conversationId: id, numHours: 72 });
      return Object.values(got.conversation?.messages ?? {}).map((m) => m.bodyMarkdown);
    });
    await h.runJob('probe');
    expect(read()).toEqual(['my drop is stuck in staging']);
    const c = h.reddit.conversations.get(conversation.id);
    expect(c?.messages.map((m) => [m.author, m.isInternal])).toEqual([['artist_ann', false], ['creator-desk', false], ['creator-desk', true]]);
    expect(c?.highlighted).toBe(true);
    expect(h.reddit.mutedUsers.has('artist_ann')).toBe(true);
  });

  it('opens a form from a menu item and submits it through HandleUIEvent, only for the user it was opened for', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 't' });
    const opened = await h.menuAction('probe: form', { as: 'mod_alice', postId: post.id });
    expect(opened.forms).toHaveLength(1);
    const formId = opened.forms[0] ?? '';
    await expect(h.submitForm(formId, { reason: ['ai'], note: 'x' }, { as: 'artist_ann' })).rejects.toThrow(/not opened by this user/);
    const r = await h.submitForm(formId, { reason: ['ai'], note: 'traced' }, { as: 'mod_alice', thingId: post.id, actionLabel: 'probe: form' });
    expect(r.toasts).toEqual(['submitted ai']);
    expect(JSON.parse((await h.redisGet('probe:form')) ?? '{}')).toEqual({ reason: 'ai', note: 'traced', user: 'mod_alice', postId: post.id });
  });

  it('round-trips every fake Reddit plugin through the real client', async () => {
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'Avatar drop', body: 'hello' });
    const read = setProbe(async (ctx) => {
      const sub = 'CollectibleCreators';
      const p = await ctx.reddit.getPostById(post.id as `t3_${string}`);
      await p.lock();
      await p.markAsNsfw();
      await p.sticky();
      await ctx.reddit.setPostFlair({ subredditName: sub, postId: post.id as `t3_${string}`, text: 'AI-generated', cssClass: 'ai' });
      const reply = await p.addComment({ text: 'Removal reason' });
      await reply.distinguish(true);
      await ctx.reddit.setUserFlair({ subredditName: sub, username: 'artist_ann', text: 'Artist' });
      await ctx.reddit.approveUser('artist_ann', sub);
      await ctx.reddit.banUser({ subredditName: sub, username: 'artist_ann', duration: 3, reason: 'r', message: 'bye', note: 'n' });
      await ctx.reddit.addModNote({ subreddit: sub, user: 'artist_ann', note: 'strike 1', label: 'ABUSE_WARNING', redditId: post.id as `t3_${string}` });
      const convId = await ctx.reddit.modMail.createModInboxConversation({ subredditId: ctx.subredditId as `t5_${string}`, subject: 'hi', bodyMarkdown: 'body' });
      await ctx.reddit.modMail.reply({ conversationId: convId, body: 'note', isInternal: true });
      await ctx.reddit.modMail.archiveConversation(convId);
      const conv = await ctx.reddit.modMail.getConversation({ conversationId: convId });
      await ctx.reddit.createWikiPage({ subredditName: sub, page: 'creator-desk/test', content: 'v1' });
      await ctx.reddit.updateWikiPageSettings({ subredditName: sub, page: 'creator-desk/test', listed: false, permLevel: 2 });
      const page = await ctx.reddit.getWikiPage(sub, 'creator-desk/test');
      const mods = await ctx.reddit.getModerators({ subredditName: sub }).all();
      const banned = await ctx.reddit.getBannedUsers({ subredditName: sub }).all();
      const approved = await ctx.reddit.getApprovedUsers({ subredditName: sub }).all();
      const notes = await ctx.reddit.getModNotes({ subreddit: sub, user: 'artist_ann' }).all();
      const log = await ctx.reddit.getModerationLog({ subredditName: sub, limit: 100 }).all();
      const user = await ctx.reddit.getUserByUsername('artist_ann');
      const again = await ctx.reddit.getPostById(post.id as `t3_${string}`);
      return {
        convMessages: Object.keys(conv.conversation?.messages ?? {}).length,
        convState: conv.conversation?.state,
        page: page.content,
        pageRev: page.revisionId,
        mods: mods.map((m) => m.username).sort(),
        banned: banned.map((b) => [b.username, b.daysLeft]),
        approved: approved.map((a) => a.username),
        notes: notes.map((n) => n.userNote?.note),
        logTypes: log.map((l) => l.type),
        karma: user?.commentKarma,
        flair: again.flair?.text,
        locked: again.locked,
        nsfw: again.nsfw,
        stickied: again.stickied,
        replyDistinguished: reply.id,
      };
    });
    await h.runJob('probe');
    const r = read() as Record<string, unknown>;
    expect(r).toMatchObject({
      convMessages: 2,
      convState: 'Archived',
      page: 'v1',
      mods: ['AutoModerator', 'creator-desk', 'mod_alice'],
      banned: [['artist_ann', 3]],
      approved: ['artist_ann'],
      notes: ['strike 1'],
      karma: 7,
      flair: 'AI-generated',
      locked: true,
      nsfw: true,
      stickied: true,
    });
    expect(r.logTypes).toEqual(expect.arrayContaining(['lock', 'marknsfw', 'sticky', 'editflair', 'distinguish', 'banuser', 'addcontributor', 'wikirevise', 'wikipermlevel']));
    const wiki = h.reddit.wiki.get('creator-desk/test');
    expect(wiki?.permLevel).toBe(2);
    const reply = [...h.reddit.comments.values()].find((c) => c.postId === post.id);
    expect(reply).toMatchObject({ authorName: 'creator-desk', distinguished: 'moderator', stickied: true });
    expect(h.reddit.conversationsOf('modinbox')[0]?.messages.map((m) => m.isInternal)).toEqual([false, true]);
    // a 3-day ban ends by itself as the clock moves
    h.clock.advance(3 * 86_400_000 + 1000);
    const bannedNow = setProbe(async (ctx) => (await ctx.reddit.getBannedUsers({ subredditName: 'CollectibleCreators' }).all()).length);
    await h.runJob('probe');
    expect(bannedNow()).toBe(0);
  });
});
