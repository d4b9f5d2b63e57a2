import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseRosterPage } from '@creator-desk/core';
import { registerRosterCommand, rosterFromExport, type RosterIo } from '../../src/cli/roster-command.js';

function run(argv: string[], files: Record<string, string>): { out: string; err: string; code: number } {
  let out = '';
  let err = '';
  let code = 0;
  const io: RosterIo = {
    out: (t) => { out += t; },
    err: (t) => { err += t; },
    readFile: (p) => {
      const f = files[p];
      if (f === undefined) throw new Error(`${p} (ENOENT)`);
      return f;
    },
    exit: (c) => { code = Math.max(code, c); },
  };
  const program = new Command('creator-desk').exitOverride();
  registerRosterCommand(program, io);
  program.parse(argv, { from: 'user' });
  return { out, err, code };
}

const EXPORT = [
  'id,asset_type,artist,submitted_at,priority,status,assignee,status_history',
  's1,avatar,neon_fox,2026-02-10T10:00:00Z,normal,approved,rev,pending@2026-02-10T10:00:00Z;approved@2026-02-12T09:00:00Z',
  's2,avatar,Neon_Fox,2026-02-01T10:00:00Z,normal,approved,rev,pending@2026-02-01T10:00:00Z;approved@2026-02-03T09:00:00Z',
  's3,avatar,pixel_pia,2026-02-05T10:00:00Z,normal,rejected,rev,pending@2026-02-05T10:00:00Z;rejected@2026-02-06T09:00:00Z',
  's4,avatar,moon_mo,2026-02-07T10:00:00Z,normal,approved,rev,approved@2026-02-08T09:00:00Z',
  's5,avatar,bad name,2026-02-07T10:00:00Z,normal,approved,rev,approved@2026-02-08T09:00:00Z',
].join('\n');

describe('creator-desk roster', () => {
  it('prints each accepted artist once, with the date of their first acceptance, new names only; bad rows named with their line', () => {
    const r = run(['roster', 'export.csv', '--current', 'page.txt'], { 'export.csv': EXPORT, 'page.txt': '# roster\nmoon_mo\n' });
    expect(r.out).toBe('# 1 accepted artist(s) from export.csv (1 already on the page left out)\nNeon_Fox,,2026-02-03\n');
    expect(r.err).toBe('export.csv:6: error: artist "bad name" is not a Reddit username (3–20 letters, digits, _ or -)\n');
    expect(r.code).toBe(1);
  });

  it('the output is valid roster page text: pasted below the page it adds exactly the new artists', () => {
    const page = '# roster\nmoon_mo\n';
    const r = run(['roster', 'export.csv', '--current', 'page.txt', '--since', '2026-02-01'], { 'export.csv': EXPORT.split('\n').slice(0, 5).join('\n'), 'page.txt': page });
    expect(r.code).toBe(0);
    const parsed = parseRosterPage(page + r.out);
    expect(parsed.problems).toEqual([]);
    expect(parsed.artists.map((a) => [a.username, a.onboardedAt])).toEqual([['moon_mo', undefined], ['Neon_Fox', '2026-02-03']]);
  });

  it('--since keeps only artists first accepted from that day; a bad --since is a usage error', () => {
    expect(run(['roster', 'export.csv', '--since', '2026-02-05'], { 'export.csv': EXPORT }).out).toContain('moon_mo,,2026-02-08');
    expect(run(['roster', 'export.csv', '--since', '2026-02-05'], { 'export.csv': EXPORT }).out).not.toContain('Neon_Fox');
    expect(run(['roster', 'export.csv', '--since', 'last week'], { 'export.csv': EXPORT })).toMatchObject({ code: 2, out: '' });
  });

  it('an export without the artist column is an error naming the file, not an empty roster', () => {
    const r = run(['roster', 'x.csv'], { 'x.csv': 'id,status\n1,approved\n' });
    expect(r.err).toBe("x.csv:1: error: missing column(s) artist (expected the review tool's submissions export)\n");
    expect(r.code).toBe(1);
  });

  it("reads the bundled examples' review submissions: every approved artist appears once", () => {
    const csv = readFileSync(new URL('../../../../examples/review-submissions.csv', import.meta.url), 'utf8');
    const r = rosterFromExport(csv, 'review-submissions.csv');
    const approved = new Set(csv.split('\n').slice(1).filter((l) => l.split(',')[5] === 'approved').map((l) => (l.split(',')[2] ?? '').toLowerCase()));
    expect(r.problems).toEqual([]);
    expect(r.artists.length).toBe(approved.size);
    expect(new Set(r.artists.map((a) => a.username.toLowerCase()))).toEqual(approved);
  });
});
