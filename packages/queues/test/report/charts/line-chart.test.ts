import { describe, expect, it } from 'vitest';
import type { LineChartSpec } from '../../../src/report/charts/chart-model.js';
import { lineChartLayout, renderLineChart } from '../../../src/report/charts/line-chart.js';

const spec: LineChartSpec = {
  kind: 'line',
  yLabel: 'κ',
  xLabels: ['W06', 'W07', 'W08', 'W09'],
  yMin: 0,
  yMax: 1,
  series: [
    { name: 'ana', values: [0.5, 1, null, 0.75] },
    { name: 'bo', values: [null, null, 0.25, null] },
  ],
  references: [{ value: 0.61, label: 'substantial' }],
};

describe('line chart', () => {
  it('places points evenly along x and by value along y, breaking the line at a null', () => {
    const l = lineChartLayout(spec);
    const [ana, bo] = l.series;
    expect(ana!.points.map((p) => p.value)).toEqual([0.5, 1, 0.75]);
    expect(l.xs[1]! - l.xs[0]!).toBeCloseTo(l.xs[3]! - l.xs[2]!);
    // y grows downwards: 1 is at the top, 0.5 half way down.
    expect(l.y(1)).toBeLessThan(l.y(0.5));
    expect(l.y(0.5) - l.y(1)).toBeCloseTo((l.y(0) - l.y(1)) / 2);
    expect(ana!.d.match(/M/g)).toHaveLength(2);
    expect(ana!.d.match(/L/g)).toHaveLength(1);
    expect(bo!.points).toHaveLength(1);
  });

  it('draws a path only for runs of two or more points, and a circle for every point', () => {
    const svg = renderLineChart(spec, { id: 'k', title: 'κ by week', desc: 'two contractors' });
    expect(svg.match(/<path class="line/g)).toHaveLength(1);
    expect(svg.match(/<circle class="point/g)).toHaveLength(4);
    expect(svg).toContain('class="reference"');
    expect(svg).toContain('>substantial</text>');
    expect(svg.match(/<text class="category"/g)).toHaveLength(4);
  });

  it('clamps values outside the range to its edge', () => {
    const l = lineChartLayout({ ...spec, series: [{ name: 'x', values: [2, -3, 0, 1] }] });
    const ys = l.series[0]!.points.map((p) => p.y);
    expect(ys[0]).toBe(ys[3]);
    expect(ys[1]).toBe(ys[2]);
  });
});
