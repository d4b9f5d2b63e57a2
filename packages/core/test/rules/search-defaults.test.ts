import { describe, expect, it } from 'vitest';
import { matches } from './helpers.js';

// AutoModerator documents a default search method per field when no modifier is given.
describe('default search method per field', () => {
  it('title and body default to includes-word: whole words only, case-insensitive', () => {
    const rule = 'title: [cat]\naction: remove';
    expect(matches(rule, { title: 'My CAT is here' })).toBe(true);
    expect(matches(rule, { title: 'cat' })).toBe(true);
    expect(matches(rule, { title: 'a cat.' })).toBe(true);
    expect(matches(rule, { title: 'concatenate' })).toBe(false);
    expect(matches(rule, { title: 'cats' })).toBe(false);
    expect(matches('body: [cat]\naction: remove', { body: 'the cat sat', url: 'x', is_self: true })).toBe(true);
  });

  it('includes-word uses Unicode word characters, as Python re.UNICODE does', () => {
    const rule = 'title: [n]\naction: remove';
    expect(matches(rule, { title: 'não' })).toBe(false);
    expect(matches('title: [não]\naction: remove', { title: 'Eu não sei' })).toBe(true);
    expect(matches('title: [não]\naction: remove', { title: 'nãoo' })).toBe(false);
  });

  it('domain matches the domain and any subdomain, not a longer name', () => {
    const rule = 'domain: [youtube.com]\naction: remove';
    expect(matches(rule, { domain: 'youtube.com', url: 'https://youtube.com/x' })).toBe(true);
    expect(matches(rule, { domain: 'm.youtube.com', url: 'https://m.youtube.com/x' })).toBe(true);
    expect(matches(rule, { domain: 'notyoutube.com', url: 'https://notyoutube.com/x' })).toBe(false);
  });

  it('domain is derived from the url when the item does not give it', () => {
    expect(matches('domain: [imgur.com]\naction: remove', { url: 'https://i.imgur.com/a.png' })).toBe(true);
  });

  it('a text post has domain self.<subreddit>', () => {
    expect(matches('domain: [self.CollectibleCreators]\naction: remove', { is_self: true, subreddit: 'CollectibleCreators' })).toBe(true);
  });

  it('url defaults to includes (inside words too)', () => {
    expect(matches('url: [utm_]\naction: remove', { url: 'https://x.com/?utm_source=1' })).toBe(true);
  });

  it('id and flair fields default to full-exact', () => {
    expect(matches('flair_text: [Art]\naction: remove', { flair_text: 'Art' })).toBe(true);
    expect(matches('flair_text: [Art]\naction: remove', { flair_text: 'Art WIP' })).toBe(false);
    expect(matches('id: [abc]\naction: remove', { id: 'abc' })).toBe(true);
    expect(matches('id: [abc]\naction: remove', { id: 'abcd' })).toBe(false);
  });

  it('a joined check (a+b) always defaults to includes-word', () => {
    const rule = 'url+title: [imgur]\naction: remove';
    expect(matches(rule, { title: 'x', url: 'https://i.imgur.com/a.png' })).toBe(true);
    expect(matches(rule, { title: 'x', url: 'https://myimgur.com/a.png' })).toBe(false);
  });

  it('author name defaults to includes-word', () => {
    expect(matches('author:\n  name: [spam]\naction: remove', { author: { name: 'spam-bot' } })).toBe(true);
    expect(matches('author:\n  name: [spam]\naction: remove', { author: { name: 'spammer' } })).toBe(false);
  });
});
