import { describe, expect, it } from 'vitest';
import { errors, matches } from './helpers.js';

describe('matching modifiers', () => {
  it('includes matches inside words', () => {
    expect(matches('title (includes): [cat]\naction: remove', { title: 'concatenate' })).toBe(true);
  });
  it('includes-word needs whole words', () => {
    expect(matches('url (includes-word): [imgur]\naction: remove', { url: 'https://myimgur.com' })).toBe(false);
    expect(matches('url (includes-word): [imgur]\naction: remove', { url: 'https://i.imgur.com' })).toBe(true);
  });
  it('starts-with and ends-with anchor one end', () => {
    expect(matches('title (starts-with): ["[Art]"]\naction: remove', { title: '[art] my piece' })).toBe(true);
    expect(matches('title (starts-with): ["[Art]"]\naction: remove', { title: 'my [Art] piece' })).toBe(false);
    expect(matches('title (ends-with): ["?"]\naction: remove', { title: 'why?' })).toBe(true);
    expect(matches('title (ends-with): ["?"]\naction: remove', { title: 'why? no' })).toBe(false);
  });
  it('full-exact compares the whole field', () => {
    expect(matches('title (full-exact): [hello]\naction: remove', { title: 'HELLO' })).toBe(true);
    expect(matches('title (full-exact): [hello]\naction: remove', { title: 'hello!' })).toBe(false);
  });
  it('full-text ignores punctuation and spacing at either end', () => {
    expect(matches('body (full-text): [thanks]\naction: remove', { type: 'comment', body: '  Thanks!!! ' })).toBe(true);
    expect(matches('body (full-text): [thanks]\naction: remove', { type: 'comment', body: 'thanks a lot' })).toBe(false);
  });
  it('regex treats values as (Python) regular expressions', () => {
    expect(matches("title (regex): ['\\d{3}-\\d{4}']\naction: remove", { title: 'call 555-1234' })).toBe(true);
    expect(matches("title: ['\\d{3}']\naction: remove", { title: 'call 555' })).toBe(false);
  });
  it('without regex, regex syntax is literal text', () => {
    expect(matches("title (includes): ['(amazing|great) catch']\naction: remove", { title: 'what a (amazing|great) catch' })).toBe(true);
    expect(matches("title (includes): ['(amazing|great) catch']\naction: remove", { title: 'amazing catch' })).toBe(false);
  });
  it('case-sensitive', () => {
    expect(matches('title (case-sensitive): [NSFW]\naction: remove', { title: 'nsfw' })).toBe(false);
    expect(matches('title (case-sensitive): [NSFW]\naction: remove', { title: 'NSFW pic' })).toBe(true);
  });
  it('several modifiers combine', () => {
    expect(matches("title (case-sensitive, regex, full-text): ['[A-Z ]+']\naction: remove", { title: 'ALL CAPS!' })).toBe(true);
    expect(matches("title (case-sensitive, regex, full-text): ['[A-Z ]+']\naction: remove", { title: 'Not caps' })).toBe(false);
  });
  it('rejects two search methods and unknown modifiers', () => {
    expect(errors('title (includes, full-exact): [x]\naction: remove')[0]).toMatch(/only one search method/);
    expect(errors('title (fuzzy): [x]\naction: remove')[0]).toMatch(/unknown modifier 'fuzzy'/);
  });
  it('accepts keys without a space before the parenthesis and with a space before the colon', () => {
    expect(matches('title(includes) : [cat]\naction: remove', { title: 'concat' })).toBe(true);
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
