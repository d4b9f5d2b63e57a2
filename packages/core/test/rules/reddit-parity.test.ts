/**
 * Behaviour decided by reading Reddit's AutoModerator engine (`r2/r2/lib/automoderator.py`), one
 * block per difference found; see the rules README for the reference and the deviations left.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, explain, planEffects, type Item } from '../../src/index.js';
import { compile, decide, fired } from './helpers.js';

describe('after a removal rule acts, no other rule runs on the item', () => {
  const rules = 'title: [x]\naction: remove\n---\ntitle: [x]\ncomment: hello\n---\ntitle: [x]\nset_flair: Flagged\n---\ntitle: [x]\naction: report';
  it('a later comment, set_flair or report does not apply to the removed item', () => {
    expect(fired(rules, { title: 'x' })).toEqual([1]);
  });
  it('explain says why the later rules did not run', () => {
    const e = explain(compile(rules), { id: 'p', type: 'submission', title: 'x' } as Item);
    expect(e.map((r) => r.fired)).toEqual([true, false, false, false]);
    for (const r of e.slice(1)) expect(r.notRun).toBe('an earlier removal rule (line 1) already removed the item; no rule runs on a removed item');
  });
  it('the rules still all run when the removal rule does not fire', () => {
    expect(fired(rules, { title: 'x', author: { name: 'm', is_moderator: true } })).toEqual([4, 7]);
  });
});

describe('`id` is the base-36 id, as real configs write it', () => {
  it('matches an item given by fullname or by base-36 id', () => {
    for (const id of ['t3_abc12', 'abc12']) expect(fired('id: [abc12]\naction: remove', { id })).toEqual([1]);
    expect(fired('type: comment\nid: [c0ffee]\naction: remove', { id: 't1_c0ffee', type: 'comment', body: 'x' })).toEqual([1]);
    expect(fired('author:\n  id: [k9x]\naction: remove', { id: 't3_p', author: { name: 'u', id: 't2_k9x' } })).toEqual([1]);
  });
  it('the fullname itself no longer matches, nor does a different id', () => {
    expect(fired('id: [t3_abc12]\naction: remove', { id: 't3_abc12' })).toEqual([]);
    expect(fired('id: [abc12]\naction: remove', { id: 't3_abc123' })).toEqual([]);
  });
});

describe('karma floors, as AutoModerator compares karma', () => {
  it('comment karma is never below -100', () => {
    expect(fired("author:\n  comment_karma: '< -100'\naction: remove", { author: { name: 'u', comment_karma: -500 } })).toEqual([]);
    expect(fired("author:\n  comment_karma: '< -99'\naction: remove", { author: { name: 'u', comment_karma: -500 } })).toEqual([1]);
  });
  it('post karma is never below 0', () => {
    expect(fired("author:\n  post_karma: '< 0'\naction: remove", { author: { name: 'u', post_karma: -20 } })).toEqual([]);
    expect(fired("author:\n  post_karma: '< 1'\naction: remove", { author: { name: 'u', post_karma: -20 } })).toEqual([1]);
  });
  it('combined karma adds the floored parts, so it is never below -100', () => {
    const author = { name: 'u', comment_karma: -500, post_karma: -20, combined_karma: -520 };
    expect(fired("author:\n  combined_karma: '< -100'\naction: remove", { author })).toEqual([]);
    expect(fired("author:\n  combined_karma: '< -99'\naction: remove", { author })).toEqual([1]);
  });
});

describe('placeholders', () => {
  const comment = (extra: Partial<Item> = {}): Partial<Item> => ({
    id: 't1_c', type: 'comment', body: 'spam here', author: { name: 'bob' },
    parent_submission: { title: 'The post title', url: 'https://youtu.be/v', media_title: 'A video', media_author: 'Chan' }, ...extra,
  });
  it('are rendered in every action text of every sub-group', () => {
    const d = decide("type: comment\nbody: [spam]\nparent_submission:\n  action: report\n  action_reason: 'reply by {{author}} matched {{match}}'\n  set_flair: ['{{match}}', 'c-{{author}}']\n  overwrite_flair: true", comment());
    expect(d[0]?.actions.parent_submission).toMatchObject({ action_reason: 'reply by bob matched spam', set_flair: { text: 'spam', css_class: 'c-bob' } });
    const u = decide("title: [x]\nauthor:\n  set_flair: 'was {{author_flair_text}}'\n  overwrite_flair: true", { title: 'x', author: { name: 'a', flair_text: 'Old' } });
    expect(u[0]?.actions.author?.set_flair).toEqual({ text: 'was Old' });
  });
  it('about the submission take the parent submission\'s values on a comment', () => {
    const d = decide("type: comment\nbody: [spam]\naction: report\naction_reason: '{{title}} / {{media_title}} by {{media_author}} / {{kind}}'", comment());
    expect(d[0]?.actions.action_reason).toBe('The post title / A video by Chan / comment');
  });
  it('{{domain}} is `self` on a text post; on a comment {{url}}/{{domain}} are the parent\'s', () => {
    expect(decide("title: [x]\naction: report\naction_reason: '{{domain}}'", { title: 'x', is_self: true, subreddit: 'CC' })[0]?.actions.action_reason).toBe('self');
    expect(decide("title: [x]\naction: report\naction_reason: '{{domain}}'", { title: 'x', url: 'https://www.imgur.com/a' })[0]?.actions.action_reason).toBe('imgur.com');
    expect(decide("type: comment\nbody: [spam]\naction: report\naction_reason: '{{url}} {{domain}}'", comment())[0]?.actions.action_reason).toBe('https://youtu.be/v youtu.be');
  });
  it('{{url}} and {{domain}} in a comment are inert inline code with no invisible characters', () => {
    const d = decide('title: [x]\ncomment: "Link: {{url}} on {{domain}}"', { title: 'x', url: 'https://evil.example/a_b' });
    const c = d[0]?.actions.comment ?? '';
    expect(c).toBe('Link: `https://evil.example/a_b` on `evil.example`');
    expect(c).not.toMatch(/[\u2060\u200b]/);
    const tick = decide('title: [x]\ncomment: "{{url}}"', { title: 'x', url: 'https://a.example/`x`' })[0]?.actions.comment;
    expect(tick).toBe('`` https://a.example/`x` ``');
  });
});

describe('rules that need media data apply only to items with media', () => {
  const rule = '~media_author: [GoodChannel]\naction: remove';
  it('a media-only search does not act on a post without media, negated or not', () => {
    expect(fired(rule, { title: 'x', url: 'https://example.com/a' })).toEqual([]);
    expect(fired('media_title: [trailer]\naction: remove', { title: 'trailer', url: 'https://example.com/a' })).toEqual([]);
    expect(fired(rule, { title: 'x', url: 'https://youtu.be/a', media_author: 'OtherChannel' })).toEqual([1]);
    expect(fired(rule, { title: 'x', url: 'https://youtu.be/a', media_author: 'GoodChannel' })).toEqual([]);
  });
  it('a search that mixes media and other fields does not need media', () => {
    expect(fired('title+media_title: [trailer]\naction: remove', { title: 'trailer', url: 'https://example.com/a' })).toEqual([1]);
  });
  it('a comment\'s media is its submission\'s; explain says why the rule did not run', () => {
    const c = { id: 't1_c', type: 'comment', body: 'nice', parent_submission: { media_author: 'OtherChannel' } };
    expect(fired("type: comment\nbody: [nice]\naction: report\naction_reason: '{{media_author}}'", c)).toEqual([1]);
    const e = explain(compile(rule), { id: 't3_p', type: 'submission', title: 'x', url: 'https://example.com/a' } as Item);
    expect(e[0]?.notRun).toBe('rule needs media data (a media_* search or a {{media_…}} placeholder) and this item has none');
  });
});

describe('a rule that checks a crosspost field applies to crossposts only', () => {
  it('a negated crosspost_title check does not fire on a text post or a comment', () => {
    expect(fired('~crosspost_title: [foo]\naction: remove', { title: 'x', is_self: true })).toEqual([]);
    expect(fired('type: any\n~crosspost_id: [abc]\nbody: [x]\naction: remove', { type: 'comment', body: 'x' })).toEqual([]);
    expect(fired('~crosspost_title: [foo]\naction: remove', { title: 'x', crosspost_id: 'orig1', crosspost_title: 'bar' })).toEqual([1]);
  });
  it('set_flair and overwrite_flair are allowed inside crosspost_author and planned as the original author\'s flair', () => {
    const d = decide("crosspost_author:\n  name: [artist]\n  set_flair: 'Original artist'\n  overwrite_flair: true", { title: 'x', crosspost_id: 'o', crosspost_author: { name: 'artist' } });
    expect(d[0]?.actions.crosspost_author).toEqual({ set_flair: { text: 'Original artist' }, overwrite_flair: true });
    expect(planEffects(d, { kind: 'submission', appName: 'creator-desk' }).effects.map((e) => e.kind)).toEqual(['crosspost-author-flair']);
  });
});

describe('`author:` and `~author:` in one rule are merged', () => {
  const rule = "author:\n  account_age: '< 7 days'\n~author: [TrustedBot]\naction: remove";
  it('a user the rule excludes is not removed, and the other checks still apply', () => {
    expect(fired(rule, { title: 'x', author: { name: 'TrustedBot', account_age_days: 1 } })).toEqual([]);
    expect(fired(rule, { title: 'x', author: { name: 'newbie', account_age_days: 1 } })).toEqual([1]);
    expect(fired(rule, { title: 'x', author: { name: 'old', account_age_days: 100 } })).toEqual([]);
    const flipped = "~author: [TrustedBot]\nauthor:\n  account_age: '< 7 days'\naction: remove";
    expect(fired(flipped, { title: 'x', author: { name: 'TrustedBot', account_age_days: 1 } })).toEqual([]);
    expect(fired(flipped, { title: 'x', author: { name: 'old', account_age_days: 100 } })).toEqual([]);
  });
});

describe('body length on link posts', () => {
  const link = { title: 'x', url: 'https://example.com/a' };
  it('a link post without a body skips the check (the rule passes), as AutoModerator does', () => {
    expect(fired('type: link submission\nbody_longer_than: 10\naction: report', link)).toEqual([1]);
    expect(fired('type: link submission\nbody_shorter_than: 10\naction: report', link)).toEqual([1]);
  });
  it('a link post that has a body, and a text post, are checked', () => {
    expect(fired('type: link submission\nbody_longer_than: 10\naction: report', { ...link, body: 'short' })).toEqual([]);
    expect(fired('body_longer_than: 10\naction: report', { title: 'x', is_self: true })).toEqual([]);
    expect(fired('body_shorter_than: 10\naction: report', { title: 'x', is_self: true })).toEqual([1]);
  });
});

describe('two checks with one name', () => {
  it('the later check in the rule supplies {{match-NAME}} and {{match-NAME-N}}; {{match}} stays the first', () => {
    const d = decide("title: [sale]\ntitle (regex): ['(\\d+)% off']\naction: report\naction_reason: '{{match}} | {{match-title}} | {{match-title-2}}'", { title: 'sale: 50% off' });
    expect(d[0]?.actions.action_reason).toBe('sale | 50% off | 50');
  });
});

describe('set_flair without overwrite_flair does not replace existing flair', () => {
  it('post flair: kept unless overwrite_flair is true; the decision says why it was left out', () => {
    const d = decide('title: [x]\nset_flair: New\ncomment: hi', { title: 'x', flair_text: 'Old' });
    expect(d[0]?.actions.set_flair).toBeUndefined();
    expect(d[0]?.actions.comment).toBe('hi');
    expect(d[0]?.skipped).toEqual([{ action: 'set_flair', reason: 'the post already has flair and overwrite_flair is not true' }]);
    expect(decide('title: [x]\nset_flair: New\noverwrite_flair: true', { title: 'x', flair_text: 'Old' })[0]?.actions.set_flair).toEqual({ text: 'New' });
    expect(decide('title: [x]\nset_flair: New', { title: 'x' })[0]?.actions.set_flair).toEqual({ text: 'New' });
    expect(decide('title: [x]\nset_flair: New', { title: 'x', flair_css_class: 'old' })[0]?.actions.set_flair).toBeUndefined();
  });
  it('user flair: the same under author:', () => {
    const d = decide('title: [x]\nauthor:\n  set_flair: Newcomer', { title: 'x', author: { name: 'u', flair_text: 'Veteran' } });
    expect(d[0]?.actions.author).toBeUndefined();
    expect(d[0]?.skipped).toEqual([{ action: 'author.set_flair', reason: 'the author already has flair and overwrite_flair is not true' }]);
    expect(decide('title: [x]\nauthor:\n  set_flair: Newcomer', { title: 'x', author: { name: 'u' } })[0]?.actions.author).toEqual({ set_flair: { text: 'Newcomer' } });
  });
  it('a flair set by an earlier rule counts as existing flair for a later one', () => {
    const d = decide('title: [x]\nset_flair: First\n---\ntitle: [x]\nset_flair: Second', { title: 'x' });
    expect(d.map((x) => x.actions.set_flair)).toEqual([{ text: 'First' }, undefined]);
  });
});

describe('effects earlier in one evaluation change what later rules see', () => {
  it('AutoModerator\'s own report counts toward a later reports: check', () => {
    const rules = 'title: [x]\naction: report\npriority: 5\n---\ntitle: [x]\nreports: 1\nmodmail: reported twice?';
    expect(fired(rules, { title: 'x' })).toEqual([1, 5]);
    expect(fired(rules.replace('priority: 5', 'priority: -5'), { title: 'x' })).toEqual([1]);
  });
  it('an approve of a reported item clears its reports, so a later reports: check fails', () => {
    const rules = 'reports: 1\ntitle: [ok]\naction: approve\npriority: 5\n---\nreports: 1\nmodmail: still reported';
    expect(fired(rules, { title: 'ok', reports: 2 })).toEqual([1]);
    expect(fired(rules, { title: 'other', reports: 2 })).toEqual([6]);
  });
  it('a filter of the parent post clears its reports for later rules', () => {
    const rules = 'type: comment\nbody: [x]\nparent_submission:\n  action: filter\npriority: 2\n---\ntype: comment\nparent_submission:\n  reports: 1\ncomment: parent reported';
    const c = { id: 't1_c', type: 'comment', body: 'x', parent_submission: { reports: 1 } };
    expect(fired(rules, c)).toEqual([1]);
    expect(fired(rules, { ...c, body: 'y' })).toEqual([7]);
  });
  it('a flair set by an earlier rule is what {{author_flair_text}} and flair checks show later', () => {
    const rules = "title: [x]\nauthor:\n  set_flair: Rookie\npriority: 1\n---\ntitle: [x]\ncomment: 'flair {{author_flair_text}}'\n---\nauthor:\n  flair_text: [Rookie]\naction: report";
    const d = decide(rules, { title: 'x', author: { name: 'u' } });
    expect(d.map((x) => x.line)).toEqual([1, 6, 9]);
    expect(d[1]?.actions.comment).toBe('flair Rookie');
  });
  it('a post flair set by an earlier rule is what a later flair_text check sees', () => {
    const rules = 'title: [x]\nset_flair: Flagged\n---\nflair_text: [Flagged]\naction: report\n---\n~flair_text: [Flagged]\ntitle: [x]\ncomment: unflagged';
    expect(fired(rules, { title: 'x' })).toEqual([1, 4]);
  });
  it('explain follows the same changes', () => {
    const rules = 'title: [x]\naction: report\n---\ntitle: [x]\nreports: 1\nmodmail: m';
    expect(explain(compile(rules), { id: 'p', type: 'submission', title: 'x' } as Item).map((e) => e.fired)).toEqual([true, true]);
  });
  it('the caller\'s item is not changed', () => {
    const item = { id: 'p', type: 'submission', title: 'x', author: { name: 'u' } } as Item;
    decide('title: [x]\naction: report\nauthor:\n  set_flair: A', item);
    expect(item).toEqual({ id: 'p', type: 'submission', title: 'x', author: { name: 'u' } });
  });
});

describe('a message or modmail without a subject gets the default subject, naming the app', () => {
  it('in the decision, from facts.appName (creator-desk by default)', () => {
    const d = decide('title: [x]\nmessage: hi\nmodmail: look', { title: 'x' });
    expect(d[0]?.actions).toMatchObject({ message_subject: 'creator-desk notification', modmail_subject: 'creator-desk notification' });
    expect(decide('title: [x]\nmessage: hi', { title: 'x' }, { appName: 'my-app' })[0]?.actions.message_subject).toBe('my-app notification');
    expect(decide("title: [x]\nmessage: hi\nmessage_subject: 'About {{title}}'", { title: 'x' })[0]?.actions.message_subject).toBe('About x');
    expect(decide('title: [x]\ncomment: hi', { title: 'x' })[0]?.actions.message_subject).toBeUndefined();
  });
});

describe('documented deviations (see the rules README)', () => {
  it('includes-word: the neighbouring non-word character is not part of {{match}} (Reddit\'s wrapper consumes it)', () => {
    const d = decide("title (regex): ['\\(?\\d+\\).*']\naction: report\naction_reason: '{{match}}'", { title: 'xx(791) tail' });
    expect(d[0]?.actions.action_reason).toBe('(791) tail');
  });
  it('a URL with user info: the domain is the host the link opens, not Reddit\'s `user@host`', () => {
    expect(fired('domain: [example.com]\naction: report', { title: 't', url: 'https://user@example.com/x' })).toEqual([1]);
    expect(decide("title: [t]\naction: report\naction_reason: '{{domain}}'", { title: 't', url: 'https://user@example.com/x' })[0]?.actions.action_reason).toBe('example.com');
  });
});

describe('smaller differences found in the reference', () => {
  it('is_submitter is true for the author of a submission unless the item says otherwise', () => {
    expect(fired('type: submission\nauthor:\n  is_submitter: true\naction: report', { title: 'x', author: { name: 'u' } })).toEqual([1]);
    expect(fired('type: comment\nauthor:\n  is_submitter: true\naction: report', { type: 'comment', body: 'x', author: { name: 'u' } })).toEqual([]);
  });
  it('ignore_blockquotes also drops empty lines, so they do not count toward the body length', () => {
    const body = 'a\n\n> quoted text\n\nb';
    expect(fired('body_longer_than: 3\nignore_blockquotes: true\naction: report', { type: 'comment', body })).toEqual([]);
    expect(fired('body_longer_than: 3\nignore_blockquotes: true\naction: report', { type: 'comment', body: 'a\n\nbc' })).toEqual([1]);
  });
});

describe('a removal rule on a moderator-approved item does not end the evaluation', () => {
  const rules = 'title: [x]\naction: remove\n---\ntitle: [x]\naction: filter\n---\ntitle: [x]\ncomment: hello';
  const item = { id: 't3_p', type: 'submission', title: 'x', moderation: { is_removed: false, is_approved: true, approved_by: 'mod_alice' } } as Item;
  it('the other rules run; only one removal rule is reported', () => {
    expect(evaluate(compile(rules), item, { appName: 'creator-desk' }).map((d) => d.line)).toEqual([1, 7]);
    const e = explain(compile(rules), item, { appName: 'creator-desk' });
    expect(e.map((r) => [r.line, r.fired, r.vetoed])).toEqual([[1, true, 'approved by u/mod_alice'], [4, false, undefined], [7, true, undefined]]);
    expect(e[1]?.notRun).toBe('an earlier removal rule (line 1) matched; only one removal rule applies');
  });
  it('an approval by the app itself is no moderator\'s: the removal ends the evaluation', () => {
    const own = { ...item, moderation: { is_removed: false, is_approved: true, approved_by: 'creator-desk' } } as Item;
    expect(evaluate(compile(rules), own, { appName: 'creator-desk' }).map((d) => d.line)).toEqual([1]);
  });
});
