import { describe, expect, it } from 'vitest';
import { closestMiss, explain, type Item } from '../../src/index.js';
import { compile } from './helpers.js';

const item: Item = { id: 'x', type: 'submission', title: 'giveaway now', body: 'free art', is_self: true };

describe('closestMiss', () => {
  it('picks the missed rule with the most passing checks and its first failing check in file order', () => {
    const yaml = 'title: [nothing]\naction: report\n---\ntitle: [giveaway]\nbody: [free]\nbody_longer_than: 500\naction: remove';
    const miss = closestMiss(explain(compile(yaml), item));
    expect(miss?.rule.line).toBe(4);
    expect(miss?.failed).toMatchObject({ key: 'body_longer_than', line: 6, passed: false });
  });
  it('on a tie the earlier rule wins; fired rules and rules that did not run are not misses', () => {
    const yaml = 'title: [giveaway]\ncomment: hi\n---\ntype: link submission\ntitle: [giveaway]\naction: report\n---\ntitle: [giveaway]\nbody: [nope]\naction: report\n---\ntitle: [giveaway]\nbody: [nada]\naction: report';
    const e = explain(compile(yaml), item);
    expect(e.map((r) => [r.fired, r.notRun !== undefined])).toEqual([[true, false], [false, true], [false, false], [false, false]]);
    expect(closestMiss(e)).toMatchObject({ rule: { line: 8 }, failed: { key: 'body', line: 9 } });
  });
  it('is undefined when every rule fired or none ran', () => {
    expect(closestMiss(explain(compile('title: [giveaway]\naction: report'), item))).toBeUndefined();
    expect(closestMiss([])).toBeUndefined();
  });
});
