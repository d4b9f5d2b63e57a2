import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createReviewItem,
  reviewItemMachine as m,
  type AuditEvent,
  type ReviewCommand,
  type ReviewItemState,
} from '../../../src/machines/index.js';

const command: fc.Arbitrary<ReviewCommand> = fc.oneof(
  fc.constant<ReviewCommand>({ type: 'claim' }),
  fc.record({ type: fc.constant('release' as const), force: fc.boolean() }),
  fc.constant<ReviewCommand>({ type: 'approve' }),
  fc.record({ type: fc.constant('reject' as const), reason: fc.constantFrom('', 'traced') }),
  fc.record({ type: fc.constant('escalate' as const), team: fc.constantFrom('Legal', 'Brand', 'Nope'), reason: fc.constantFrom('', 'IP') }),
  fc.constant<ReviewCommand>({ type: 'close' }),
);
const step = fc.tuple(command, fc.constantFrom('ann', 'bea', 'cal'));

describe('review item: any command sequence', () => {
  it('replays to the same state, and refused commands change nothing and log nothing', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const created = createReviewItem('p1', 'avatars', { actor: 'system', at: new Date(0) });
        let state = created.state;
        const log: AuditEvent<ReviewItemState, ReviewCommand['type']>[] = [created.audit];
        steps.forEach(([c, actor], i) => {
          const before = JSON.stringify(state);
          const r = m.transition(state, c, { actor, at: new Date((i + 1) * 60_000), teams: ['Legal', 'Brand'] });
          if (r.ok) {
            expect(r.audit.from).toBe(state.status);
            expect(m.allowedCommands(state.status)).toContain(c.type);
            log.push(r.audit);
            state = r.state;
          } else {
            expect(JSON.stringify(state)).toBe(before);
          }
        });
        expect(m.replay(JSON.parse(JSON.stringify(log)) as typeof log)).toEqual({ ok: true, state });
        expect(state.version).toBe(log.length);
        // A claimed item always has its holder; an unclaimed pending one never does.
        if (state.status === 'claimed') expect(state.claimedBy).toBeTruthy();
        if (state.status === 'pending') expect(state.claimedBy ?? null).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
