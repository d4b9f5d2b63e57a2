import { describe, expect, it } from 'vitest';
import { addBusinessDays } from '@creator-desk/core';
import { parseEscalationTeams, parseHolidayList, parseRemovalReasons, takedownCalendar } from '../../src/platform/settings.js';

describe('enforcement settings parsers', () => {
  it('parses removal reasons with their team and says which line is wrong', () => {
    const teams = ['Legal', 'Trust & Safety'];
    const r = parseRemovalReasons('# comment\nTraced | legal\nAI art | Trust & Safety', teams);
    expect(r.ok && r.value).toEqual([
      { value: '1', label: 'Traced', team: 'Legal' },
      { value: '2', label: 'AI art', team: 'Trust & Safety' },
    ]);
    expect(parseRemovalReasons('Traced | Legal\nSpam', teams)).toMatchObject({ ok: false, error: expect.stringContaining('line 2') });
    expect(parseRemovalReasons('Traced | Marketing', teams)).toMatchObject({ ok: false, error: expect.stringContaining('unknown team "Marketing"') });
  });

  it('rejects duplicate teams and bad holiday dates', () => {
    expect(parseEscalationTeams('Legal, legal')).toMatchObject({ ok: false });
    expect(parseHolidayList('2026-12-24, 2026-13-01')).toMatchObject({ ok: false, error: expect.stringContaining('2026-13-01') });
  });

  it('builds the restore-window calendar: weekdays in the zone, US holidays and extra dates skipped', () => {
    const cal = takedownCalendar('America/New_York', true, ['2026-07-06'], new Date('2026-06-30T00:00:00Z'));
    // Tue 30 June + 3 business days: Wed 1, Thu 2, (Fri 3 holiday, weekend, Mon 6 extra) Tue 7.
    expect(addBusinessDays(cal, new Date('2026-06-30T14:00:00Z'), 3).toISOString()).toBe('2026-07-07T14:00:00.000Z');
    const plain = takedownCalendar('America/New_York', false, [], new Date('2026-06-30T00:00:00Z'));
    expect(addBusinessDays(plain, new Date('2026-06-30T14:00:00Z'), 3).toISOString()).toBe('2026-07-03T14:00:00.000Z');
  });
});
