import { describe, expect, it } from 'vitest';
import { decide, warnings } from './helpers.js';

describe('placeholders', () => {
  it('{{author}}, {{title}}, {{permalink}}, {{subreddit}}, {{kind}}, {{domain}}, {{url}}', () => {
    const d = decide('title: [x]\ncomment: "{{author}}|{{title}}|{{permalink}}|{{subreddit}}|{{kind}}|{{domain}}|{{url}}"', {
      title: 'x y', author: { name: 'bob' }, permalink: '/r/CC/comments/1/x/', url: 'https://imgur.com/a', subreddit: 'CC',
    });
    expect(d[0]?.actions.comment).toBe('bob|x y|/r/CC/comments/1/x/|CC|submission|`imgur.com`|`https://imgur.com/a`');
  });
  it('{{match}} is the whole matched value; {{match-2}} the first regex group', () => {
    const d = decide("title (regex): ['(\\d+) ?k followers']\naction_reason: 'claims {{match}} / {{match-1}} / {{match-2}}'\naction: report", { title: 'I have 20k followers' });
    expect(d[0]?.actions.action_reason).toBe('claims 20k followers / 20k followers / 20');
  });
  it('{{match-FIELD}} and {{match-FIELD-N}} name the check; joined names keep the +', () => {
    const d = decide("title: [sale]\nbody+url (regex, includes): ['code=(\\w+)']\naction: report\naction_reason: '{{match-title}} {{match-body+url-2}}'", {
      title: 'big sale', body: 'use code=ABC', url: 'https://x.com',
    });
    expect(d[0]?.actions.action_reason).toBe('sale ABC');
  });
  it('{{match}} comes from a check on the item, never from a sub-group', () => {
    const d = decide("author:\n  name: [bob]\ntitle: [hello]\naction: report\naction_reason: '{{match}}'", { title: 'hello', author: { name: 'bob' } });
    expect(d[0]?.actions.action_reason).toBe('hello');
  });
  it('placeholders that do not resolve are left as written, with a warning at parse time', () => {
    const d = decide("title: [x]\naction: report\naction_reason: '{{match-URL}} {{match#1}} {{nope}}'", { title: 'x' });
    expect(d[0]?.actions.action_reason).toBe('{{match-URL}} {{match#1}} {{nope}}');
    expect(warnings("title: [x]\naction: report\naction_reason: '{{nope}}'")[0]).toMatch(/unknown placeholder \{\{nope\}\}/);
  });
  it('user text in markdown actions cannot ping, link or inject markdown', () => {
    const d = decide('title: [hi]\ncomment: "Title: {{title}}"', { title: 'hi u/admin [click](https://evil.example) # heading' });
    const c = d[0]?.actions.comment ?? '';
    expect(c).not.toMatch(/u\/admin/);
    expect(c).not.toMatch(/\[click\]\(/);
    expect(c).not.toContain('https://');
  });
  it('the template author\'s own u/{{author}} link still works for a valid username', () => {
    const d = decide('title: [hi]\ncomment: "Hi u/{{author}}"', { title: 'hi', author: { name: 'real_user' } });
    expect(d[0]?.actions.comment).toBe('Hi u/real_user');
  });
  it('plain-text fields (mod log reason, flair) are not markdown-escaped but are one line', () => {
    const d = decide("type: submission\ntitle (regex): ['\\[(\\w+)\\]']\nset_flair: '{{match-2}}'\naction: approve\naction_reason: '{{title}}'", { title: '[Art]\nline two' });
    expect(d[0]?.actions.set_flair).toEqual({ text: 'Art' });
    expect(d[0]?.actions.action_reason).toBe('[Art] line two');
  });
});

describe('{{match}} is the leftmost match, in the text\'s own case', () => {
  it('for whole-word and includes values, whatever their order in the list', () => {
    expect(decide("title: [zebra, Apple]\naction: report\naction_reason: '{{match}}'", { title: 'an APPLE and a Zebra' })[0]?.actions.action_reason).toBe('APPLE');
    expect(decide("title (includes): [bra, APP]\naction: report\naction_reason: '{{match}}'", { title: 'pineapple zebra' })[0]?.actions.action_reason).toBe('app');
    expect(decide("title: [cat]\naction: report\naction_reason: '{{match}}'", { title: 'concat, then Cat.' })[0]?.actions.action_reason).toBe('Cat');
  });
});
