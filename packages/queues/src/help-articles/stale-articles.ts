import { closestName } from '@creator-desk/core';
import type { InputProblem } from '../readers/problems.js';
import { daysBetween } from './calendar-day.js';
import type { HelpArticle } from './help-article-inventory.js';
import { reviewIntervalOf, type HelpArticleSettings } from './help-article-settings.js';
import type { ProductChange } from './product-changes.js';

/** Why an article is stale: its area changed after the review, it is past its interval, or both. */
export interface StaleArticle {
  article: HelpArticle;
  /** The latest change of its area after the last review (up to today). */
  change: ProductChange | undefined;
  /** Days since the last review. */
  ageDays: number;
  intervalDays: number;
  /** True when `ageDays` exceeds the kind's review interval. */
  overAge: boolean;
}

const key = (area: string): string => area.trim().toLowerCase();
const where = (s: ProductChange['source']): Pick<InputProblem, 'file' | 'row' | 'line'> => ({ file: s.file, row: s.row, ...(s.line !== undefined ? { line: s.line } : {}) });

/**
 * The stale articles at calendar day `today`, by owner then oldest review. A change on the day of the
 * review does not make the article stale (the review is taken to have seen that day's change); changes
 * dated after today are planned, not shipped, and do not count yet. Areas match case-insensitively.
 * An article reviewed after today is an error (it is left out: its age is unknowable); a change in an
 * area no article has is a warning (a typo'd area would otherwise silently mark nothing stale).
 */
export function staleArticles(articles: readonly HelpArticle[], changes: readonly ProductChange[], settings: HelpArticleSettings, today: string): { stale: StaleArticle[]; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const areas = new Map<string, string>();
  for (const a of articles) areas.set(key(a.area), a.area);
  const latest = new Map<string, ProductChange>();
  for (const c of changes) {
    const k = key(c.area);
    if (!areas.has(k)) {
      const near = closestName(k, areas.keys());
      problems.push({ ...where(c.source), field: 'area', severity: 'warning', message: `no article in the inventory has area ${JSON.stringify(c.area)}${near === undefined ? '' : ` — did you mean '${areas.get(near) ?? near}'?`}` });
      continue;
    }
    if (c.date > today) continue;
    const prev = latest.get(k);
    if (prev === undefined || c.date > prev.date) latest.set(k, c);
  }
  const stale: StaleArticle[] = [];
  for (const a of articles) {
    if (a.lastReviewed > today) {
      problems.push({ ...where(a.source), field: 'last_reviewed', severity: 'error', message: `article ${a.id} was last reviewed on ${a.lastReviewed}, after today (${today}): check the date` });
      continue;
    }
    const c = latest.get(key(a.area));
    const change = c !== undefined && c.date > a.lastReviewed ? c : undefined;
    const ageDays = daysBetween(a.lastReviewed, today);
    const intervalDays = reviewIntervalOf(settings, a.kind);
    const overAge = ageDays > intervalDays;
    if (change !== undefined || overAge) stale.push({ article: a, change, ageDays, intervalDays, overAge });
  }
  stale.sort((x, y) => x.article.owner.localeCompare(y.article.owner) || x.article.lastReviewed.localeCompare(y.article.lastReviewed) || x.article.id.localeCompare(y.article.id));
  return { stale, problems };
}
