import { describe, expect, it } from 'vitest';
import { errors, matches, warnings } from './helpers.js';

describe('sub-groups', () => {
  it('author: name shorthand (string, list, and ~author)', () => {
    expect(matches('author: [alice, bob]\naction: approve', { author: { name: 'Bob' } })).toBe(true);
    expect(matches('author: alice\naction: approve', { author: { name: 'bob' } })).toBe(false);
    expect(matches('~author: [alice]\naction: approve', { author: { name: 'bob' } })).toBe(true);
  });
  it('author flair checks with modifiers', () => {
    expect(matches('author:\n  flair_text (includes): [Verified]\naction: approve', { author: { flair_text: 'Verified Artist' } })).toBe(true);
  });
  it('parent_submission applies to comments and checks the parent post', () => {
    const rule = 'type: comment\nparent_submission:\n  flair_text: [Announcement]\naction: remove';
    expect(matches(rule, { type: 'comment', body: 'x', parent_submission: { flair_text: 'Announcement' } })).toBe(true);
    expect(matches(rule, { type: 'comment', body: 'x', parent_submission: { flair_text: 'Other' } })).toBe(false);
    expect(matches(rule, { type: 'comment', body: 'x' })).toBe(false);
  });
  it('parent_submission on a submission rule is an error; on type any it narrows to comments', () => {
    expect(errors('type: submission\nparent_submission:\n  flair_text: [x]\naction: remove')[0]).toMatch(/parent_submission .*cannot be used on submissions/);
    const rule = 'parent_submission:\n  ~flair_text: [x]\naction: report';
    expect(matches(rule, { type: 'submission', title: 'x' })).toBe(false);
    expect(matches(rule, { type: 'comment', body: 'x', parent_submission: { flair_text: 'y' } })).toBe(true);
  });
  it('crosspost_subreddit / crosspost_author only apply to crossposts', () => {
    const rule = 'type: crosspost submission\ncrosspost_subreddit:\n  name: [FreeKarma]\naction: remove';
    expect(matches(rule, { crosspost_id: 't3_a', crosspost_subreddit: { name: 'FreeKarma' } })).toBe(true);
    expect(matches(rule, { crosspost_subreddit: { name: 'FreeKarma' } })).toBe(false);
    expect(matches('crosspost_author:\n  name: [x]\naction: report', { crosspost_id: 't3_b' })).toBe(false);
  });
  it('an empty sub-group is a warning, a nested sub-group an error', () => {
    expect(warnings('author:\ntitle: [x]\naction: remove')[0]).toMatch(/sub-group 'author' is empty/);
    expect(errors('author:\n  parent_submission:\n    title: [x]\naction: remove')[0]).toMatch(/cannot be nested/);
  });
  it('checks that do not exist on a group are errors', () => {
    expect(errors('author:\n  title: [x]\naction: remove')[0]).toMatch(/'title' cannot be used on user items inside 'author'/);
  });
});
