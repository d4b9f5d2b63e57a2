import { describe, expect, it } from 'vitest';
import type { LineChartSpec } from '../../../src/report/charts/chart-model.js';
import { figureToHtml } from '../../../src/report/charts/figure-html.js';
import { KAPPA_SERIES, KAPPA_WEEKS, kappaFigure } from '../../../src/report/charts/kappa-figure.js';
import { kappaByWeekFromReport, type KappaWeek } from '../../../src/report/charts/kappa-input.js';
import type { Report } from '../../../src/report/report-model.js';
import { fixtureReport, moduleReport } from '../../helpers/fixture-report.js';

const base = fixtureReport();
const withQa = (json: unknown): Report => ({ ...base, queues: [moduleReport('takedowns', { json: { kappa_by_week: [{ contractor: 'not qa' }] } }), moduleReport('qa', { json })] });

const weeks: KappaWeek[] = [
  { contractor: 'acme_ana', week: '2026-W06', kappa: 0.82, audited: 40 },
  { contractor: 'acme_ana', week: '2026-W07', kappa: 0.7, audited: 38 },
  { contractor: 'acme_ana', week: '2026-W08', kappa: 0.55, audited: 41 },
  { contractor: 'blue_bo', week: '2026-W07', kappa: null, audited: 4 },
  { contractor: 'blue_bo', week: '2026-W08', kappa: 0.9, audited: 30 },
];

describe('contractor κ by week: the QA queue contract (queues.qa.kappa_by_week)', () => {
  it('reads the qa module JSON part only, entry by entry, naming each entry it cannot use', () => {
    const input = kappaByWeekFromReport(
      withQa({
        kappa_by_week: [
          ...weeks,
          { contractor: 'x', week: '2026-W08', kappa: 1.4, audited: 10 },
          { contractor: 'y', week: '2026-W08', audited: 10 },
          { contractor: 'acme_ana', week: '2026-W08', kappa: 0.1, audited: 3 },
        ],
      }),
    );
    expect(input?.entries).toEqual(weeks);
    expect(input?.unreadable).toEqual([
      expect.stringMatching(/^kappa_by_week\[5\]\.kappa: .*1/),
      expect.stringMatching(/^kappa_by_week\[6\]\.kappa: /),
      'kappa_by_week[7]: a second entry for acme_ana in 2026-W08; the first is used',
    ]);
  });

  it('no qa queue, or one without kappa_by_week: no input; a non-array is named', () => {
    expect(kappaByWeekFromReport(base)).toBeUndefined();
    expect(kappaByWeekFromReport(withQa({ samples: 3 }))).toBeUndefined();
    expect(kappaByWeekFromReport(withQa({ kappa_by_week: 'soon' }))?.unreadable).toEqual(['kappa_by_week: expected an array of {contractor, week, kappa, audited}']);
  });
});

describe('contractor κ by week: the figure', () => {
  it('one line per contractor over the sorted weeks, a gap where κ is null, the Landis & Koch lines', () => {
    const f = kappaFigure({ entries: [...weeks].reverse(), unreadable: [] });
    const chart = f.chart as LineChartSpec;
    expect(chart.xLabels).toEqual(['2026-W06', '2026-W07', '2026-W08']);
    // Most audited first: ana (119) then bo (34).
    expect(chart.series.map((s) => [s.name, s.values])).toEqual([
      ['acme_ana', [0.82, 0.7, 0.55]],
      ['blue_bo', [null, null, 0.9]],
    ]);
    expect(chart.references?.map((r) => r.value)).toEqual([0.61, 0.8]);
    expect(chart.yMin).toBe(0);
    expect(f.desc).toContain('In 2026-W08: acme_ana 0.55, blue_bo 0.90. Below substantial agreement (0.61) in 2026-W08: acme_ana.');
    const html = figureToHtml(f);
    expect(html.match(/<circle class="point/g)).toHaveLength(4 + 2); // 4 points + 2 legend swatches
    expect(html.match(/<path class="line/g)).toHaveLength(1);
    expect(html).toContain('<td>n/a</td><td>4</td>');
  });

  it('a negative κ lowers the axis; more contractors and weeks than fit are cut, the table keeps them all', () => {
    const many: KappaWeek[] = [];
    for (let c = 0; c < KAPPA_SERIES + 2; c++) for (let w = 1; w <= KAPPA_WEEKS + 3; w++) many.push({ contractor: `c${String(c).padStart(2, '0')}`, week: `2026-W${String(w).padStart(2, '0')}`, kappa: c === 0 && w === 15 ? -0.3 : 0.7, audited: 100 - c });
    const f = kappaFigure({ entries: many, unreadable: [] });
    const chart = f.chart as LineChartSpec;
    expect(chart.series).toHaveLength(KAPPA_SERIES);
    expect(chart.xLabels).toHaveLength(KAPPA_WEEKS);
    expect(chart.xLabels[0]).toBe('2026-W04');
    expect(chart.yMin).toBe(-0.4);
    const ticks = [...figureToHtml(f).matchAll(/<text class="tick"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(ticks).toEqual(['-0.4', '-0.2', '0', '0.2', '0.4', '0.6', '0.8', '1']);
    expect(f.table.rows).toHaveLength(many.length);
    expect(f.caption).toContain(`all ${KAPPA_SERIES + 2} are in the data table`);
  });

  it('no QA data: "No contractor QA data" with a text alternative, never an empty chart', () => {
    const f = kappaFigure(undefined);
    expect(f.chart).toBeUndefined();
    const html = figureToHtml(f);
    expect(html).not.toContain('<svg');
    expect(html).toContain('<p class="no-data" id="kappa-by-week-empty">No contractor QA data</p>');
    expect(html).toContain('aria-describedby="kappa-by-week-empty"');
    expect(html).toContain('This report has no QA queue');
  });

  it('only null κ (too few audited everywhere): a "no κ yet" text, the weeks still in the table', () => {
    const f = kappaFigure({ entries: [{ contractor: 'a', week: '2026-W08', kappa: null, audited: 2 }], unreadable: ['kappa_by_week[1]: bad'] });
    expect(f.chart).toBeUndefined();
    expect(f.emptyText).toBe('No contractor κ yet: too few audited decisions');
    expect(f.caption).toContain('1 entry of the QA data could not be used: kappa_by_week[1]: bad');
    expect(figureToHtml(f)).toContain('<th scope="row">a</th><td>2026-W08</td><td>n/a</td><td>2</td>');
  });

  it('contractor names are escaped in the SVG, the legend and the table', () => {
    const html = figureToHtml(kappaFigure({ entries: [{ contractor: '<script>alert(1)</script>', week: '2026-W08', kappa: 0.5, audited: 9 }], unreadable: [] }));
    expect(html).not.toContain('<script');
    expect(html.match(/&lt;script&gt;alert\(1\)&lt;\/script&gt;/g)?.length).toBeGreaterThanOrEqual(3);
  });
});
