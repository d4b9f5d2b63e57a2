import { describe, expect, it } from 'vitest';
import { barChartLayout } from '../../../src/report/charts/bar-chart.js';
import type { BarChartSpec } from '../../../src/report/charts/chart-model.js';
import { figureToHtml } from '../../../src/report/charts/figure-html.js';
import { slaBurndownFigure, slaBurndownFigures } from '../../../src/report/charts/sla-burndown-figures.js';
import type { OpenItemBuckets } from '../../../src/review/open-item-buckets.js';
import { fixtureReport } from '../../helpers/fixture-report.js';

const buckets = (queue: string, sla: Partial<OpenItemBuckets['sla']>, offClock: Partial<OpenItemBuckets['offClock']> = {}): OpenItemBuckets => ({
  queue,
  sla: { breached: 0, under1h: 0, under4h: 0, under24h: 0, later: 0, paused: 0, ...sla },
  offClock: { noSla: 0, withTeam: 0, met: 0, ...offClock },
  ages: [0, 0, 0, 0, 0, 0, 0],
});

describe('SLA burn-down figures', () => {
  it('one bar per time-to-breach bucket, in order, with its count and colour; heights follow the counts', () => {
    const f = slaBurndownFigure(buckets('avatar', { breached: 3, under1h: 1, under24h: 6, paused: 2 }, { withTeam: 4 }));
    const chart = f.chart as BarChartSpec;
    expect(chart.bars.map((b) => [b.label, b.value, b.tone])).toEqual([
      ['breached', 3, 'red'],
      ['< 1h', 1, 'orange'],
      ['1–4h', 0, 'yellow'],
      ['4–24h', 6, 'blue'],
      ['later', 0, 'green'],
      ['paused', 2, 'grey'],
    ]);
    const heights = barChartLayout(chart).bars.map((b) => b.height);
    expect(heights[3]! / heights[0]!).toBeCloseTo(2);
    expect(heights[2]).toBe(0);
    expect(f.desc).toMatch(/^12 open items in the avatar queue by working time to SLA breach: 3 breached, 1 under 1 hour left, 0 1–4 hours left, 6 4–24 hours left/);
    expect(f.desc).toContain('Not charted: 4 with another team.');
    expect(f.table.rows).toContainEqual(['4–24h', '6']);
    const html = figureToHtml(f);
    expect(html.match(/<rect class="bar/g)).toHaveLength(4);
    expect(html).toContain('<table class="visually-hidden chart-data">');
  });

  it('a queue with nothing on the SLA clock shows its "no open items" text, not an empty chart', () => {
    const f = slaBurndownFigure(buckets('brand_award', {}, { noSla: 2 }));
    expect(f.chart).toBeUndefined();
    const html = figureToHtml(f);
    expect(html).not.toContain('<svg');
    expect(html).toContain('<p class="no-data" id="sla-brand-award-empty">No open brand_award items on the SLA clock</p>');
    expect(html).toContain('Not charted: 2 without an SLA policy.');
  });

  it("a report's figures: one per review queue from what the report builder counted; one 'no SLA' figure without policies", () => {
    const report = fixtureReport();
    const figures = slaBurndownFigures(report);
    expect(figures.map((f) => f.id)).toEqual(['sla-avatar', 'sla-community-award', 'sla-brand-award']);
    // The fixture: sub_late breached, sub_soon due soon, sub_ip fresh; sub_ai escalated (off the clock).
    const avatar = (figures[0]!.chart as BarChartSpec).bars;
    expect(avatar.reduce((n, b) => n + b.value, 0)).toBe(3);
    expect(avatar.find((b) => b.label === 'breached')?.value).toBe(report.review.stats.find((s) => s.queue === 'avatar')?.breachedOpen);
    expect(figures[2]!.chart).toBeUndefined();
    expect(figures[2]!.caption).toContain('1 with another team');
    const without = fixtureReport({ 'sla-policies.yaml': '' });
    expect(slaBurndownFigures({ ...without, review: { ...without.review, slaAvailable: false } }).map((f) => [f.id, f.emptyText])).toEqual([['sla-none', 'No SLA data: no SLA policies loaded']]);
  });
});
