import { describe, expect, it } from 'vitest';
import { describeLadder, describeStep, parseStrikeLadder } from '../../../src/machines/strikes/index.js';

describe('parseStrikeLadder', () => {
  it('reads the shorthand moderators type into the ladder, step i at the i-th active strike', () => {
    const r = parseStrikeLadder('warn, ban 3, ban 30 days, permanent', 90);
    expect(r.ok && r.value.steps).toEqual([
      { action: 'warn', atStrikes: 1 },
      { action: 'temp_ban', atStrikes: 2, durationDays: 3 },
      { action: 'temp_ban', atStrikes: 3, durationDays: 30 },
      { action: 'perm_ban', atStrikes: 4 },
    ]);
    expect(r.ok && r.value.expiryDays).toBe(90);
  });

  it('names the bad step, and passes on what the ladder schema refuses', () => {
    expect(parseStrikeLadder('warn, mute', 90)).toMatchObject({ ok: false, error: expect.stringContaining('step 2 "mute"') });
    expect(parseStrikeLadder('permanent, warn', 90)).toMatchObject({ ok: false, error: expect.stringContaining('permanent ban must be the last step') });
    expect(parseStrikeLadder('ban 1000', 90)).toMatchObject({ ok: false, error: expect.stringContaining('1–999 days') });
  });
});

describe('describeLadder and describeStep', () => {
  it('word the ladder and a step as a moderator reads them', () => {
    const r = parseStrikeLadder('warn, ban 3, ban 30 days, permanent', 90);
    expect(r.ok && describeLadder(r.value)).toBe('warning → 3-day ban → 30-day ban → permanent ban');
    expect(r.ok && r.value.steps.map((s) => describeStep(s, 'nothing'))).toEqual(['a warning', 'a 3-day ban', 'a 30-day ban', 'a permanent ban']);
    expect(describeStep(undefined, 'no action')).toBe('no action');
  });
});
