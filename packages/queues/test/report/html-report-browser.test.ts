import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkHtmlReport, DEFAULT_CHROMIUM } from '../../../../scripts/check-html-report.js';
import { reportToHtml } from '../../src/report/format-html.js';
import { runBuilt } from '../helpers/built-cli.js';
import { fixtureReport, moduleReport } from '../helpers/fixture-report.js';
import { FIXTURE_FILES } from '../helpers/report-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const hasChromium = existsSync(DEFAULT_CHROMIUM);
const title = `the HTML report in a real browser (headless ${DEFAULT_CHROMIUM})${hasChromium ? '' : ` — skipped: ${DEFAULT_CHROMIUM} is missing (apt-get install -y chromium)`}`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe.skipIf(!hasChromium)(title, () => {
  it('the built CLI writes report.html; the check script passes it and writes report.png beside it', () => {
    const dir = tempDir(FIXTURE_FILES);
    const out = join(dir, 'report.html');
    const r = runBuilt(['report', dir, '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    const check = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/check-html-report.ts'), out], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/ok — 3 charts with marks and text alternatives, 2 "no data" figures/);
    const png = readFileSync(join(dir, 'report.png'));
    expect(png.subarray(0, 4).equals(PNG)).toBe(true);
    expect(png.length).toBeGreaterThan(20_000);
  }, 180_000);

  it('hostile text and a QA queue: no console error (nothing ran, nothing was blocked), every chart drawn', async () => {
    const report = fixtureReport();
    report.notes.push('<script>alert(1)</script><img src="https://example.invalid/x.png">');
    report.queues.push(moduleReport('qa', { json: { kappa_by_week: [{ contractor: '<svg onload=alert(1)>', week: '2026-W07', kappa: 0.7, audited: 40 }, { contractor: '<svg onload=alert(1)>', week: '2026-W08', kappa: 0.5, audited: 44 }] } }));
    const file = join(tempDir(), 'hostile.html');
    writeFileSync(file, reportToHtml(report, { limit: 25 }));
    const result = await checkHtmlReport(file);
    expect(result.problems).toEqual([]);
    expect([result.charts, result.emptyFigures]).toEqual([4, 1]); // brand_award has nothing on the SLA clock
    expect(existsSync(join(file.replace(/\.html$/, '.png')))).toBe(true);
  }, 120_000);

  it('fails a page with a script, a request, an empty chart or a chart without its desc — and says which', async () => {
    const html = reportToHtml(fixtureReport(), { limit: 25 });
    const avatar = html.indexOf('<figure class="chart" id="sla-avatar">');
    const end = html.indexOf('</figure>', avatar);
    const emptied = html.slice(avatar, end).replace(/<rect [^>]*>.*?<\/rect>/g, '');
    const broken = (html.slice(0, avatar) + emptied + html.slice(end))
      .replace(/<desc id="age-histogram-desc">[^<]*<\/desc>/, '')
      .replace('</main>', '<script>document.title = "ran"</script><img src="https://example.invalid/x.png" alt=""></main>');
    const file = join(tempDir(), 'broken.html');
    writeFileSync(file, broken);
    const { problems } = await checkHtmlReport(file);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^console error: .*(script|Content Security Policy)/i),
        'the page has 1 <script> element(s); the report needs none',
        'screen: chart sla-avatar is empty: its SVG draws no rect, path or circle with a size',
        'print: chart sla-avatar is empty: its SVG draws no rect, path or circle with a size',
        'screen: chart age-histogram: the SVG has no <desc>',
      ]),
    );
    expect(problems.some((p) => /example\.invalid/.test(p))).toBe(true);
  }, 120_000);
});
