import { describe, expect, it } from 'vitest';
import { computeSla } from '../../src/sla/index.js';
import { h, policySet } from './fixtures.js';

const set = policySet();
const brand = (priority: string) => ({ id: 'b1', asset_type: 'brand_award', priority });
const at = (iso: string) => new Date(iso);

describe('computeSla states', () => {
  it('is active with exact warnAt and breachAt in business time, and reports the most pressing metric', () => {
    // Tue 24 Nov 15:00 EST, high: first review in 4 business hours → Wed 11:00 EST; warning 1 h earlier
    const r = computeSla(set, brand('high'), h('pending@2026-11-24T20:00:00Z'), at('2026-11-24T21:00:00Z'))!;
    expect(r.policy).toBe('Brand awards');
    expect(r.metric).toBe('first_review');
    expect(r.state).toBe('active');
    expect(r.breachAt?.toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(r.warnAt?.toISOString()).toBe('2026-11-25T15:00:00.000Z');
    expect(r.remainingMinutes).toBe(180);
    expect(r.warning).toBe(false);
    expect(r.metrics.map((m) => [m.metric, m.state])).toEqual([
      ['first_review', 'active'],
      ['resolution', 'active'],
    ]);
  });

  it('flags the warning window once warnAt has passed', () => {
    const r = computeSla(set, brand('high'), h('pending@2026-11-24T20:00:00Z'), at('2026-11-25T15:30:00Z'))!;
    expect(r.state).toBe('active');
    expect(r.warning).toBe(true);
    expect(r.remainingMinutes).toBe(30);
  });

  it('is breached when still open past the target, with breachAt in the past and negative time left', () => {
    const r = computeSla(set, brand('high'), h('pending@2026-11-24T20:00:00Z'), at('2026-11-25T17:00:00Z'))!;
    expect(r.state).toBe('breached');
    expect(r.breachAt?.toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(r.remainingMinutes).toBe(-60);
  });

  it('is achieved when the stop status came in time, and at the deadline instant itself', () => {
    const early = computeSla(set, brand('high'), h('pending@2026-11-24T20:00:00Z', 'in_review@2026-11-25T15:00:00Z'), at('2026-11-30T12:00:00Z'))!;
    const first = early.metrics.find((m) => m.metric === 'first_review')!;
    expect(first.state).toBe('achieved');
    expect(first.stoppedAt?.toISOString()).toBe('2026-11-25T15:00:00.000Z');
    expect(first.breachAt).toBeUndefined();
    const onTheDot = computeSla(set, brand('high'), h('pending@2026-11-24T20:00:00Z', 'in_review@2026-11-25T16:00:00Z'), at('2026-11-30T12:00:00Z'))!;
    expect(onTheDot.metrics.find((m) => m.metric === 'first_review')!.state).toBe('achieved');
  });

  it('is breached (not achieved) when the stop status came late, keeping the breach instant', () => {
    const r = computeSla(set, brand('high'), h('pending@2026-11-24T20:00:00Z', 'in_review@2026-11-25T16:01:00Z'), at('2026-11-25T16:30:00Z'))!;
    const first = r.metrics.find((m) => m.metric === 'first_review')!;
    expect(first.state).toBe('breached');
    expect(first.breachAt?.toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(first.remainingMinutes).toBe(-1);
    // the open resolution metric is the one to act on now
    expect(r.metric).toBe('resolution');
  });

  it('achieves immediately, with nothing counted, when the item was created in a stop status', () => {
    const r = computeSla(set, brand('high'), h('approved@2026-11-24T20:00:00Z'), at('2026-11-25T20:00:00Z'))!;
    expect(r.state).toBe('achieved');
    expect(r.elapsedMinutes).toBe(0);
  });

  it('counts calendar-time targets in real elapsed time across the fall-back change', () => {
    // urgent avatar: 4 h calendar time from Sun 1 Nov 00:00 EDT (04:00Z) — 4 real hours, whatever the wall clock says
    const r = computeSla(set, { asset_type: 'avatar', priority: 'urgent' }, h('pending@2026-11-01T04:00:00Z'), at('2026-11-01T05:00:00Z'))!;
    expect(r.hours).toBe('calendar');
    expect(r.breachAt?.toISOString()).toBe('2026-11-01T08:00:00.000Z');
    expect(r.warnAt?.toISOString()).toBe('2026-11-01T07:30:00.000Z');
  });

  it('ignores history after now and sorts history given out of order', () => {
    const r = computeSla(
      set,
      brand('high'),
      h('in_review@2026-11-25T15:00:00Z', 'pending@2026-11-24T20:00:00Z'),
      at('2026-11-24T21:00:00Z'),
    )!;
    expect(r.metric).toBe('first_review');
    expect(r.state).toBe('active');
    expect(r.startedAt.toISOString()).toBe('2026-11-24T20:00:00.000Z');
  });

  it('rejects malformed history times with the entry named', () => {
    expect(() => computeSla(set, brand('high'), [{ status: 'pending', at: 'yesterday' }], at('2026-11-24T21:00:00Z'))).toThrow(/history\[0\]\.at/);
  });
});
