/**
 * Checks an HTML report in a real browser (Debian's chromium, headless, never a downloaded one):
 *
 *   npx tsx scripts/check-html-report.ts REPORT.html [--chromium /usr/bin/chromium]
 *
 * Fails (exit 1, one line per problem) when the page logs an error, throws, requests anything, runs a
 * script, has a chart whose SVG draws no mark or lacks its <title>, <desc> or text alternative — on screen
 * or in print. Writes REPORT.png (a full-page screenshot) beside the file either way.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** What the browser found: problems (empty when the page passes), the charts looked at, the screenshot. */
export interface HtmlCheckResult {
  problems: string[];
  charts: number;
  emptyFigures: number;
  screenshot: string;
}

interface FigureFacts {
  id: string;
  hasSvg: boolean;
  title: string;
  desc: string;
  labelledBy: string;
  marks: number;
  caption: string;
  tableRows: number;
  noData: string;
}

interface PageFacts {
  figures: FigureFacts[];
  straySvgs: number;
  scripts: number;
  csp: string;
}

// Runs in the page (plain JavaScript: this project compiles without the DOM's types): what each figure
// has, measured by the layout engine (getBBox), not by reading markup.
const COLLECT_FACTS = `(() => {
  const text = (el) => ((el && el.textContent) || '').trim();
  const drawn = (el) => {
    const b = el.getBBox();
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return false;
    // A flat line has no height, a vertical one no width; rects and circles need both.
    return el.tagName === 'path' ? b.width > 0 || b.height > 0 : b.width > 0 && b.height > 0;
  };
  const figures = [...document.querySelectorAll('figure.chart')].map((f) => {
    const svg = f.querySelector('svg[role="img"]');
    const labelledBy = (svg && svg.getAttribute('aria-labelledby')) || '';
    return {
      id: f.id || '(figure without id)',
      hasSvg: svg !== null,
      title: text(svg && svg.querySelector(':scope > title')),
      desc: text(svg && svg.querySelector(':scope > desc')),
      labelledBy: labelledBy.split(/\\s+/).filter(Boolean).map((id) => text(document.getElementById(id))).join(' '),
      marks: svg ? [...svg.querySelectorAll('rect, path, circle')].filter(drawn).length : 0,
      caption: text(f.querySelector('figcaption')),
      tableRows: f.querySelectorAll('table tbody tr').length,
      noData: text(f.querySelector('.no-data')),
    };
  });
  const straySvgs = [...document.querySelectorAll('svg')].filter((s) => !s.closest('figure.chart') || (s.getAttribute('role') !== 'img' && !s.closest('[aria-hidden="true"]'))).length;
  const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  return { figures, straySvgs, scripts: document.querySelectorAll('script').length, csp: (csp && csp.getAttribute('content')) || '' };
})()`;

function figureProblems(facts: PageFacts, media: string): string[] {
  const out: string[] = [];
  if (facts.figures.length === 0) out.push(`${media}: the page has no charts (figure.chart)`);
  for (const f of facts.figures) {
    if (!f.hasSvg) {
      if (!f.noData) out.push(`${media}: figure ${f.id} has neither a chart nor a "no data" text`);
      continue;
    }
    if (f.marks === 0) out.push(`${media}: chart ${f.id} is empty: its SVG draws no rect, path or circle with a size`);
    if (!f.title) out.push(`${media}: chart ${f.id}: the SVG has no <title>`);
    if (!f.desc) out.push(`${media}: chart ${f.id}: the SVG has no <desc>`);
    if (!f.labelledBy) out.push(`${media}: chart ${f.id}: aria-labelledby names no element with text (no accessible name)`);
    if (!f.caption && f.tableRows === 0) out.push(`${media}: chart ${f.id} has no text alternative (no figcaption and no data table)`);
  }
  if (facts.straySvgs > 0) out.push(`${media}: ${facts.straySvgs} SVG(s) outside a chart figure neither role="img" nor aria-hidden`);
  return out;
}

async function factsOf(page: Page): Promise<PageFacts> {
  return (await page.evaluate(COLLECT_FACTS)) as PageFacts;
}

/** Opens `file` in headless chromium and checks it; the screenshot is written beside it as `.png`. */
export async function checkHtmlReport(file: string, opts: { executablePath?: string } = {}): Promise<HtmlCheckResult> {
  const path = resolve(file);
  const screenshot = path.replace(/\.html?$/i, '') + '.png';
  const executablePath = opts.executablePath ?? DEFAULT_CHROMIUM;
  if (!existsSync(path)) return { problems: [`${file} does not exist`], charts: 0, emptyFigures: 0, screenshot };
  if (!existsSync(executablePath)) return { problems: [`no browser at ${executablePath} (apt-get install -y chromium)`], charts: 0, emptyFigures: 0, screenshot };
  const profile = mkdtempSync(join(tmpdir(), 'creator-desk-chromium-'));
  const problems: string[] = [];
  const url = pathToFileURL(path).href;
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: ARGS, viewport: { width: 1280, height: 900 }, timeout: 60_000 });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText ?? 'failed'})`));
    // The report loads nothing: any request besides the file itself (and data: URLs) is a problem.
    page.on('request', (r) => {
      if (r.url() !== url && !r.url().startsWith('data:')) problems.push(`the page requested ${r.url()}`);
    });
    const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    if (response && !response.ok()) problems.push(`loading ${url} gave status ${response.status()}`);
    const screen = await factsOf(page);
    if (screen.scripts > 0) problems.push(`the page has ${screen.scripts} <script> element(s); the report needs none`);
    if (!screen.csp.includes("default-src 'none'")) problems.push(`the page has no Content-Security-Policy meta with default-src 'none' (found: ${screen.csp || 'none'})`);
    problems.push(...figureProblems(screen, 'screen'));
    await page.screenshot({ path: screenshot, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    problems.push(...figureProblems(await factsOf(page), 'print'));
    return { problems, charts: screen.figures.filter((f) => f.hasSvg).length, emptyFigures: screen.figures.filter((f) => !f.hasSvg).length, screenshot };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  const at = argv.indexOf('--chromium');
  if (!file || file.startsWith('--') || (at >= 0 && !argv[at + 1])) {
    process.stderr.write('usage: npx tsx scripts/check-html-report.ts REPORT.html [--chromium PATH]\n');
    return 2;
  }
  const result = await checkHtmlReport(file, at >= 0 ? { executablePath: argv[at + 1] as string } : {});
  if (result.problems.length) {
    for (const p of result.problems) process.stderr.write(`check-html-report: ${file}: ${p}\n`);
    if (existsSync(result.screenshot)) process.stderr.write(`check-html-report: screenshot ${result.screenshot}\n`);
    return 1;
  }
  process.stdout.write(`check-html-report: ${file}: ok — ${result.charts} charts with marks and text alternatives, ${result.emptyFigures} "no data" figures, no console errors or requests; screenshot ${result.screenshot}\n`);
  return 0;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`check-html-report: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
