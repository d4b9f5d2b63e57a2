/**
 * Behaviour decided by reading Reddit's AutoModerator engine (`r2/r2/lib/automoderator.py`), one
 * block per difference found; see the rules README for the reference and the deviations left.
 */
import { describe, expect, it } from 'vitest';
import { explain, type Item } from '../../src/index.js';
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
  it('post karma is never below 1 (Reddit\'s link_karma_display_floor)', () => {
    expect(fired("author:\n  post_karma: '< 1'\naction: remove", { author: { name: 'u', post_karma: -20 } })).toEqual([]);
    expect(fired("author:\n  post_karma: '< 2'\naction: remove", { author: { name: 'u', post_karma: -20 } })).toEqual([1]);
  });
  it('combined karma adds the floored parts', () => {
    const author = { name: 'u', comment_karma: -500, post_karma: -20, combined_karma: -520 };
    expect(fired("author:\n  combined_karma: '< -99'\naction: remove", { author })).toEqual([]);
    expect(fired("author:\n  combined_karma: '< -98'\naction: remove", { author })).toEqual([1]);
  });
});
