import { describe, expect, it } from 'vitest';
import { readQueueFiles, loadSettings } from '../../src/report/load-inputs.js';
import { coreLoaders } from '../../src/report/core-loaders.js';
import { runBuilt } from '../helpers/built-cli.js';
import { FIXTURE_FILES } from '../helpers/report-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('creator-desk report: readable where the coordinator reads it (built CLI)', () => {
  it.each([80, 120])('the table fits %i columns', (width) => {
    for (const dir of [undefined, tempDir(FIXTURE_FILES)]) {
      const r = runBuilt(['report', ...(dir ? [dir] : []), '--width', String(width)]);
      const long = r.stdout.split('\n').filter((l) => [...l].length > width);
      expect(long).toEqual([]);
    }
  });

  it("shows times in the team's calendar zone, or --tz; json stays UTC and names the zone", () => {
    const dir = tempDir(FIXTURE_FILES);
    expect(runBuilt(['report', dir]).stdout).toMatch(/now 2026-02-18 12:00 PST \(times in America\/Los_Angeles\)/);
    expect(runBuilt(['report', dir, '--tz', 'Europe/Berlin']).stdout).toMatch(/now 2026-02-18 21:00 GMT\+1 \(times in Europe\/Berlin\)/);
    const doc = JSON.parse(runBuilt(['report', dir, '--format', 'json']).stdout);
    expect(doc).toMatchObject({ generated_for: '2026-02-18T20:00:00.000Z', time_zone: 'America/Los_Angeles' });
    expect(runBuilt(['report', dir, '--tz', 'Mars/Base']).code).toBe(2);
  });

  it('labels say what they count: open items (not "pending"), breached open items vs closed late', () => {
    const out = runBuilt(['report', tempDir(FIXTURE_FILES)]).stdout;
    expect(out).toMatch(/queue\s+open\s+in 24h\s+SLA met\s+breached\s+late, closed\s+median age/);
    // The header's "1 breached" and the `all` row's breached column count the same open items.
    expect(out).toMatch(/^1 breached · /m);
    expect(out).toMatch(/\n\s+all\s+5\s+\d+\s+[\d.]+%\s+1\s+0\s/);
  });
});

describe('progress', () => {
  it('moves by bytes within one large file', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `s${i},avatar,a,2026-02-18T10:00:00Z,normal,pending,,,,,`);
    const dir = tempDir({ ...FIXTURE_FILES, 'review-submissions.csv': `id,asset_type,artist,submitted_at,priority,status,assignee,status_history,title,flags,notes\n${rows.join('\n')}\n` });
    const settings = loadSettings(dir, coreLoaders);
    const seen: [number, number][] = [];
    readQueueFiles(settings, { review: () => undefined, staging: () => undefined }, (done, total) => seen.push([done, total]));
    const total = seen[0]![1];
    const inside = seen.filter(([d]) => d > 0 && d < total);
    expect(inside.length).toBeGreaterThan(1);
    expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));
  });
});
