import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RULES_PAGE } from '../../src/platform/rules/rules-page.js';
import type { Harness } from '../harness/index.js';
import { rulesHarness } from './rules-harness.js';

const LABEL = 'creator-desk: test rules on recent posts';

describe('creator-desk: test rules on recent posts', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await rulesHarness();
    h.reddit.addPost({ authorName: 'artist_ann', title: 'huge giveaway' });
    h.reddit.addPost({ authorName: 'artist_ann', title: 'my art' });
    h.reddit.addPost({ authorName: 'newbie', title: 'hi' });
    h.reddit.addPost({ authorName: 'creator-desk', title: 'giveaway rules' }); // the app's own: not counted
    h.calls.reset();
  });
  afterEach(async () => h.dispose());

  it('sends the mod inbox per-rule hits over recent posts and changes nothing else', async () => {
    const r = await h.menuAction(LABEL, { as: 'mod_alice' });
    expect(r.toasts[0]).toContain('2 of 3 recent posts would be acted on');
    const [msg] = h.reddit.conversationsOf('modinbox');
    expect(msg?.subject).toContain('Rules test: 2 of 3 recent posts would be acted on');
    const body = msg?.messages[0]?.body ?? '';
    expect(body).toContain('u/mod_alice tested revision');
    expect(body).toMatch(/- line \d+ .*: 1 of 3: \/r\/CollectibleCreators\/comments\//);
    expect(h.calls.redditWrites()).toEqual(['NewModmail.CreateModmailConversation']);
    expect([...h.reddit.posts.values()].every((p) => !p.removed && !p.locked)).toBe(true);
  });

  it('lists a post a moderator approved as vetoed for the removal rule, naming the moderator, not as acted on', async () => {
    const approved = h.reddit.addPost({ authorName: 'newbie', title: 'second giveaway', approved: true, approvedBy: 'mod_alice' });
    h.reddit.log('approvelink', 'mod_alice', { targetId: approved.id, targetAuthor: 'newbie' });
    const r = await h.menuAction(LABEL, { as: 'mod_alice' });
    // newbie's two posts match the new-account filter rule; on the approved one it is vetoed.
    expect(r.toasts[0]).toContain('2 of 4 recent posts would be acted on');
    const body = h.reddit.conversationsOf('modinbox')[0]?.messages[0]?.body ?? '';
    const line = body.split('\n').find((l) => l.startsWith('- line 3 ')) ?? '';
    expect(line).toMatch(/: 1 of 4: \/r\/CollectibleCreators\/comments\/\w+\/; vetoed on 1, none of its actions would apply: \/r\/CollectibleCreators\/comments\/\w+\/ \(approved by /);
    // The moderator's name is inert markdown (no ping), but reads as u/mod_alice.
    expect(line).toContain('(approved by u\u2060\\/mod\\_alice)');
  });

  it('a post a moderator restored through the app counts as their approval in the test, not the app\'s', async () => {
    const post = h.reddit.addPost({ authorName: 'newbie', title: 'second post', approved: true, approvedBy: 'creator-desk' });
    h.reddit.log('approvelink', 'creator-desk', { targetId: post.id, targetAuthor: 'newbie' });
    await h.redis.mock.plugin.Set({ key: `cd:moddecision:${post.id}`, value: JSON.stringify({ action: 'approve', by: 'mod_alice', at: new Date().toISOString() }) } as never);
    await h.menuAction(LABEL, { as: 'mod_alice' });
    const body = h.reddit.conversationsOf('modinbox')[0]?.messages[0]?.body ?? '';
    expect(body.split('\n').find((l) => l.startsWith('- line 3 '))).toContain('(approved by u\u2060\\/mod\\_alice)');
  });

  it('tests the page as it is now, even an edit not yet in force, and refuses a page with errors', async () => {
    h.reddit.editWikiPage(RULES_PAGE, '---\ntype: submission\ntitle (includes-word): ["art"]\naction: remove\n', 'mod_alice');
    let r = await h.menuAction(LABEL, { as: 'mod_alice' });
    expect(r.toasts[0]).toContain('1 of 3 recent posts');
    h.reddit.editWikiPage(RULES_PAGE, '---\ntype: submission\ntitle (nonsense): ["art"]\n', 'mod_alice');
    r = await h.menuAction(LABEL, { as: 'mod_alice' });
    expect(r.toasts[0]).toMatch(/has \d+ error\(s\); nothing tested\. First: 3:\d+:/);
  });

  it('keeps rule names from the wiki page inert in the modmail (no pings, links or markup)', async () => {
    const name = 'ping u/victim [click](https://evil.example) **now**';
    h.reddit.editWikiPage(RULES_PAGE, `---\nname: "${name}"\ntype: submission\ntitle (includes-word): ["art"]\naction: remove\n`, 'mod_alice');
    await h.menuAction(LABEL, { as: 'mod_alice' });
    const body = h.reddit.conversationsOf('modinbox')[0]?.messages[0]?.body ?? '';
    expect(body).toMatch(/- line 2 \(/);
    expect(body).not.toContain(name);
    expect(body).not.toContain('u/victim');
    expect(body).not.toContain('[click](');
    expect(body).not.toContain('**now**');
  });

  it('is refused for a non-moderator', async () => {
    const r = await h.menuAction(LABEL, { as: 'artist_ann' });
    expect(r.toasts[0]).toContain('only moderators');
    expect(h.calls.redditWrites()).toEqual([]);
    expect(h.calls.count('Listings.*')).toBe(0);
  });
});
