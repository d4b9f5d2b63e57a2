import { describe, expect, it } from 'vitest';
import { compileCondition, type Item } from '../../src/index.js';

const ticket = (x: Record<string, unknown>): Item => ({ id: '1', type: 'ticket', ...x }) as Item;

describe('compileCondition', () => {
  it('runs AutoModerator checks over one object, no actions', () => {
    const c = compileCondition({ 'title (includes)': ['refund'], author: { is_artist: true } });
    expect(c.diagnostics).toEqual([]);
    expect(c.test({ id: 'a', type: 'review', title: 'refunds please', author: { is_artist: true } })).toBe(true);
    expect(c.test({ id: 'a', type: 'review', title: 'hello', author: { is_artist: true } })).toBe(false);
  });
  it('declared queue fields get their default method; undeclared ones are the item\'s own fields (warning)', () => {
    const c = compileCondition({ priority: 'urgent', tags: 'vip', vendor: 'acme' }, { type: 'ticket', source: 'sla.yaml', line: 4 });
    expect(c.diagnostics).toEqual([expect.objectContaining({ source: 'sla.yaml', line: 4, severity: 'warning', message: expect.stringMatching(/'vendor' is not a declared field of ticket/), undeclaredField: 'vendor' })]);
    expect(c.test(ticket({ priority: 'urgent', tags: ['x', 'vip'], vendor: 'ACME' }))).toBe(true);
    expect(c.test(ticket({ priority: 'urgent-ish', tags: ['vip'], vendor: 'acme' }))).toBe(false);
  });
  it('numbers compare on queue items', () => {
    const c = compileCondition({ attempts: '>= 3', age_hours: '> 48' }, { type: 'staging' });
    expect(c.test({ id: 's', type: 'staging', attempts: 3, age_hours: 50 } as Item)).toBe(true);
    expect(c.test({ id: 's', type: 'staging', attempts: 2, age_hours: 50 } as Item)).toBe(false);
  });
  it('with a type, other item types never match', () => {
    const c = compileCondition({ status: 'open' }, { type: 'ticket' });
    expect(c.test({ id: 'r', type: 'review', status: 'open' } as Item)).toBe(false);
  });
  it('errors come back as diagnostics and the test matches nothing', () => {
    const c = compileCondition({ 'title (regex)': ['(a+) .*\\1'] });
    expect(c.diagnostics[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(/a backreference/) });
    expect(c.test({ id: 'x', type: 'submission', title: 'aaa b aaa' })).toBe(false);
    expect(compileCondition(null as unknown as Record<string, unknown>).diagnostics[0]?.severity).toBe('error');
  });
  it('supports ~, +, thresholds and sub-groups like rules do', () => {
    const c = compileCondition({ '~subject+description': ['spam'], author: { strikes: '>= 2' } }, { type: 'ticket' });
    expect(c.test(ticket({ subject: 'hi', description: 'x', author: { strikes: 2 } }))).toBe(true);
    expect(c.test(ticket({ subject: 'spam', description: 'x', author: { strikes: 2 } }))).toBe(false);
    expect(c.test(ticket({ subject: 'hi', description: 'x', author: { strikes: 1 } }))).toBe(false);
  });
});
