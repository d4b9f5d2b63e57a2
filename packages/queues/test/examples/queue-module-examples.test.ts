import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELP_ARTICLE_SETTINGS_YAML, helpArticlesCsv, productChangesCsv } from '../../../../scripts/examples/help-articles.js';
import { TAKEDOWN_SETTINGS_YAML, takedownLogCsv } from '../../../../scripts/examples/takedowns.js';
import { helpArticlesModule } from '../../src/help-articles/help-articles-module.js';
import { takedownsModule } from '../../src/takedowns/takedowns-module.js';
import { runModule } from '../helpers/queue-module.js';

const examples = (name: string): string => readFileSync(new URL(`../../../../examples/${name}`, import.meta.url), 'utf8');
const now = new Date('2026-02-20T19:30:00Z');

describe('the example week: takedowns and help articles', () => {
  it('regenerates byte for byte, settings appended to creator-desk.yaml', () => {
    expect(takedownLogCsv()).toBe(examples('takedown-log.csv'));
    expect(helpArticlesCsv()).toBe(examples('help-articles.csv'));
    expect(productChangesCsv()).toBe(examples('product-changes.csv'));
    expect(examples('creator-desk.yaml')).toContain(TAKEDOWN_SETTINGS_YAML);
    expect(examples('creator-desk.yaml')).toContain(HELP_ARTICLE_SETTINGS_YAML);
  });

  it('shows the cases the generator promises, with no input problems', () => {
    const files = { 'takedown-log.csv': examples('takedown-log.csv'), 'creator-desk.yaml': examples('creator-desk.yaml') };
    const r = runModule(takedownsModule, files, now);
    expect(r.problems).toEqual([]);
    const cases = (r.json as { cases: { id: string; state: string; deadline: string | null; overdue: boolean; restoreOpensAt: string | null }[] }).cases;
    const byId = new Map(cases.map((c) => [c.id, c]));
    // Counter-notice Fri 13 Feb 09:40 PST: 10 and 14 business days over Presidents' Day.
    expect(byId.get('TD-2026-014')).toMatchObject({ state: 'restore_window', restoreOpensAt: '2026-03-02T17:40:00.000Z', deadline: '2026-03-06T17:40:00.000Z', overdue: false });
    expect(byId.get('TD-2026-009')).toMatchObject({ overdue: true });
    expect(byId.get('TD-2026-012')?.state).toBe('retracted_implied');
    expect(r.headline).toEqual(['1 takedown deadline overdue', '1 termination review']);
    expect(r.sections(25)[1]?.rows[0]?.[0]?.text).toBe('pastel_fox');
  });

  it('has twenty articles, four of them stale', () => {
    const files = { 'help-articles.csv': examples('help-articles.csv'), 'product-changes.csv': examples('product-changes.csv'), 'creator-desk.yaml': examples('creator-desk.yaml') };
    const r = runModule(helpArticlesModule, files, now);
    expect(r.problems).toEqual([]);
    expect((r.json as { counts: { articles: number } }).counts.articles).toBe(20);
    expect((r.json as { stale: { id: string }[] }).stale.map((s) => s.id)).toEqual(['tut-201', 'hca-101', 'hca-120', 'shop-301']);
    expect(r.headline).toEqual(['4 stale help articles']);
  });
});
