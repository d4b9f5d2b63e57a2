/**
 * Behaviour decided by reading Reddit's AutoModerator engine (`r2/r2/lib/automoderator.py`), one
 * block per difference found; see the rules README for the reference and the deviations left.
 */
import { describe, expect, it } from 'vitest';
import { explain, type Item } from '../../src/index.js';
import { compile, decide, fired } from './helpers.js';

describe('after a removal rule acts, no other rule runs on the item', () => {
  const rules = 'title: [x]\naction: remove\n---\ntitle: [x]\ncomment: hello\n---\ntitle: [x]\nset_flair: Flagged\n---\ntitle: [x]\naction: report';
  it('a later comment, set_flair or report does not apply to the removed item', () => {
    expect(fired(rules, { title: 'x' })).toEqual([1]);
  });
  it('explain says why the later rules did not run', () => {
    const e = explain(compile(rules), { id: 'p', type: 'submission', title: 'x' } as Item);
    expect(e.map((r) => r.fired)).toEqual([true, false, false, false]);
    for (const r of e.slice(1)) expect(r.notRun).toBe('an earlier removal rule (line 1) already removed the item; no rule runs on a removed item');
  });
  it('the rules still all run when the removal rule does not fire', () => {
    expect(fired(rules, { title: 'x', author: { name: 'm', is_moderator: true } })).toEqual([4, 7]);
  });
});
