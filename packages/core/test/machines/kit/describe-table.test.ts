import { describe, expect, it } from 'vitest';
import { describeTransitions, escalationMachine, reviewItemMachine } from '../../../src/machines/index.js';

describe('describeTransitions', () => {
  it('prints the review-item table as Markdown with its final states', () => {
    expect(describeTransitions(reviewItemMachine)).toBe(
      [
        '| review-item command | from | to |',
        '| --- | --- | --- |',
        '| claim | pending | claimed |',
        '| release | claimed | pending |',
        '| approve | claimed | approved |',
        '| reject | claimed | rejected |',
        '| escalate | pending, claimed | escalated |',
        '| close | escalated | closed |',
        '',
        'Final states: approved, rejected, closed.',
      ].join('\n'),
    );
  });

  it('prints every row of another machine', () => {
    expect(describeTransitions(escalationMachine).split('\n')).toContain('| close | open, escalated | closed |');
  });
});
