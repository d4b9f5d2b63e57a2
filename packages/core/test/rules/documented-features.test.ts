import { describe, expect, it } from 'vitest';
import { parseRules } from '../../src/index.js';
import { decide, fired, matches } from './helpers.js';

// Features no corpus file uses, tested from AutoModerator's documentation.
describe('documented features the corpus does not use', () => {
  it('set_nsfw and set_contest_mode are submission actions', () => {
    expect(decide('type: submission\ntitle: [nsfw]\nset_nsfw: true\nset_contest_mode: true', { title: 'nsfw art' })[0]?.actions).toEqual({ set_nsfw: true, set_contest_mode: true });
  });
  it('set_post_crowd_control_level takes OFF, LENIENT, MEDIUM, STRICT', () => {
    expect(parseRules('type: submission\ntitle: [x]\nset_post_crowd_control_level: strict').rules[0]?.actions.set_post_crowd_control_level).toBe('STRICT');
    expect(parseRules('type: submission\ntitle: [x]\nset_post_crowd_control_level: max').diagnostics[0]?.message).toMatch(/OFF, LENIENT, MEDIUM or STRICT/);
  });
  it('has_verified_email and is_original_content', () => {
    expect(matches('author:\n  has_verified_email: false\naction: filter', { author: { has_verified_email: false } })).toBe(true);
    expect(matches('type: submission\nis_original_content: true\naction: approve', { is_original_content: true })).toBe(true);
  });
  it('polls: type poll submission, poll_option_text, poll_option_count', () => {
    const item = { submission_type: 'poll' as const, is_poll: true, title: 'vote', poll_option_text: ['Red', 'Blue team'], poll_option_count: 2 };
    expect(matches('type: poll submission\npoll_option_text: [blue]\naction: report', item)).toBe(true);
    expect(matches('type: poll submission\npoll_option_count: [2]\naction: report', item)).toBe(true);
    expect(matches('type: poll submission\ntitle: [vote]\naction: report', { title: 'vote' })).toBe(false);
  });
  it('{{media_*}} placeholders restrict a rule to items with media data', () => {
    const rule = "type: submission\ntitle: [video]\ncomment: 'by {{media_author}}'";
    expect(fired(rule, { title: 'video', media_author: 'Channel' })).toEqual([1]);
    expect(decide(rule, { title: 'video', media_author: 'Channel' })[0]?.actions.comment).toBe('by Channel');
    expect(fired(rule, { title: 'video' })).toEqual([]);
  });
  it('ignore_blockquotes leaves quoted lines out of body searches and length checks', () => {
    const item = { type: 'comment' as const, body: '> you are an idiot\n\nI disagree' };
    expect(matches('body: [idiot]\naction: report', item)).toBe(true);
    expect(matches('body: [idiot]\nignore_blockquotes: true\naction: report', item)).toBe(false);
    expect(matches('body_shorter_than: 12\nignore_blockquotes: true\naction: report', item)).toBe(true);
  });
  it('subjects are cut to 100 characters', () => {
    const d = decide('title: [x]\nmodmail: m\nmodmail_subject: "{{title}}"', { title: `x ${'y'.repeat(200)}` });
    expect(d[0]?.actions.modmail_subject).toHaveLength(100);
  });
});
