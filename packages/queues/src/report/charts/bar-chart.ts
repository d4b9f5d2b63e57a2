import { escapeHtml } from '../html/escape-html.js';
import type { BarChartSpec } from './chart-model.js';
import { niceCountAxis, svgNumber } from './scale.js';

const WIDTH = 360;
const HEIGHT = 210;
const MARGIN = { top: 18, right: 8, bottom: 34, left: 36 };

/** Where each bar of a bar chart goes, in SVG units (y grows downwards). */
export interface BarLayout {
  width: number;
  height: number;
  /** The y axis runs from 0 to this. */
  yMax: number;
  ticks: { value: number; y: number }[];
  bars: { label: string; value: number; x: number; y: number; width: number; height: number; tone?: string; labelX: number }[];
  baseline: number;
}

/** The geometry of a bar chart: bar heights proportional to their values on a rounded count axis. */
export function barChartLayout(spec: BarChartSpec): BarLayout {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const axis = niceCountAxis(Math.max(0, ...spec.bars.map((b) => b.value)));
  const band = plotW / Math.max(1, spec.bars.length);
  const baseline = MARGIN.top + plotH;
  const ticks: BarLayout['ticks'] = [];
  for (let v = 0; v <= axis.max; v += axis.step) ticks.push({ value: v, y: baseline - (v / axis.max) * plotH });
  return {
    width: WIDTH,
    height: HEIGHT,
    yMax: axis.max,
    ticks,
    baseline,
    bars: spec.bars.map((b, i) => {
      const h = (Math.max(0, b.value) / axis.max) * plotH;
      const x = MARGIN.left + i * band + band * 0.15;
      return { label: b.label, value: b.value, x, y: baseline - h, width: band * 0.7, height: h, labelX: MARGIN.left + (i + 0.5) * band, ...(b.tone ? { tone: b.tone } : {}) };
    }),
  };
}

/**
 * A bar chart as inline SVG: gridlines with count labels, one `<rect>` per non-zero bar (a zero is a
 * label on the baseline, not an invisible mark), the value above each bar and the category below.
 * `title` and `desc` become the SVG's accessible name and description.
 */
export function renderBarChart(spec: BarChartSpec, a11y: { id: string; title: string; desc: string }): string {
  const l = barChartLayout(spec);
  const n = svgNumber;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg bar-chart" viewBox="0 0 ${l.width} ${l.height}" role="img" aria-labelledby="${a11y.id}-title ${a11y.id}-desc">`);
  out.push(`<title id="${a11y.id}-title">${escapeHtml(a11y.title)}</title>`, `<desc id="${a11y.id}-desc">${escapeHtml(a11y.desc)}</desc>`);
  out.push('<g class="grid">');
  for (const t of l.ticks) {
    out.push(`<line x1="${MARGIN.left}" x2="${l.width - MARGIN.right}" y1="${n(t.y)}" y2="${n(t.y)}"/>`);
    out.push(`<text class="tick" x="${MARGIN.left - 4}" y="${n(t.y + 3)}" text-anchor="end">${t.value}</text>`);
  }
  out.push('</g>');
  out.push(`<text class="axis-label" x="10" y="${n(MARGIN.top + (l.baseline - MARGIN.top) / 2)}" transform="rotate(-90 10 ${n(MARGIN.top + (l.baseline - MARGIN.top) / 2)})" text-anchor="middle">${escapeHtml(spec.yLabel)}</text>`);
  out.push('<g class="marks">');
  for (const b of l.bars) {
    if (b.height > 0) out.push(`<rect class="bar tone-${b.tone ?? 'blue'}" x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}"><title>${escapeHtml(`${b.label}: ${b.value}`)}</title></rect>`);
    out.push(`<text class="value" x="${n(b.labelX)}" y="${n(b.y - 4)}" text-anchor="middle">${b.value}</text>`);
    out.push(`<text class="category" x="${n(b.labelX)}" y="${n(l.baseline + 16)}" text-anchor="middle">${escapeHtml(b.label)}</text>`);
  }
  out.push('</g>');
  out.push(`<line class="axis" x1="${MARGIN.left}" x2="${l.width - MARGIN.right}" y1="${n(l.baseline)}" y2="${n(l.baseline)}"/>`);
  out.push('</svg>');
  return out.join('');
}
