import { z } from 'zod';
import { hintedObject } from '../readers/hinted-object.js';

const days = z.int('expected a whole number of days').min(1, 'at least 1 day').max(3650, 'at most 3650 days (10 years)');

/** The kinds of help content in the inventory. */
export const ARTICLE_KINDS = ['hca', 'tutorial', 'shop_page'] as const;
/** One of {@link ARTICLE_KINDS}. */
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/** `help_articles:` in creator-desk.yaml. */
export const helpArticleSettingsSchema = hintedObject({
  /** Days after its last review that an article is stale even if nothing in its area changed. */
  review_interval_days: days.default(180),
  /** Per-kind intervals overriding review_interval_days. */
  kinds: hintedObject({ hca: days.optional(), tutorial: days.optional(), shop_page: days.optional() }).default({}),
}).default({ review_interval_days: 180, kinds: {} });

/** Validated help-article settings. */
export type HelpArticleSettings = z.output<typeof helpArticleSettingsSchema>;

/** The review interval of an article of `kind`. */
export function reviewIntervalOf(settings: HelpArticleSettings, kind: ArticleKind): number {
  return settings.kinds[kind] ?? settings.review_interval_days;
}
