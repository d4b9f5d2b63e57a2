import { describe } from 'vitest';
import { itFires } from './helpers.js';

// AutoModerator documents a default search method per field when no modifier is given.
describe('default search method per field', () => {
  itFires([
    ['title and body default to includes-word: whole words, any case', 'title: [cat]', { title: 'My CAT is here' }, true],
    ['title and body default to includes-word: whole words, any case', 'title: [cat]', { title: 'cat' }, true],
    ['title and body default to includes-word: whole words, any case', 'title: [cat]', { title: 'a cat.' }, true],
    ['title and body default to includes-word: whole words, any case', 'title: [cat]', { title: 'concatenate' }, false],
    ['title and body default to includes-word: whole words, any case', 'title: [cat]', { title: 'cats' }, false],
    ['title and body default to includes-word: whole words, any case', 'body: [cat]', { body: 'the cat sat', url: 'x', is_self: true }, true],
    ['includes-word uses Unicode word characters, as Python re.UNICODE does', 'title: [n]', { title: 'não' }, false],
    ['includes-word uses Unicode word characters, as Python re.UNICODE does', 'title: [não]', { title: 'Eu não sei' }, true],
    ['includes-word uses Unicode word characters, as Python re.UNICODE does', 'title: [não]', { title: 'nãoo' }, false],
    ['domain matches the domain and any subdomain, not a longer name', 'domain: [youtube.com]', { domain: 'youtube.com', url: 'https://youtube.com/x' }, true],
    ['domain matches the domain and any subdomain, not a longer name', 'domain: [youtube.com]', { domain: 'm.youtube.com', url: 'https://m.youtube.com/x' }, true],
    ['domain matches the domain and any subdomain, not a longer name', 'domain: [youtube.com]', { domain: 'notyoutube.com', url: 'https://notyoutube.com/x' }, false],
    ['domain is derived from the url when the item does not give it', 'domain: [imgur.com]', { url: 'https://i.imgur.com/a.png' }, true],
    ['a text post has domain self.<subreddit>', 'domain: [self.CollectibleCreators]', { is_self: true, subreddit: 'CollectibleCreators' }, true],
    ['url defaults to includes (inside words too)', 'url: [utm_]', { url: 'https://x.com/?utm_source=1' }, true],
    ['id and flair fields default to full-exact', 'flair_text: [Art]', { flair_text: 'Art' }, true],
    ['id and flair fields default to full-exact', 'flair_text: [Art]', { flair_text: 'Art WIP' }, false],
    ['id and flair fields default to full-exact', 'id: [abc]', { id: 'abc' }, true],
    ['id and flair fields default to full-exact', 'id: [abc]', { id: 'abcd' }, false],
    ['a joined check (a+b) always defaults to includes-word', 'url+title: [imgur]', { title: 'x', url: 'https://i.imgur.com/a.png' }, true],
    ['a joined check (a+b) always defaults to includes-word', 'url+title: [imgur]', { title: 'x', url: 'https://myimgur.com/a.png' }, false],
    ['author name defaults to includes-word', 'author:\n  name: [spam]', { author: { name: 'spam-bot' } }, true],
    ['author name defaults to includes-word', 'author:\n  name: [spam]', { author: { name: 'spammer' } }, false],
  ]);
});
