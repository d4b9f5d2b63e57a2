import { escapeHtml } from '../html/escape-html.js';
import { renderBarChart } from './bar-chart.js';
import type { DataTable, Figure, LineChartSpec } from './chart-model.js';
import { renderLineChart, seriesStyle } from './line-chart.js';

function dataTable(t: DataTable, caption: string): string {
  const head = t.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = t.rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`).join('');
  return `<table class="visually-hidden chart-data"><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

// The legend repeats what the data table says, so screen readers skip it.
function legend(spec: LineChartSpec): string {
  const items = spec.series.map((s, i) => {
    const { className, dash } = seriesStyle(i);
    const swatch = `<svg class="swatch" width="26" height="10" viewBox="0 0 26 10" aria-hidden="true"><line class="line ${className}" x1="1" x2="25" y1="5" y2="5"${dash ? ` stroke-dasharray="${dash}"` : ''}/><circle class="point ${className}" cx="13" cy="5" r="3"/></svg>`;
    return `<li>${swatch}${escapeHtml(s.name)}</li>`;
  });
  return `<ul class="legend" aria-hidden="true">${items.join('')}</ul>`;
}

/**
 * A figure of the HTML report: the chart as inline SVG (`role="img"` named by its `<title>` and
 * `<desc>`), a visible caption and the data as a visually hidden table; without a chart, the figure's
 * "no data" text in its place — never an empty SVG.
 */
export function figureToHtml(figure: Figure): string {
  // Builders make ids from fixed words; escaped anyway, since an id lands inside attributes.
  const f = { ...figure, id: escapeHtml(figure.id) };
  const caption = `<figcaption><strong>${escapeHtml(f.title)}</strong> ${escapeHtml(f.caption)}</figcaption>`;
  const table = f.table.rows.length ? dataTable(f.table, `Data: ${f.title}`) : '';
  if (!f.chart) {
    return `<figure class="chart chart-empty" id="${f.id}" aria-describedby="${f.id}-empty">${caption}<p class="no-data" id="${f.id}-empty">${escapeHtml(f.emptyText ?? 'No data')}</p>${table}</figure>`;
  }
  const a11y = { id: f.id, title: f.title, desc: f.desc };
  const svg = f.chart.kind === 'bar' ? renderBarChart(f.chart, a11y) : renderLineChart(f.chart, a11y);
  const key = f.chart.kind === 'line' ? legend(f.chart) : '';
  return `<figure class="chart" id="${f.id}">${caption}${svg}${key}${table}</figure>`;
}
