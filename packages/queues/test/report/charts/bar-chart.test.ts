import { describe, expect, it } from 'vitest';
import { barChartLayout, renderBarChart } from '../../../src/report/charts/bar-chart.js';
import type { BarChartSpec } from '../../../src/report/charts/chart-model.js';
import { niceCountAxis } from '../../../src/report/charts/scale.js';

const spec: BarChartSpec = {
  kind: 'bar',
  yLabel: 'open items',
  bars: [
    { label: 'breached', value: 4, tone: 'red' },
    { label: '< 1h', value: 0 },
    { label: '1–4h', value: 2 },
    { label: '<b>x</b>', value: 1 },
  ],
};

const rects = (svg: string) => [...svg.matchAll(/<rect class="bar tone-(\w+)" x="[\d.]+" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => ({ tone: m[1], y: Number(m[2]), width: Number(m[3]), height: Number(m[4]) }));

describe('niceCountAxis', () => {
  it('rounds the maximum up to a whole-number step of 1, 2 or 5 × 10ⁿ with at most four steps', () => {
    expect(niceCountAxis(0)).toEqual({ max: 1, step: 1 });
    expect(niceCountAxis(4)).toEqual({ max: 4, step: 1 });
    expect(niceCountAxis(7)).toEqual({ max: 8, step: 2 });
    expect(niceCountAxis(66)).toEqual({ max: 80, step: 20 });
    expect(niceCountAxis(97)).toEqual({ max: 100, step: 50 });
    expect(niceCountAxis(12345)).toEqual({ max: 15000, step: 5000 });
  });
});

describe('bar chart', () => {
  it('makes bar heights proportional to the values on the rounded axis, zero bars flat', () => {
    const l = barChartLayout(spec);
    expect(l.yMax).toBe(4);
    const [four, zero, two, one] = l.bars;
    expect(zero!.height).toBe(0);
    expect(two!.height).toBeCloseTo(four!.height / 2);
    expect(one!.height).toBeCloseTo(four!.height / 4);
    // Every bar stands on the baseline.
    for (const b of l.bars) expect(b.y + b.height).toBeCloseTo(l.baseline);
    expect(l.ticks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4]);
  });

  it('draws one rect per non-zero bar with its tone, the zero bar only as a label', () => {
    const svg = renderBarChart(spec, { id: 'c1', title: 'SLA burn-down: avatar', desc: '7 open items' });
    const r = rects(svg);
    expect(r).toHaveLength(3);
    expect(r.map((x) => x.tone)).toEqual(['red', 'blue', 'blue']);
    expect(r[0]!.height / r[1]!.height).toBeCloseTo(2, 1);
    expect(svg).toMatch(/<text class="value"[^>]*>0<\/text>/);
    expect(svg).toContain('role="img" aria-labelledby="c1-title c1-desc"');
    expect(svg).toContain('<title id="c1-title">SLA burn-down: avatar</title><desc id="c1-desc">7 open items</desc>');
    expect(svg).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
  });
});
