import { readFileSync } from 'node:fs';
import { calendarDateOf } from '@creator-desk/core';
import type { InputProblem } from '../readers/problems.js';
import { tableFormatOf } from '../readers/table.js';
import { readModuleSettings, type QueueModule, type QueueModuleContext, type QueueModuleReport } from '../report/queue-module.js';
import { id, plain, section, user, type Cell } from '../report/section.js';
import { readHelpArticles, type HelpArticle } from './help-article-inventory.js';
import { helpArticleSettingsSchema, type ArticleKind } from './help-article-settings.js';
import { readProductChanges, type ProductChange } from './product-changes.js';
import { staleArticles, type StaleArticle } from './stale-articles.js';

const KIND_LABEL: Record<ArticleKind, string> = { hca: 'HCA', tutorial: 'tutorial', shop_page: 'shop page' };
const INVENTORY = /^help-articles/i;

/** Why an article is stale, in words. */
function reason(s: StaleArticle): string {
  const parts: string[] = [];
  if (s.change) parts.push(`${s.article.area} changed ${s.change.date}${s.change.description !== undefined ? ` (${s.change.description})` : ''}, after the review`);
  if (s.overAge) parts.push(`reviewed ${s.ageDays} days ago (interval ${s.intervalDays})`);
  return parts.join('; ');
}

function readText(path: string, problems: InputProblem[]): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    problems.push({ file: path, severity: 'error', message: `cannot read the file: ${e instanceof Error ? e.message : String(e)}` });
    return undefined;
  }
}

/** Builds the help-article freshness part of the report from the inventory and the product changes. */
export function buildHelpArticles(ctx: QueueModuleContext): QueueModuleReport {
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  const inputs: QueueModuleReport['inputs'] = [];
  const settings = readModuleSettings(ctx, 'help_articles', helpArticleSettingsSchema);
  problems.push(...settings.problems);
  const articles: HelpArticle[] = [];
  const changes: ProductChange[] = [];
  const tz = ctx.timeZone;
  let inventories = 0;
  for (const f of ctx.files) {
    const format = tableFormatOf(f.name);
    const raw = format === undefined ? undefined : readText(f.path, problems);
    if (format === undefined || raw === undefined) continue;
    // One module reads both lists; the file name says which a file is.
    if (INVENTORY.test(f.name)) {
      inventories++;
      // Named by path, as the core inputs are, so every problem of the report points at the same place.
      const r = readHelpArticles(raw, f.path, format, tz);
      problems.push(...r.problems);
      articles.push(...r.items);
      inputs.push({ file: f.path, kind: 'help articles', records: r.items.length });
    } else {
      const r = readProductChanges(raw, f.path, format, tz);
      problems.push(...r.problems);
      changes.push(...r.items);
      inputs.push({ file: f.path, kind: 'product changes', records: r.items.length });
    }
  }
  // The same id in two inventory files is the same article listed twice: keep the later review.
  const byId = new Map<string, HelpArticle>();
  for (const a of articles) {
    const prev = byId.get(a.id);
    if (prev !== undefined && prev.source.file !== a.source.file) {
      const [keep, drop] = a.lastReviewed >= prev.lastReviewed ? [a, prev] : [prev, a];
      problems.push({ file: drop.source.file, row: drop.source.row, ...(drop.source.line !== undefined ? { line: drop.source.line } : {}), field: 'id', severity: 'warning', message: `duplicate id ${JSON.stringify(a.id)}: ${keep.source.file} row ${keep.source.row} has the same or a later last_reviewed, so that row is used` });
      byId.set(a.id, keep);
    } else byId.set(a.id, a);
  }
  const today = calendarDateOf(ctx.now, tz);
  let stale: StaleArticle[] = [];
  if (!settings.ok) notes.push('help_articles: the settings have errors (see the input problems), so staleness was not computed');
  else if (inventories === 0) notes.push('help_articles: product changes but no help-articles*.csv|json inventory, so nothing can be stale');
  else {
    const r = staleArticles([...byId.values()], changes, settings.value, today);
    problems.push(...r.problems);
    stale = r.stale;
  }

  const row = (s: StaleArticle): Cell[] => [
    user(s.article.owner),
    id(s.article.id),
    user(s.article.title),
    plain(KIND_LABEL[s.article.kind]),
    user(s.article.area),
    plain(s.article.lastReviewed),
    user(reason(s)),
  ];
  const json = {
    settings: settings.value,
    settingsOk: settings.ok,
    today,
    counts: { articles: byId.size, changes: changes.length, stale: stale.length },
    stale: stale.map((s) => ({
      id: s.article.id,
      title: s.article.title,
      kind: s.article.kind,
      owner: s.article.owner,
      area: s.article.area,
      lastReviewed: s.article.lastReviewed,
      ageDays: s.ageDays,
      intervalDays: s.intervalDays,
      overAge: s.overAge,
      changedArea: s.change ? { date: s.change.date, id: s.change.id ?? null, description: s.change.description ?? null } : null,
      url: s.article.url ?? null,
    })),
  };
  const n = stale.length;
  return {
    name: 'help_articles',
    sections: (limit) => [
      section('Stale help articles', ['owner', 'article', 'title', 'kind', 'area', 'last reviewed', 'why'], stale, row, limit, settings.ok ? 'no stale help articles' : 'settings have errors: see input problems', ['area', 'kind']),
    ],
    json,
    headline: [`${n} stale help article${n === 1 ? '' : 's'}`],
    problems,
    notes,
    inputs,
  };
}

/** Help-article freshness: `help-articles*.csv|json` and `product-changes*.csv|json`, settings under `help_articles:`. */
export const helpArticlesModule: QueueModule = {
  name: 'help_articles',
  files: /^(?:help-articles|product-changes)[\w.-]*\.(?:csv|json)$/i,
  settingsKey: 'help_articles',
  build: buildHelpArticles,
};
