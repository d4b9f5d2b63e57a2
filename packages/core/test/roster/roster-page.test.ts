import { describe, expect, it } from 'vitest';
import { checkUsername, diffRoster, flairSafe, shopNameProblem, formatRosterSummary, parseRosterPage, planBatches, renderFlairText, renderWelcome, rosterDiagnostics, rosterSummarySubject } from '../../src/index.js';

describe('checkUsername', () => {
  it('accepts Reddit names with or without u/ and refuses the rest with why', () => {
    expect(checkUsername(' u/Artist_Ann ')).toEqual({ ok: true, username: 'Artist_Ann' });
    expect(checkUsername('/u/ab-c')).toEqual({ ok: true, username: 'ab-c' });
    expect(checkUsername('ab')).toMatchObject({ ok: false, message: expect.stringContaining('not a Reddit username') });
    expect(checkUsername('has space')).toMatchObject({ ok: false });
    expect(checkUsername('x'.repeat(21))).toMatchObject({ ok: false, message: expect.stringContaining('20-character') });
    expect(checkUsername('')).toEqual({ ok: false, message: 'expected a username' });
    expect(checkUsername('[link](x)')).toMatchObject({ ok: false });
  });
});

describe('shopNameProblem and flairSafe', () => {
  it('a shop name fits a flair: at most 40 characters, no comma, no control character', () => {
    expect(shopNameProblem('Moon Studio')).toBeUndefined();
    expect(shopNameProblem('x'.repeat(41))).toContain('at most 40');
    expect(shopNameProblem('a,b')).toBe('a shop name cannot contain a comma');
    expect(shopNameProblem('a\u0007b')).toBe('the shop name contains a control character');
    expect(flairSafe('a,b\nc')).toBe('a b c');
  });
});

describe('parseRosterPage', () => {
  const page = [
    '# artist roster', // 1
    'username,shop_name,onboarded_at', // 2
    'artist_ann', // 3
    'u/bob_builds, Bob Builds , 2026-02-01 # accepted week 5', // 4
    '', // 5
    'not a name', // 6
    'Artist_Ann', // 7
    'carol,Shop,2026-02-30', // 8
    'dave,a,b,c', // 9
    '   erin,,2026-03-01T10:00:00Z', // 10
  ].join('\n');

  it('reads artists with their line numbers, shop names and dates; comments and the header are skipped', () => {
    const r = parseRosterPage(page);
    expect(r.artists).toEqual([
      { line: 3, username: 'artist_ann' },
      { line: 4, username: 'bob_builds', shopName: 'Bob Builds', onboardedAt: '2026-02-01' },
      { line: 10, username: 'erin', onboardedAt: '2026-03-01T10:00:00Z' },
    ]);
    expect(r.errors).toEqual([]);
  });

  it('names every bad line with its number and why, keeping the good ones', () => {
    const r = parseRosterPage(page);
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [6, expect.stringContaining('not a Reddit username')],
      [7, 'Artist_Ann is already listed on line 3'],
      [8, expect.stringContaining('"2026-02-30" is not a date')],
      [9, expect.stringContaining('found 4 comma-separated fields')],
    ]);
    expect(rosterDiagnostics(r).every((d) => d.severity === 'warning')).toBe(true);
  });

  it('refuses far dates and over-long shop names', () => {
    const r = parseRosterPage(`a_1,Shop,9999-01-01\nb_2,${'x'.repeat(41)}`);
    expect(r.artists).toEqual([]);
    expect(r.problems.map((p) => p.line)).toEqual([1, 2]);
  });

  it('refuses a page too long to read as a whole, with an error', () => {
    const r = parseRosterPage('a_1\n'.repeat(20_001));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.severity).toBe('error');
    expect(r.artists).toEqual([]);
  });
});

describe('diffRoster and planBatches', () => {
  it('adds page names not active on the roster; removes only names the page onboarded', () => {
    const { artists } = parseRosterPage('ann\nbob_1\ncarol');
    const diff = diffRoster(artists, [
      { username: 'ANN', source: 'roster', active: true },
      { username: 'bob_1', source: 'roster', active: false },
      { username: 'gone', source: 'roster', active: true },
      { username: 'menu_made', source: 'menu', active: true },
    ]);
    expect(diff.added.map((l) => l.username)).toEqual(['bob_1', 'carol']);
    expect(diff.removed).toEqual(['gone']);
  });

  it('an artist offboarded while their line stayed is not onboarded again by a later edit, only when the line is new', () => {
    const { artists } = parseRosterPage('ann\nbob_1');
    const stored = [{ username: 'ann', source: 'roster' as const, active: false }];
    expect(diffRoster(artists, stored, ['ann', 'bob_1']).added.map((l) => l.username)).toEqual(['bob_1']);
    expect(diffRoster(artists, stored, ['bob_1']).added.map((l) => l.username)).toEqual(['ann', 'bob_1']);
  });

  it('splits into batches of at most 100, in order', () => {
    const names = Array.from({ length: 250 }, (_, i) => `u${i}`);
    const batches = planBatches(names);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).toEqual(names);
    expect(() => planBatches(names, 0)).toThrow(RangeError);
  });
});

describe('artist templates', () => {
  it('flair text fills placeholders, drops a dangling separator, strips commas and cuts to 64', () => {
    expect(renderFlairText('Artist · {{shop_name}}', { shop_name: 'Moon, Co' })).toBe('Artist · Moon Co');
    expect(renderFlairText('Artist · {{shop_name}}', { shop_name: undefined })).toBe('Artist');
    expect(renderFlairText('{{shop_name}}', { shop_name: 'x'.repeat(80) })).toHaveLength(64);
  });

  it('the welcome message escapes a shop name (no pings, links or markdown)', () => {
    const text = renderWelcome('Welcome u/{{username}} of {{shop_name}}!', { username: 'ann_1', shop_name: '[click](https://evil) u/spez' });
    expect(text).toContain('u/ann_1');
    expect(text).not.toContain('[click](https://evil)');
    expect(text).not.toMatch(/(^|\s)u\/spez/);
  });
});

describe('formatRosterSummary', () => {
  it('names every bad line by number with its text escaped, sorted', () => {
    const text = formatRosterSummary({
      page: 'creator-desk/roster',
      revisionId: 'rev-1',
      editor: 'mod_alice',
      onboarded: 245,
      problems: [
        { line: 9, text: 'u/spez [x](http://e)', message: 'not a Reddit username' },
        { line: 3, text: 'ghost_1', message: 'no such account' },
      ],
      offboarded: [],
      keptRemoved: ['old_artist'],
    });
    expect(text).toContain('245 new artist(s) onboarded');
    expect(text.indexOf('line 3')).toBeLessThan(text.indexOf('line 9'));
    // In a code span the line is shown as written and is inert.
    expect(text).toContain('- line 9: `u/spez [x](http://e)` — not a Reddit username');
    expect(text).toContain('still artists');
    expect(rosterSummarySubject({ problems: [{ line: 1, message: 'x' }], revisionId: 'rev-1' })).toBe('Artist roster synced: 1 line(s) not onboarded (revision rev-1)');
  });
});
