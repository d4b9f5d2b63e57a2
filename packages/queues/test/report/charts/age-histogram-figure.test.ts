import { describe, expect, it } from 'vitest';
import { ageHistogramFigure } from '../../../src/report/charts/age-histogram-figure.js';
import type { BarChartSpec } from '../../../src/report/charts/chart-model.js';
import { figureToHtml } from '../../../src/report/charts/figure-html.js';
import { fixtureReport } from '../../helpers/fixture-report.js';

describe('age histogram of open review items', () => {
  it('bars count every open item by age since submission; the data table splits them by queue', () => {
    const report = fixtureReport();
    const f = ageHistogramFigure(report);
    const bars = (f.chart as BarChartSpec).bars;
    // now 2026-02-18 20:00Z: sub_ip 2h, sub_ai 1h, sub_warn 21h, sub_soon 23h, sub_late 27h.
    expect(bars.map((b) => b.value)).toEqual([0, 2, 2, 1, 0, 0, 0]);
    expect(bars.reduce((n, b) => n + b.value, 0)).toBe(report.review.stats.find((s) => s.queue === 'all')?.pending);
    expect(f.table.columns).toEqual(['age', 'avatar', 'community_award', 'brand_award', 'all queues']);
    expect(f.table.rows[1]).toEqual(['1–4h', '1', '0', '1', '2']);
    expect(f.desc).toContain('5 open review items');
    expect(f.caption).toContain('1 older than a day');
  });

  it('with no open items: the "No open review items" text, no SVG', () => {
    const report = fixtureReport({ 'review-submissions.csv': 'id,asset_type,artist,submitted_at,priority,status\nsub_x,avatar,a,2026-02-18T10:00:00Z,normal,approved\n' });
    const f = ageHistogramFigure(report);
    expect(f.chart).toBeUndefined();
    const html = figureToHtml(f);
    expect(html).not.toContain('<svg');
    expect(html).toContain('No open review items');
  });
});
