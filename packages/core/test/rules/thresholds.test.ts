import { describe, expect, it } from 'vitest';
import { errors, matches } from './helpers.js';

const author = (a: Record<string, unknown>) => ({ author: { name: 'u', ...a } });

describe('karma and age thresholds (author:)', () => {
  it("account_age '< 7 days'", () => {
    const rule = "author:\n  account_age: '< 7 days'\naction: filter";
    expect(matches(rule, author({ account_age_days: 3 }))).toBe(true);
    expect(matches(rule, author({ account_age_days: 7 }))).toBe(false);
  });
  it('account_age with no unit means days; other units convert', () => {
    expect(matches("author:\n  account_age: '< 30'\naction: filter", author({ account_age_days: 29 }))).toBe(true);
    expect(matches("author:\n  account_age: '> 2 weeks'\naction: filter", author({ account_age_days: 15 }))).toBe(true);
    expect(matches("author:\n  account_age: '< 12 hours'\naction: filter", author({ account_age_days: 0.4 }))).toBe(true);
    expect(matches("author:\n  account_age: '>8 months'\naction: filter", author({ account_age_days: 200 }))).toBe(false);
    expect(matches("author:\n  account_age: '> 1 year'\naction: filter", author({ account_age_days: 400 }))).toBe(true);
  });
  it('account_age falls back to created_utc and the evaluation time', () => {
    const now = Date.UTC(2026, 0, 10);
    expect(matches("author:\n  account_age: '< 7 days'\naction: filter", author({ created_utc: Date.UTC(2026, 0, 8) / 1000 }), { now })).toBe(true);
  });
  it('karma thresholds, unquoted < and negative values', () => {
    expect(matches('author:\n  comment_karma: < 10\naction: filter', author({ comment_karma: -20 }))).toBe(true);
    expect(matches("author:\n  post_karma: '< -10'\naction: filter", author({ post_karma: 0 }))).toBe(false);
    expect(matches("author:\n  combined_karma: '> 100'\naction: approve", author({ comment_karma: 80, post_karma: 40 }))).toBe(true);
    expect(matches("author:\n  link_karma: '> 5'\naction: approve", author({ post_karma: 6 }))).toBe(true);
  });
  it('subreddit karma', () => {
    expect(matches("author:\n  combined_subreddit_karma: '< 0'\naction: filter", author({ comment_subreddit_karma: -3, post_subreddit_karma: 1 }))).toBe(true);
  });
  it('a bare number means equality', () => {
    expect(matches('author:\n  comment_karma: 5\naction: filter', author({ comment_karma: 5 }))).toBe(true);
    expect(matches('author:\n  comment_karma: 5\naction: filter', author({ comment_karma: 6 }))).toBe(false);
  });
  it('all thresholds must pass by default; satisfy_any_threshold: true needs one', () => {
    const all = "author:\n  account_age: '< 7 days'\n  comment_karma: '< 10'\naction: filter";
    const any = `${all.replace('author:\n', 'author:\n  satisfy_any_threshold: true\n')}`;
    const a = author({ account_age_days: 3, comment_karma: 50 });
    expect(matches(all, a)).toBe(false);
    expect(matches(any, a)).toBe(true);
    expect(matches(any, author({ account_age_days: 30, comment_karma: 50 }))).toBe(false);
  });
  it('satisfy_any_threshold does not relax the other checks', () => {
    const rule = "author:\n  satisfy_any_threshold: true\n  account_age: '< 7 days'\n  comment_karma: '< 10'\n  is_contributor: false\naction: filter";
    expect(matches(rule, author({ account_age_days: 3, comment_karma: 50, is_contributor: true }))).toBe(false);
  });
  it('an unknown value fails the threshold', () => {
    expect(matches("author:\n  comment_karma: '< 10'\naction: filter", author({}))).toBe(false);
  });
  it('rejects malformed thresholds with the reason', () => {
    expect(errors("author:\n  account_age: 'soon'\naction: filter")[0]).toMatch(/account_age: expected a comparison/);
    expect(errors("author:\n  account_age: '< 3 fortnights'\naction: filter")[0]).toMatch(/unknown unit 'fortnights'/);
    expect(errors("author:\n  comment_karma: '< 3 days'\naction: filter")[0]).toMatch(/only makes sense for an age/);
  });
});

describe('non-search checks', () => {
  it('reports: N means at least N reports', () => {
    expect(matches('reports: 3\naction: remove', { reports: 3 })).toBe(true);
    expect(matches('reports: 3\naction: remove', { reports: 2 })).toBe(false);
  });
  it('body_longer_than / body_shorter_than ignore punctuation and spacing at the ends', () => {
    const c = { type: 'comment' as const };
    expect(matches('body_shorter_than: 5\naction: remove', { ...c, body: '  hi!!!   ' })).toBe(true);
    expect(matches('body_longer_than: 5\naction: remove', { ...c, body: '...abc...' })).toBe(false);
    expect(matches('body_longer_than: 5\naction: remove', { ...c, body: 'abcdef' })).toBe(true);
  });
  it('booleans: is_edited, is_top_level, is_gallery', () => {
    expect(matches('is_edited: true\naction: report', { is_edited: true })).toBe(true);
    expect(matches('is_edited: false\naction: report', { is_edited: true })).toBe(false);
    expect(matches('is_top_level: true\naction: report', { type: 'comment', is_top_level: true })).toBe(true);
    expect(matches('type: submission\nis_gallery: true\naction: report', { is_gallery: true })).toBe(true);
  });
  it('author booleans: is_contributor, is_moderator, is_gold', () => {
    expect(matches('author:\n  is_contributor: false\naction: report', author({ is_contributor: false }))).toBe(true);
    expect(matches('author:\n  is_gold: true\naction: approve', author({ is_gold: true }))).toBe(true);
  });
  it('discussion_type: chat / null', () => {
    expect(matches('type: submission\ndiscussion_type: chat\naction: report', { discussion_type: 'chat' })).toBe(true);
    expect(matches('type: submission\ndiscussion_type: null\naction: report', {})).toBe(true);
    expect(matches('type: submission\n~discussion_type: chat\naction: report', { discussion_type: 'chat' })).toBe(false);
  });
  it('contributor_quality compares levels', () => {
    expect(matches("author:\n  contributor_quality: '< moderate'\naction: filter", author({ contributor_quality: 'low' }))).toBe(true);
    expect(matches("author:\n  contributor_quality: '< moderate'\naction: filter", author({ contributor_quality: 'high' }))).toBe(false);
  });
  it('booleans need true/false and non-search checks take no modifiers', () => {
    expect(errors('is_edited: maybe\naction: report')[0]).toMatch(/is_edited: expected true or false/);
    expect(errors('~reports: 3\naction: report')[0]).toMatch(/not a search check/);
  });
});
