import { describe, expect, it } from 'vitest';
import { parseEscalationTeams, parseHolidayList, parseRemovalReasons } from '../../src/platform/settings.js';

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
});
