import { describe, expect, it } from 'vitest';
import { computeSla } from '../../src/sla/index.js';
import { h, policySet } from './fixtures.js';

const set = policySet();
const avatar = { id: 'a1', asset_type: 'avatar', priority: 'high' };
const at = (iso: string) => new Date(iso);

describe('computeSla pauses', () => {
  it('is paused with time left frozen and no breach instant while waiting on the artist', () => {
    // Fri 20 Nov 10:00 EST pending, 12:00 waiting_on_artist → 2 of 8 business hours used
    const hist = h('pending@2026-11-20T15:00:00Z', 'waiting_on_artist@2026-11-20T17:00:00Z');
    const r = computeSla(set, avatar, hist, at('2026-11-23T20:00:00Z'))!;
    expect(r.state).toBe('paused');
    expect(r.remainingMinutes).toBe(360);
    expect(r.breachAt).toBeUndefined();
    expect(r.warnAt).toBeUndefined();
  });

  it('resumes after a pause spanning the weekend: only working time outside the pause counts', () => {
    // paused Fri 12:00 → Mon 23 Nov 11:00 EST; 6 h left from Mon 11:00 → Mon 17:00 EST
    const hist = h('pending@2026-11-20T15:00:00Z', 'waiting_on_artist@2026-11-20T17:00:00Z', 'in_review@2026-11-23T16:00:00Z');
    const r = computeSla(set, avatar, hist, at('2026-11-23T16:30:00Z'))!;
    expect(r.state).toBe('active');
    expect(r.breachAt?.toISOString()).toBe('2026-11-23T22:00:00.000Z');
    expect(r.warnAt?.toISOString()).toBe('2026-11-23T20:00:00.000Z');
    expect(r.remainingMinutes).toBe(330);
  });

  it('stays breached when the target ran out before the pause began', () => {
    const hist = h('pending@2026-11-23T14:00:00Z', 'waiting_on_artist@2026-11-24T17:00:00Z');
    const r = computeSla(set, avatar, hist, at('2026-11-25T17:00:00Z'))!;
    expect(r.state).toBe('breached');
    expect(r.breachAt?.toISOString()).toBe('2026-11-23T22:00:00.000Z');
    expect(r.remainingMinutes).toBe(-180);
  });

  it('skips the Thanksgiving holiday while running in business time', () => {
    // Wed 25 Nov 13:00 EST + 8 business hours: 4 h Wed, Thu off, 4 h Fri → Fri 27 Nov 13:00 EST
    const r = computeSla(set, avatar, h('pending@2026-11-25T18:00:00Z'), at('2026-11-25T18:00:00Z'))!;
    expect(r.breachAt?.toISOString()).toBe('2026-11-27T18:00:00.000Z');
  });
});
