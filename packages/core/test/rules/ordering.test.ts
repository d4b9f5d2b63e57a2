import { describe, expect, it } from 'vitest';
import { decide, fired } from './helpers.js';

describe('evaluation order and precedence', () => {
  it('removal rules run before the others, whatever their place in the file (and then no other rule runs)', () => {
    const rules = 'title: [x]\naction: report\n---\ntitle: [x]\naction: remove';
    expect(fired(rules, { title: 'x' })).toEqual([4]);
    expect(fired(rules.replace('remove', 'remove\npriority: -5'), { title: 'x' })).toEqual([4]);
  });
  it('priority orders rules within each group, higher first; ties keep file order', () => {
    const rules = 'title: [x]\naction: report\n---\ntitle: [x]\ncomment: a\npriority: 5\n---\ntitle: [x]\ncomment: b\npriority: -1\n---\ntitle: [x]\ncomment: c';
    expect(fired(rules, { title: 'x' })).toEqual([4, 1, 12, 8]);
  });
  it('at most one removal action applies: the first removal rule that fires wins', () => {
    const rules = 'title: [x]\naction: spam\n---\ntitle: [x]\naction: remove\npriority: 2\n---\ntitle: [x]\naction: filter';
    const d = decide(rules, { title: 'x' });
    expect(d.map((x) => x.actions.action)).toEqual(['remove']);
  });
  it('a removal rule that does not fire lets the next one apply', () => {
    const rules = 'title: [y]\naction: remove\npriority: 9\n---\ntitle: [x]\naction: filter';
    expect(decide(rules, { title: 'x' }).map((d) => d.actions.action)).toEqual(['filter']);
  });
  it('moderators are exempt from remove and report rules by default', () => {
    const mod = { title: 'x', author: { name: 'm', is_moderator: true } };
    expect(fired('title: [x]\naction: remove', mod)).toEqual([]);
    expect(fired('title: [x]\naction: report', mod)).toEqual([]);
    expect(fired('title: [x]\ncomment: hi', mod)).toEqual([1]);
    expect(fired('title: [x]\naction: approve', mod)).toEqual([1]);
  });
  it('moderators_exempt: false includes moderators; true exempts them from any rule', () => {
    const mod = { title: 'x', author: { name: 'm', is_moderator: true } };
    expect(fired('title: [x]\naction: remove\nmoderators_exempt: false', mod)).toEqual([1]);
    expect(fired('title: [x]\ncomment: hi\nmoderators_exempt: true', mod)).toEqual([]);
    expect(fired('title: [x]\naction: remove\nModerators_Exempt: false', mod)).toEqual([1]);
  });
  it('type restricts the items a rule sees, including submission kinds', () => {
    const rules = 'type: comment\nbody: [x]\naction: report\n---\ntype: link submission\ntitle: [x]\naction: report\n---\ntype: text submission\ntitle: [x]\naction: report';
    expect(fired(rules, { type: 'comment', body: 'x' })).toEqual([1]);
    expect(fired(rules, { title: 'x', url: 'https://a.com/b' })).toEqual([5]);
    expect(fired(rules, { title: 'x', is_self: true })).toEqual([9]);
  });
  it('type: any (the default) covers submissions and comments but not modmail or queue items', () => {
    expect(fired('body: [x]\naction: report', { type: 'modmail', body: 'x' })).toEqual([]);
  });
  it('url is not checked on text posts; a rule whose every field was skipped does not fire', () => {
    expect(fired('url (includes): [x]\naction: report', { title: 'x', is_self: true })).toEqual([]);
    expect(fired('~url (includes): [x]\naction: report', { title: 'x', is_self: true })).toEqual([]);
  });
});

describe('numbers written as text', () => {
  it("priority: '5' and reports: '2' are read as numbers, as AutoModerator's int() does", () => {
    expect(fired("title: [x]\ncomment: a\n---\ntitle: [x]\ncomment: b\npriority: '5'", { title: 'x' })).toEqual([4, 1]);
    expect(fired("reports: '2'\naction: report", { reports: 2 })).toEqual([1]);
  });
});
