import { describe, expect, it } from 'vitest';
import { compileSlaPolicies, computeSla } from '../../src/sla/index.js';
import { h, policySet } from './fixtures.js';

const set = policySet();
const at = (iso: string) => new Date(iso);
const hist = h('pending@2026-11-24T15:00:00Z');

describe('computeSla policy selection and targets', () => {
  it('uses the first matching policy, in file order', () => {
    const { policies } = compileSlaPolicies({
      policies: [
        { name: 'urgent first', when: { priority: 'urgent' }, metrics: { m: { stop_when: { status: 'done' }, targets: { default: '1h' } } } },
        { name: 'catch-all', metrics: { m: { stop_when: { status: 'done' }, targets: { default: '10h' } } } },
      ],
    });
    expect(computeSla(policies, { priority: 'URGENT' }, hist, at('2026-11-24T15:00:00Z'))?.policy).toBe('urgent first');
    expect(computeSla(policies, { priority: 'low' }, hist, at('2026-11-24T15:00:00Z'))?.policy).toBe('catch-all');
  });

  it('returns undefined when no policy matches, or the priority has no target and there is no default', () => {
    expect(computeSla(set, { asset_type: 'sticker', priority: 'high' }, hist, at('2026-11-24T16:00:00Z'))).toBeUndefined();
    expect(computeSla(set, { asset_type: 'avatar', priority: 'low' }, hist, at('2026-11-24T16:00:00Z'))).toBeUndefined();
  });

  it('falls back to the default target for other priorities', () => {
    const r = computeSla(set, { asset_type: 'brand_award', priority: 'normal' }, hist, at('2026-11-24T16:00:00Z'))!;
    expect(r.targetMinutes).toBe(480);
  });

  it('restarts a repeating metric and reports its latest instance', () => {
    const item = { asset_type: 'artist_reply' };
    const r = computeSla(
      set,
      item,
      h('awaiting_staff@2026-11-20T10:00:00Z', 'answered@2026-11-22T10:00:00Z', 'awaiting_staff@2026-11-24T09:00:00Z'),
      at('2026-11-24T10:00:00Z'),
    )!;
    expect(r.metric).toBe('next_reply');
    expect(r.state).toBe('active');
    expect(r.startedAt.toISOString()).toBe('2026-11-24T09:00:00.000Z');
    expect(r.breachAt?.toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });

  it('does not start a metric before its start_when status appears', () => {
    expect(computeSla(set, { asset_type: 'artist_reply' }, h('new@2026-11-20T10:00:00Z'), at('2026-11-24T10:00:00Z'))).toBeUndefined();
  });
});
