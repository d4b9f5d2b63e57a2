import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Devvit from '../../../src/main.js';
import { RULES_KEYS, RULES_PAGE } from '../../../src/platform/rules/rules-page.js';
import { compiledCacheHas } from '../../../src/platform/rules/engine.js';
import { createHarness, type Harness } from '../../harness/index.js';

const GOOD = `---
type: submission
title (includes-word): ["giveaway"]
action: remove
action_reason: "giveaway"
`;

// Line 4 has an unknown search method: an error the parser must place at line 4.
const BAD = `---
type: submission
title (includes-word): ["giveaway"]
body (bogus-method): ["x"]
action: remove
`;

describe('rules page edits (ModAction wikirevise)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = createHarness(Devvit);
    h.reddit.addModerator('mod_alice');
    h.reddit.addModerator('mod_bob');
    h.reddit.addUser({ name: 'artist_ann' });
    h.reddit.editWikiPage(RULES_PAGE, GOOD, 'mod_alice');
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'));
  });
  afterEach(async () => h.dispose());

  const activeRevision = async () => JSON.parse((await h.redisGet(RULES_KEYS.active)) ?? '{}').revisionId as string | undefined;

  it('accepts a valid edit: source and revision stored, compiled form cached for that revision', async () => {
    const rev = h.reddit.wiki.get(RULES_PAGE)?.revisions.at(-1)?.id ?? '';
    expect(await activeRevision()).toBe(rev);
    const active = JSON.parse((await h.redisGet(RULES_KEYS.active)) ?? '{}');
    expect(active.source).toBe(GOOD);
    expect(compiledCacheHas(rev)).toBe(true);
    expect(h.reddit.conversations.size).toBe(0);
  });

  it('rejects an edit with an error: one modmail naming the editor with line:col, old config stays in force', async () => {
    const goodRev = await activeRevision();
    const bad = h.reddit.editWikiPage(RULES_PAGE, BAD, 'mod_bob');
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_bob'), 2);

    const inbox = h.reddit.conversationsOf('modinbox');
    expect(inbox).toHaveLength(1);
    const body = inbox[0]?.messages[0]?.body ?? '';
    expect(inbox[0]?.subject).toMatch(/Rules page edit rejected/);
    expect(body).toContain('u/mod_bob');
    expect(body).toContain(bad.id);
    expect(body).toMatch(/^ {4}4:\d+: /m);
    expect(body).toContain('| body (bogus-method): ["x"]');
    expect(body).toContain(`revision \`${goodRev}\``);
    expect(await activeRevision()).toBe(goodRev);

    // The old rules keep working.
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'Big giveaway today' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(h.reddit.posts.get(post.id)?.removed).toBe(true);

    const status = await h.menuAction('creator-desk: status', { as: 'mod_alice' });
    expect(status.toasts[0]).toMatch(/has \d+ error\(s\); last good config from revision/);
  });

  it("refuses a valid edit saved by a non-moderator (page permissions loosened later): old config stays, mods told", async () => {
    const goodRev = await activeRevision();
    h.reddit.editWikiPage(RULES_PAGE, `---\ntype: submission\ntitle (includes-word): ["art"]\naction: remove\n`, 'artist_ann');
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'), 2);
    expect(await activeRevision()).toBe(goodRev);
    const inbox = h.reddit.conversationsOf('modinbox');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.messages[0]?.body).toMatch(/1:1: the revision was saved by u\/artist_ann, who is not a moderator/);
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'my art' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(h.reddit.posts.get(post.id)?.removed).toBe(false);
  });

  it('a failed modmail send is retried by the next delivery and sent exactly once', async () => {
    h.reddit.editWikiPage(RULES_PAGE, BAD, 'mod_bob');
    h.calls.failNth('NewModmail.CreateModmailConversation', 1, 429);
    await expect(h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_bob'))).rejects.toThrow(/HTTP 429/);
    expect(h.reddit.conversationsOf('modinbox')).toHaveLength(0);
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_bob'), 2);
    expect(h.reddit.conversationsOf('modinbox')).toHaveLength(1);
  });

  it('ignores other mod actions and unchanged revisions without writing anything', async () => {
    h.calls.reset();
    await h.trigger('ModAction', h.events.modAction('removelink', 'mod_alice'));
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'));
    expect(h.calls.redditWrites()).toEqual([]);
    expect(h.calls.count('redis.Set')).toBe(0);
  });

  it('a fixed edit replaces the rules in force', async () => {
    h.reddit.editWikiPage(RULES_PAGE, BAD, 'mod_bob');
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_bob'));
    const fixed = h.reddit.editWikiPage(RULES_PAGE, GOOD.replace('giveaway', 'raffle').replace('"giveaway"', '"raffle"'), 'mod_bob');
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_bob'));
    expect(await activeRevision()).toBe(fixed.id);
    const post = h.reddit.addPost({ authorName: 'artist_ann', title: 'Big giveaway today' });
    await h.trigger('PostSubmit', h.events.postSubmit(post));
    expect(h.reddit.posts.get(post.id)?.removed).toBe(false);
  });
});
