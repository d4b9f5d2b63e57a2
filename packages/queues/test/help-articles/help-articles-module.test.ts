import { describe, expect, it } from 'vitest';
import { helpArticlesModule } from '../../src/help-articles/help-articles-module.js';
import { coreLoaders } from '../../src/report/core-loaders.js';
import { reportFromDir } from '../../src/report/report-from-dir.js';
import { headlineParts } from '../../src/report/sections.js';
import { runModule } from '../helpers/queue-module.js';
import { tempDir } from '../helpers/temp-dir.js';

const now = new Date('2026-02-20T19:30:00Z'); // Fri 20 Feb, 11:30 in Los Angeles
const INV = 'id,title,kind,owner,last_reviewed,area';
const CHG = 'area,date,description';

interface StaleJson {
  id: string;
  owner: string;
  ageDays: number;
  overAge: boolean;
  changedArea: { date: string } | null;
}
const staleOf = (json: unknown): StaleJson[] => (json as { stale: StaleJson[] }).stale;
const staleIds = (json: unknown): string[] => staleOf(json).map((s) => s.id);

describe('help-article and tutorial freshness', () => {
  it('is stale when its area changed after the review; a change on the review day does not count, nor one not shipped yet', () => {
    const inventory = [
      INV,
      'hca-1,Getting paid,HCA,maya,2026-02-01,payouts',
      'hca-2,Payout schedule,HCA,maya,2026-02-10,payouts',
      'hca-3,Identity checks,HCA,omar,2026-02-01,verification',
    ].join('\n');
    const changes = [CHG, 'payouts,2026-02-10,Stripe Connect express accounts', 'verification,2026-03-02,Persona v2 (planned)'].join('\n');
    const r = runModule(helpArticlesModule, { 'help-articles.csv': inventory, 'product-changes.csv': changes }, now);
    expect(r.problems).toEqual([]);
    expect(staleIds(r.json)).toEqual(['hca-1']);
    expect(staleOf(r.json)[0]).toMatchObject({ changedArea: { date: '2026-02-10' }, overAge: false });
    const rows = r.sections(25)[0]?.rows ?? [];
    expect(rows[0]?.[6]).toEqual({ text: 'payouts changed 2026-02-10 (Stripe Connect express accounts), after the review', kind: 'user' });
    expect(r.headline).toEqual(['1 stale help article']);
  });

  it('is stale past its review interval, per kind; an area with no changes goes by age alone', () => {
    const inventory = [
      INV,
      'hca-10,Avatar sizes,HCA,omar,2025-08-24,onboarding',
      'hca-11,Layer order,HCA,omar,2025-08-23,onboarding',
      'tut-1,Your first avatar,tutorial,ines,2025-11-20,onboarding',
      'hca-12,Trait packs,HCA,ines,2025-11-20,onboarding',
    ].join('\n');
    const r = runModule(helpArticlesModule, { 'help-articles.csv': inventory }, now);
    // 180 days exactly is not yet past the 180-day interval; 181 is.
    expect(staleIds(r.json)).toEqual(['hca-11']);
    expect(staleOf(r.json)[0]).toMatchObject({ ageDays: 181, overAge: true, changedArea: null });
    const yaml = 'help_articles:\n  kinds:\n    tutorial: 90\n';
    const perKind = runModule(helpArticlesModule, { 'help-articles.csv': inventory, 'creator-desk.yaml': yaml }, now);
    expect(staleIds(perKind.json).sort()).toEqual(['hca-11', 'tut-1']);
    expect(perKind.sections(25)[0]?.rows.find((row) => row[1]?.text === 'tut-1')?.[6]?.text).toBe('reviewed 92 days ago (interval 90)');
  });

  it('lists stale articles by owner, oldest review first', () => {
    const inventory = [
      INV,
      'a,A,HCA,zoe,2025-01-01,shop',
      'b,B,shop page,maya,2025-03-01,shop',
      'c,C,Tutorial,maya,2025-02-01,shop',
      'd,D,HCA,ines,2025-06-01,shop',
    ].join('\n');
    const r = runModule(helpArticlesModule, { 'help-articles.csv': inventory }, now);
    expect(staleOf(r.json).map((s) => `${s.owner}:${s.id}`)).toEqual(['ines:d', 'maya:c', 'maya:b', 'zoe:a']);
    expect(r.sections(25)[0]?.rows.map((row) => row[3]?.text)).toEqual(['HCA', 'tutorial', 'shop page', 'HCA']);
  });

  it('warns about a change in an area no article has, with a did-you-mean', () => {
    const inventory = [INV, 'hca-1,Getting paid,HCA,maya,2026-02-01,payouts'].join('\n');
    const changes = [CHG, 'payout,2026-02-10,typo', 'avatar-shop,2026-02-11,new'].join('\n');
    const r = runModule(helpArticlesModule, { 'help-articles.csv': inventory, 'product-changes.csv': changes }, now);
    expect(r.problems).toEqual([
      { file: expect.stringMatching(/product-changes\.csv$/) as unknown, row: 1, line: 2, field: 'area', severity: 'warning', message: 'no article in the inventory has area "payout" — did you mean \'payouts\'?' },
      { file: expect.stringMatching(/product-changes\.csv$/) as unknown, row: 2, line: 3, field: 'area', severity: 'warning', message: 'no article in the inventory has area "avatar-shop"' },
    ]);
    expect(staleIds(r.json)).toEqual([]);
  });

  it('rejects a last_reviewed after today and bad rows, at their row; a duplicate id keeps the later review', () => {
    const inventory = [
      INV,
      'hca-1,Getting paid,HCA,maya,2026-03-01,payouts',
      'hca-2,Old copy,HCA,maya,2025-01-01,payouts',
      'hca-2,New copy,HCA,maya,2026-02-15,payouts',
      'hca-3,Bad kind,tutorail,maya,2026-02-01,payouts',
      'hca-4,Bad date,HCA,maya,2026-02-30,payouts',
      'hca-5,Old year,HCA,maya,1999-02-01,payouts',
    ].join('\n');
    const r = runModule(helpArticlesModule, { 'help-articles.csv': inventory }, now);
    expect(r.problems.map((p) => [p.row, p.field, p.severity, p.message])).toEqual([
      [4, 'kind', 'error', 'unknown kind "tutorail" — did you mean \'tutorial\'? (expected HCA, tutorial or shop page)'],
      [5, 'last_reviewed', 'error', expect.stringContaining('expected a date YYYY-MM-DD') as unknown],
      [6, 'last_reviewed', 'error', '1999-02-01 is before 2000-01-01: check the year'],
      [2, 'id', 'warning', expect.stringContaining('duplicate id "hca-2"') as unknown],
      [1, 'last_reviewed', 'error', 'article hca-1 was last reviewed on 2026-03-01, after today (2026-02-20): check the date'],
    ]);
    // The fresher hca-2 row is used, so it is not stale by age.
    expect(staleIds(r.json)).toEqual([]);
    expect((r.json as { counts: { articles: number } }).counts.articles).toBe(2);
  });

  it('an id in two inventory files is one article: the later review is used, the other row is a warning', () => {
    const a = [INV, 'hca-9,Old,HCA,maya,2025-01-02,payouts'].join('\n');
    const b = [INV, 'hca-9,New,HCA,maya,2026-02-18,payouts'].join('\n');
    const r = runModule(helpArticlesModule, { 'help-articles-a.csv': a, 'help-articles-b.csv': b }, now);
    expect(r.problems).toEqual([expect.objectContaining({ file: expect.stringMatching(/help-articles-a\.csv$/) as unknown, row: 1, field: 'id', severity: 'warning' })]);
    expect(staleIds(r.json)).toEqual([]);
  });

  it('reads JSON lists too, and reports a settings typo at its YAML line', () => {
    const inventory = JSON.stringify({ articles: [{ id: 'sp-1', title: 'Shop FAQ', kind: 'shop_page', owner: 'zoe', last_reviewed: '2026-01-05T17:00:00-08:00', area: 'shop' }] });
    const changes = JSON.stringify([{ area: 'Shop', date: '2026-01-06' }]);
    const r = runModule(helpArticlesModule, { 'help-articles.json': inventory, 'product-changes-2026.json': changes }, now);
    expect(r.problems).toEqual([]);
    expect(staleIds(r.json)).toEqual(['sp-1']);
    const yaml = 'now: 2026-02-20T19:30:00Z\nhelp_articles:\n  review_intervl_days: 90\n';
    const bad = runModule(helpArticlesModule, { 'help-articles.json': inventory, 'creator-desk.yaml': yaml }, now);
    expect(bad.problems).toEqual([
      expect.objectContaining({ line: 3, field: 'help_articles.review_intervl_days', severity: 'error', message: expect.stringContaining("did you mean 'review_interval_days'?") as unknown }),
    ]);
    expect(bad.sections(25)[0]?.emptyText).toBe('settings have errors: see input problems');
  });

  it('joins creator-desk report with its section and headline phrase', () => {
    const dir = tempDir({ 'help-articles.csv': [INV, 'hca-11,Layer order,HCA,omar,2025-08-23,onboarding'].join('\n') });
    const { report } = reportFromDir(dir, coreLoaders, { now, clock: () => now });
    expect(headlineParts(report)).toContain('1 stale help article');
    expect(report.queues.find((q) => q.name === 'help_articles')?.sections(25)[0]?.title).toBe('Stale help articles');
  });
});
