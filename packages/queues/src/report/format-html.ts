import { ageHistogramFigure } from './charts/age-histogram-figure.js';
import { figureToHtml } from './charts/figure-html.js';
import { kappaFigure } from './charts/kappa-figure.js';
import { kappaByWeekFromReport } from './charts/kappa-input.js';
import { slaBurndownFigures } from './charts/sla-burndown-figures.js';
import { escapeHtml } from './html/escape-html.js';
import { REPORT_CSS } from './html/report-css.js';
import type { Report } from './report-model.js';
import { headlineParts, reportSections, shortTime } from './sections.js';
import type { Cell, Section } from './section.js';

/** No scripts, no network: only the inline style sheet and data: images may load. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function cellHtml(c: Cell): string {
  const classes = [c.kind === 'user' ? 'user' : '', c.tone ? `tone-${c.tone}` : ''].filter(Boolean).join(' ');
  const text = escapeHtml(c.text);
  return `<td${classes ? ` class="${classes}"` : ''}>${c.kind === 'id' ? `<code>${text}</code>` : text}</td>`;
}

function sectionHtml(s: Section, i: number): string {
  const id = `section-${i}`;
  const head = `<h2 id="${id}">${escapeHtml(s.title)} <span class="count">(${s.total})</span></h2>`;
  if (s.total === 0) return `<section aria-labelledby="${id}">${head}<p class="empty">${escapeHtml(s.emptyText)}</p></section>`;
  const columns = s.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const rows = s.rows.map((r) => `<tr>${r.map(cellHtml).join('')}</tr>`).join('\n');
  const more = s.omitted > 0 ? `<p class="omitted">… and ${s.omitted} more (--limit, or --format json for everything).</p>` : '';
  return `<section aria-labelledby="${id}">${head}<table class="report" aria-labelledby="${id}"><thead><tr>${columns}</tr></thead><tbody>\n${rows}\n</tbody></table>${more}</section>`;
}

function listSection(id: string, title: string, items: string[]): string {
  if (items.length === 0) return '';
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(title)}</h2><ul class="plain">${items.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul></section>`;
}

function inputsSection(report: Report): string {
  if (report.inputs.length === 0) return '';
  const rows = report.inputs.map((i) => `<tr><td class="user">${escapeHtml(i.file)}</td><td>${escapeHtml(i.kind)}</td><td>${i.records}</td></tr>`).join('');
  return `<section aria-labelledby="inputs"><h2 id="inputs">Inputs <span class="count">(${report.inputs.length})</span></h2><table class="report" aria-labelledby="inputs"><thead><tr><th scope="col">file</th><th scope="col">kind</th><th scope="col">records</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

const CHARTS_INTRO =
  'SLA burn-down: the open items of each review queue by working time left before their SLA breaches, as the policy’s business calendar counts it (paused: waiting on the artist; items with another team or without a policy are not charted). ' +
  'Age: every open review item by calendar time since submission. Each chart’s numbers are also in a table for screen readers.';

function figuresHtml(report: Report): string {
  const sla = slaBurndownFigures(report).map(figureToHtml);
  const ages = figureToHtml(ageHistogramFigure(report));
  const kappa = figureToHtml(kappaFigure(kappaByWeekFromReport(report)));
  return `<section aria-labelledby="charts"><h2 id="charts">At a glance</h2><p class="intro">${escapeHtml(CHARTS_INTRO)}</p><div class="figures">${sla.join('')}${ages}<div class="wide">${kappa}</div></div></section>`;
}

/**
 * The report as one self-contained HTML page to open offline or print: the headline, charts as inline
 * SVG (SLA burn-down per review queue, age of open items, contractor κ by week) with text alternatives,
 * the same sections as the other formats, notes and inputs. Every text from the inputs is escaped, and
 * the page's CSP forbids scripts and every network request.
 */
export function reportToHtml(report: Report, opts: { limit: number }): string {
  const when = shortTime(report.now, report.timeZone);
  const headline = headlineParts(report)
    .map((p) => `<li${/^0 /.test(p) ? ' class="zero"' : ''}>${escapeHtml(p)}</li>`)
    .join('');
  const sections = reportSections(report, opts.limit).map(sectionHtml).join('\n');
  const written = report.retries.written.map((f) => `wrote ${f}`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>creator-desk report — ${escapeHtml(when)}</title>
<link rel="icon" href="data:,">
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>creator-desk report</h1>
<p class="meta">${escapeHtml(report.dir)} · now ${escapeHtml(when)} · times in ${escapeHtml(report.timeZone)}</p>
<ul class="headline" aria-label="Summary">${headline}</ul>
</header>
<main>
${figuresHtml(report)}
${sections}
${listSection('notes', 'Notes', report.notes)}
${inputsSection(report)}
${listSection('written', 'Written this run', written)}
</main>
<footer>Generated by creator-desk for ${escapeHtml(report.now.toISOString())}. This file loads nothing from the network.</footer>
</body>
</html>
`;
}
