import { describe, expect, it } from 'vitest';
import { describeEnforcement, parseStrikeRequest, STRIKE_KINDS, STRIKE_STEPS } from '../../../src/machines/index.js';

describe('a moderator\'s strike request', () => {
  it('defaults to a policy strike on the ladder\'s next step; a reason is required', () => {
    expect(parseStrikeRequest({ reason: ' traced art ' })).toEqual({ ok: true, value: { kind: 'policy', reason: 'traced art', step: 'ladder' } });
    expect(parseStrikeRequest({ reason: '  ' })).toEqual({ ok: false, error: 'a strike needs a reason' });
  });
  it('accepts only the offered kinds and steps, so a crafted submission cannot invent one', () => {
    expect(parseStrikeRequest({ reason: 'x', kind: 'copyright', step: 'warn' })).toMatchObject({ ok: true, value: { kind: 'copyright', step: 'warn' } });
    expect(parseStrikeRequest({ reason: 'x', kind: 'copyleft' })).toEqual({ ok: false, error: `unknown strike kind (${STRIKE_KINDS.join(', ')})` });
    expect(parseStrikeRequest({ reason: 'x', step: 'shadowban' })).toEqual({ ok: false, error: 'unknown step (ladder, warn, temp_ban, perm_ban, none)' });
    expect(STRIKE_STEPS.map((s) => s.value)).toEqual(['ladder', 'warn', 'temp_ban', 'perm_ban', 'none']);
  });
  it('a temporary ban needs 1–999 whole days; days are dropped for other steps', () => {
    for (const days of [undefined, 0, 1000, 2.5]) {
      expect(parseStrikeRequest({ reason: 'x', step: 'temp_ban', ...(days !== undefined ? { days } : {}) })).toEqual({ ok: false, error: 'a temporary ban needs 1–999 days' });
    }
    expect(parseStrikeRequest({ reason: 'x', step: 'temp_ban', days: 7 })).toMatchObject({ ok: true, value: { days: 7 } });
    expect(parseStrikeRequest({ reason: 'x', step: 'warn', days: 7 })).toEqual({ ok: true, value: { kind: 'policy', reason: 'x', step: 'warn' } });
  });
});

describe('the wording of a strike\'s enforcement', () => {
  it('reads the same in the toast, the mod note and the ban message', () => {
    expect(describeEnforcement(undefined)).toMatchObject({ outcome: 'recorded, no action', note: 'no action', noteLabel: 'ABUSE_WARNING' });
    expect(describeEnforcement({ action: 'warn' })).toMatchObject({ outcome: 'warning sent', note: 'warn', noteLabel: 'ABUSE_WARNING' });
    expect(describeEnforcement({ action: 'temp_ban', durationDays: 7, endsAt: '2026-01-08T00:00:00Z' })).toEqual({ outcome: 'banned for 7 days', note: '7-day ban', noteLabel: 'BAN', ban: 'banned for 7 days' });
    expect(describeEnforcement({ action: 'perm_ban' })).toEqual({ outcome: 'banned permanently', note: 'perm ban', noteLabel: 'PERMA_BAN', ban: 'permanently banned' });
  });
});
