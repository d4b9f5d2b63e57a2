import { describe, expect, it } from 'vitest';
import { computeRestoreWindow, openTakedownCase, takedownCalendar, takedownMachine } from '../../../src/machines/index.js';

const cal = takedownCalendar({ timeZone: 'America/Los_Angeles', usHolidays: true, extraHolidays: [], now: new Date('2026-02-01T00:00:00Z') });
const received = new Date('2026-02-13T18:00:00Z'); // Fri 13 Feb 10:00 PST

describe('a restore window narrower than the statute', () => {
  it('defaults to 10–14 business days, Presidents’ Day skipped', () => {
    const w = computeRestoreWindow(received, cal);
    // Tue 17 … Mon 2 Mar is the 10th business day; Fri 6 Mar the 14th.
    expect(w.opensAt.toISOString()).toBe('2026-03-02T18:00:00.000Z');
    expect(w.closesAt.toISOString()).toBe('2026-03-06T18:00:00.000Z');
  });
  it('takes the installation’s bounds, in the machine too', () => {
    expect(computeRestoreWindow(received, cal, { earliest: 10, latest: 10 }).closesAt.toISOString()).toBe('2026-03-02T18:00:00.000Z');
    const notice = {
      reference: 'N-1', signature: 'A. Owner', copyrightedWork: 'Painting', infringingMaterial: { locations: ['https://reddit.com/x'] },
      contact: { name: 'A. Owner', email: 'a@example.com' }, goodFaithStatement: true, accuracyStatement: true,
    };
    const counterNotice = {
      signature: 'U', removedMaterial: { locations: ['https://reddit.com/x'] }, mistakeStatement: true,
      subscriber: { name: 'U', address: '1 Main St', phone: '555' }, jurisdictionConsent: true, acceptsService: true,
    };
    const ctx = { at: '2026-02-10T18:00:00Z', actor: 'mod', businessDays: cal, restoreWindow: { earliest: 11, latest: 12 } };
    const opened = openTakedownCase({ id: 'c', itemId: 't3_x', uploader: 'u', notice }, ctx);
    if (!opened.ok) throw new Error(opened.error.message);
    let s = opened.state;
    for (const command of [{ type: 'disable' as const }, { type: 'notify_uploader' as const }]) {
      const r = takedownMachine.transition(s, command, ctx);
      if (!r.ok) throw new Error(r.error.message);
      s = r.state;
    }
    const r = takedownMachine.transition(s, { type: 'receive_counter_notice', counterNotice, receivedAt: received }, { ...ctx, at: received });
    if (!r.ok) throw new Error(r.error.message);
    expect([r.state.restoreOpensAt, r.state.restoreClosesAt]).toEqual(['2026-03-03T18:00:00.000Z', '2026-03-04T18:00:00.000Z']);
  });
  it('refuses bounds outside 10–14 or the wrong way round', () => {
    expect(() => computeRestoreWindow(received, cal, { earliest: 9, latest: 14 })).toThrow(/10 ≤ earliest ≤ latest ≤ 14/);
    expect(() => computeRestoreWindow(received, cal, { earliest: 10, latest: 15 })).toThrow(RangeError);
    expect(() => computeRestoreWindow(received, cal, { earliest: 13, latest: 11 })).toThrow(RangeError);
  });
});
