import { describe, expect, it } from 'vitest';
import { backtest, explain, type Item } from '../../src/index.js';
import { compile } from './helpers.js';

const RULES = [
  '# New accounts posting links',
  'type: link submission',
  'author:',
  "  account_age: '< 7 days'",
  'action: filter',
  '---',
  'title: [giveaway]',
  'action: remove',
  '---',
  'title: [giveaway, contest]',
  'comment: Read the contest rules',
].join('\n');

describe('explain', () => {
  it('lists every rule with each check\'s result and why', () => {
    const item: Item = { id: 'p1', type: 'submission', title: 'Contest time', url: 'https://x.com/a', author: { name: 'a', account_age_days: 30 } };
    const e = explain(compile(RULES), item);
    expect(e.map((r) => [r.line, r.fired])).toEqual([[2, false], [7, false], [10, true]]);
    expect(e[0]?.name).toBe('New accounts posting links');
    expect(e[0]?.checks).toEqual([expect.objectContaining({ key: 'account_age', group: 'author', line: 4, passed: false, detail: 'account_age_days is 30, needs < 7' })]);
    expect(e[1]?.checks[0]).toMatchObject({ key: 'title', passed: false, detail: 'title: none of 1 value found (includes-word)' });
    expect(e[2]?.checks[0]).toMatchObject({ passed: true, detail: 'title contains "Contest"' });
    expect(e[2]?.decision?.actions.comment).toBe('Read the contest rules');
  });
  it('says when a rule did not run at all: type, moderator exemption, earlier removal', () => {
    const text: Item = { id: 'p2', type: 'submission', title: 'giveaway', is_self: true, author: { name: 'a', account_age_days: 1 } };
    const e = explain(compile(RULES), text);
    expect(e[0]?.notRun).toBe('rule is for link submissions, this is a text submission');
    const mod = explain(compile(RULES), { ...text, author: { name: 'm', is_moderator: true } });
    expect(mod[1]?.notRun).toMatch(/moderators are exempt/);
    const two = explain(compile('title: [a]\naction: remove\n---\ntitle: [a]\naction: spam'), { id: 'x', type: 'submission', title: 'a' });
    expect(two[1]?.notRun).toMatch(/an earlier removal rule \(line 1\) already removed the item/);
  });
  it('evaluates every check even after one fails, so all reasons are shown', () => {
    const e = explain(compile('title: [a]\nbody: [b]\naction: report'), { id: 'x', type: 'submission', title: 'no', body: 'no', is_self: true });
    expect(e[0]?.checks.map((c) => c.passed)).toEqual([false, false]);
  });
});

describe('backtest', () => {
  it('counts hits per rule and lists the items each would act on', () => {
    const items: Item[] = [
      { id: 'a', type: 'submission', title: 'giveaway', is_self: true },
      { id: 'b', type: 'submission', title: 'contest', is_self: true },
      { id: 'c', type: 'submission', title: 'hello', is_self: true },
    ];
    const r = backtest(compile(RULES), items);
    expect(r.items).toBe(3);
    expect(r.itemsActedOn).toBe(2);
    expect(r.rules.map((x) => [x.line, x.hits, x.itemIds])).toEqual([[2, 0, []], [7, 1, ['a']], [10, 2, ['a', 'b']]]);
  });
});

describe('a moderator\'s veto in explain and backtest', () => {
  const approved = (id: string, by?: string): Item => ({
    id,
    type: 'submission',
    title: 'giveaway contest',
    is_self: true,
    moderation: { is_removed: false, is_approved: true, ...(by ? { approved_by: by } : {}) },
  });
  it('explain names the moderator whose approval vetoes the removal rule; the rule still shows as matching', () => {
    const e = explain(compile(RULES), approved('p1', 'mod_alice'), { appName: 'creator-desk' });
    expect(e.map((r) => [r.line, r.fired, r.vetoed])).toEqual([[2, false, undefined], [7, true, 'approved by u/mod_alice'], [10, true, undefined]]);
  });
  it('an approval by the app itself or AutoModerator vetoes nothing', () => {
    for (const by of ['creator-desk', 'AutoModerator']) {
      expect(explain(compile(RULES), approved('p1', by), { appName: 'creator-desk' }).some((r) => r.vetoed)).toBe(false);
    }
  });
  it('backtest lists vetoed items apart from hits, and an item only a vetoed rule matched is not acted on', () => {
    const r = backtest(compile('title: [giveaway]\naction: remove'), [approved('a', 'mod_bob'), { id: 'b', type: 'submission', title: 'giveaway', is_self: true }], { appName: 'creator-desk' });
    expect(r.itemsActedOn).toBe(1);
    expect(r.rules).toEqual([expect.objectContaining({ hits: 1, itemIds: ['b'], vetoed: [{ itemId: 'a', why: 'approved by u/mod_bob' }] })]);
  });
});
