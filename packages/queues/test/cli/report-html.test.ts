import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { FIXTURE_FILES } from '../helpers/report-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('creator-desk report --format html', () => {
  it('prints the page to stdout without --out, with the same exit code as the other formats', async () => {
    const dir = tempDir(FIXTURE_FILES);
    const r = await cli(['report', dir, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(r.stdout).toContain('<h2 id="charts">At a glance</h2>');
    const bad = tempDir({ ...FIXTURE_FILES, 'review-submissions.csv': `${FIXTURE_FILES['review-submissions.csv']}sub_x,sticker,a,2026-02-18T10:00:00Z,normal,pending,,,,,\n` });
    const withErrors = await cli(['report', bad, '--format', 'html']);
    expect(withErrors.code).toBe(1);
    expect(withErrors.stdout).toContain('got &quot;sticker&quot;');
  });

  it('--out writes the page (and nothing to stdout); --limit cuts its lists', async () => {
    const dir = tempDir(FIXTURE_FILES);
    const out = join(dir, 'report.html');
    const r = await cli(['report', dir, '--format', 'html', '--out', out, '--limit', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`creator-desk report: wrote ${out}\n`);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('… and 1 more (--limit, or --format json for everything).');
  });

  it('rejects an unknown format and names the choices', async () => {
    const r = await cli(['report', tempDir(FIXTURE_FILES), '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Allowed choices are table, json, md, html/);
  });
});
