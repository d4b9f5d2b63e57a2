import { describe, expect, it } from 'vitest';
import { errors, itFires, matches, type FiresCase } from './helpers.js';

const MODIFIER_CASES: FiresCase[] = [
  ['includes matches inside words', 'title (includes): [cat]', { title: 'concatenate' }, true],
  ['includes-word needs whole words', 'url (includes-word): [imgur]', { url: 'https://myimgur.com' }, false],
  ['includes-word needs whole words', 'url (includes-word): [imgur]', { url: 'https://i.imgur.com' }, true],
  ['starts-with anchors the start', 'title (starts-with): ["[Art]"]', { title: '[art] my piece' }, true],
  ['starts-with anchors the start', 'title (starts-with): ["[Art]"]', { title: 'my [Art] piece' }, false],
  ['ends-with anchors the end', 'title (ends-with): ["?"]', { title: 'why?' }, true],
  ['ends-with anchors the end', 'title (ends-with): ["?"]', { title: 'why? no' }, false],
  ['full-exact compares the whole field', 'title (full-exact): [hello]', { title: 'HELLO' }, true],
  ['full-exact compares the whole field', 'title (full-exact): [hello]', { title: 'hello!' }, false],
  ['full-text ignores punctuation and spacing at either end', 'body (full-text): [thanks]', { type: 'comment', body: '  Thanks!!! ' }, true],
  ['full-text ignores punctuation and spacing at either end', 'body (full-text): [thanks]', { type: 'comment', body: 'thanks a lot' }, false],
  ['regex treats values as (Python) regular expressions', "title (regex): ['\\d{3}-\\d{4}']", { title: 'call 555-1234' }, true],
  ['without regex, \\d is literal text', "title: ['\\d{3}']", { title: 'call 555' }, false],
  ['without regex, regex syntax is literal text', "title (includes): ['(amazing|great) catch']", { title: 'what a (amazing|great) catch' }, true],
  ['without regex, regex syntax is literal text', "title (includes): ['(amazing|great) catch']", { title: 'amazing catch' }, false],
  ['case-sensitive', 'title (case-sensitive): [NSFW]', { title: 'nsfw' }, false],
  ['case-sensitive', 'title (case-sensitive): [NSFW]', { title: 'NSFW pic' }, true],
  ['several modifiers combine', "title (case-sensitive, regex, full-text): ['[A-Z ]+']", { title: 'ALL CAPS!' }, true],
  ['several modifiers combine', "title (case-sensitive, regex, full-text): ['[A-Z ]+']", { title: 'Not caps' }, false],
  ['no space needed before the parenthesis, a space allowed before the colon', 'title(includes) : [cat]', { title: 'concat' }, true],
];

describe('matching modifiers', () => {
  itFires(MODIFIER_CASES);
  it('rejects two search methods and unknown modifiers', () => {
    expect(errors('title (includes, full-exact): [x]\naction: remove')[0]).toMatch(/only one search method/);
    expect(errors('title (fuzzy): [x]\naction: remove')[0]).toMatch(/unknown modifier 'fuzzy'/);
  });
});

describe('negation, joins, lists, #ids', () => {
  it('~ passes only when none of the values are found', () => {
    const rule = '~title: [meta, art]\naction: remove';
    expect(matches(rule, { title: 'hello' })).toBe(true);
    expect(matches(rule, { title: 'my art' })).toBe(false);
  });
  it('a+b passes when any field contains any value', () => {
    const rule = 'title+body: [discord]\naction: remove';
    expect(matches(rule, { title: 'x', body: 'join my discord', is_self: true })).toBe(true);
    expect(matches(rule, { title: 'discord', body: '', is_self: true })).toBe(true);
    expect(matches(rule, { title: 'x', body: 'y', is_self: true })).toBe(false);
  });
  it('~a+b passes only when no field contains any value', () => {
    const rule = '~title+body: [art]\naction: remove';
    expect(matches(rule, { title: 'x', body: 'my art', is_self: true })).toBe(false);
    expect(matches(rule, { title: 'x', body: 'y', is_self: true })).toBe(true);
  });
  it('a list is OR, separate checks are AND', () => {
    const rule = 'title: [a1, b2]\nbody: [c3]\naction: remove';
    expect(matches(rule, { title: 'b2', body: 'c3', is_self: true })).toBe(true);
    expect(matches(rule, { title: 'b2', body: 'd4', is_self: true })).toBe(false);
  });
  it('field#id gives several checks on one field, ANDed', () => {
    const rule = 'title#1: [sale]\n~title#2: [official]\naction: remove';
    expect(matches(rule, { title: 'big sale' })).toBe(true);
    expect(matches(rule, { title: 'official sale' })).toBe(false);
  });
  it('numbers in a value list are searched as text', () => {
    expect(matches('title: [2024]\naction: remove', { title: 'best of 2024' })).toBe(true);
  });
  it('on type: comment, title+body searches only the body', () => {
    expect(matches('type: comment\ntitle+body: [spam]\naction: remove', { type: 'comment', body: 'spam here' })).toBe(true);
  });
});
