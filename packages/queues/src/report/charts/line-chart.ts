import { escapeHtml } from '../html/escape-html.js';
import type { LineChartSpec } from './chart-model.js';
import { svgNumber } from './scale.js';

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 14, right: 96, bottom: 34, left: 44 };
/** Series are told apart by colour and by dash pattern, so the chart survives greyscale printing. */
export const SERIES_STYLES = 8;
const DASHES = ['', '6 3', '2 3', '8 3 2 3'];

/** Where the points of a line chart go, in SVG units (y grows downwards). */
export interface LineLayout {
  width: number;
  height: number;
  xs: number[];
  y: (value: number) => number;
  /** Per series: its path's `d` (one `M` per unbroken run) and its points. */
  series: { name: string; d: string; points: { x: number; y: number; value: number; title?: string }[] }[];
}

/** The geometry of a line chart: x labels evenly spaced, values clamped to the y range, a gap at each null. */
export function lineChartLayout(spec: LineChartSpec): LineLayout {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const span = spec.yMax - spec.yMin || 1;
  const xs = spec.xLabels.map((_, i) => MARGIN.left + ((i + 0.5) * plotW) / Math.max(1, spec.xLabels.length));
  const y = (v: number): number => MARGIN.top + ((spec.yMax - Math.min(spec.yMax, Math.max(spec.yMin, v))) / span) * plotH;
  const n = svgNumber;
  return {
    width: WIDTH,
    height: HEIGHT,
    xs,
    y,
    series: spec.series.map((s) => {
      const points: LineLayout['series'][number]['points'] = [];
      let d = '';
      let pen = false;
      s.values.forEach((v, i) => {
        const x = xs[i];
        if (v === null || x === undefined || !Number.isFinite(v)) {
          pen = false;
          return;
        }
        const title = s.pointTitles?.[i];
        points.push({ x, y: y(v), value: v, ...(title !== undefined ? { title } : {}) });
        d += `${pen ? 'L' : 'M'}${n(x)} ${n(y(v))}`;
        pen = true;
      });
      return { name: s.name, d, points };
    }),
  };
}

/**
 * A line chart as inline SVG: y gridlines, labelled reference lines, one `<path>` and a `<circle>` per
 * point for each series (a lone point between gaps still shows), the week labels below.
 */
export function renderLineChart(spec: LineChartSpec, a11y: { id: string; title: string; desc: string }): string {
  const l = lineChartLayout(spec);
  const n = svgNumber;
  const right = l.width - MARGIN.right;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg line-chart" viewBox="0 0 ${l.width} ${l.height}" role="img" aria-labelledby="${a11y.id}-title ${a11y.id}-desc">`);
  out.push(`<title id="${a11y.id}-title">${escapeHtml(a11y.title)}</title>`, `<desc id="${a11y.id}-desc">${escapeHtml(a11y.desc)}</desc>`);
  out.push('<g class="grid">');
  const step = spec.yStep && spec.yStep > 0 ? spec.yStep : (spec.yMax - spec.yMin) / 4 || 1;
  // At most 20 gridlines, whatever the step; the small epsilon keeps yMax itself despite float sums.
  const lines = Math.min(20, Math.floor((spec.yMax - spec.yMin) / step + 1e-9));
  for (let k = 0; k <= lines; k++) {
    const v = spec.yMin + k * step;
    out.push(`<line x1="${MARGIN.left}" x2="${right}" y1="${n(l.y(v))}" y2="${n(l.y(v))}"/>`);
    out.push(`<text class="tick" x="${MARGIN.left - 4}" y="${n(l.y(v) + 3)}" text-anchor="end">${n(v)}</text>`);
  }
  out.push('</g>');
  const mid = n(MARGIN.top + (l.y(spec.yMin) - MARGIN.top) / 2);
  out.push(`<text class="axis-label" x="10" y="${mid}" transform="rotate(-90 10 ${mid})" text-anchor="middle">${escapeHtml(spec.yLabel)}</text>`);
  for (const r of spec.references ?? []) {
    out.push(`<line class="reference" x1="${MARGIN.left}" x2="${right}" y1="${n(l.y(r.value))}" y2="${n(l.y(r.value))}"/>`);
    out.push(`<text class="reference-label" x="${right + 4}" y="${n(l.y(r.value) + 3)}">${escapeHtml(r.label)}</text>`);
  }
  // Every label fits up to 8 weeks; beyond that every other one, always the last.
  const every = l.xs.length > 8 ? 2 : 1;
  l.xs.forEach((x, i) => {
    if (i % every !== 0 && i !== l.xs.length - 1) return;
    out.push(`<text class="category" x="${n(x)}" y="${n(l.y(spec.yMin) + 16)}" text-anchor="middle">${escapeHtml(spec.xLabels[i] ?? '')}</text>`);
  });
  out.push('<g class="marks">');
  l.series.forEach((s, i) => {
    const { className: style, dash } = seriesStyle(i);
    if (s.d.includes('L')) out.push(`<path class="line ${style}" d="${s.d}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    for (const p of s.points) out.push(`<circle class="point ${style}" cx="${n(p.x)}" cy="${n(p.y)}" r="3.5"><title>${escapeHtml(p.title ?? `${s.name}: ${n(p.value)}`)}</title></circle>`);
  });
  out.push('</g>');
  out.push(`<line class="axis" x1="${MARGIN.left}" x2="${right}" y1="${n(l.y(spec.yMin))}" y2="${n(l.y(spec.yMin))}"/>`);
  out.push('</svg>');
  return out.join('');
}

/** The CSS class and dash pattern of series `i`, for a legend drawn outside the SVG. */
export function seriesStyle(i: number): { className: string; dash: string } {
  return { className: `series-${i % SERIES_STYLES}`, dash: DASHES[i % DASHES.length] ?? '' };
}
