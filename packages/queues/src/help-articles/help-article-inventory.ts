import { closestName } from '@creator-desk/core';
import { z } from 'zod';
import { optionalTextSchema } from '../readers/fields.js';
import { readRecords, type ReadResult } from '../readers/read-records.js';
import type { ColumnSpec, TableFormat } from '../readers/table.js';
import type { SourceRef } from '../readers/validate-rows.js';
import { ARTICLE_KINDS, type ArticleKind } from './help-article-settings.js';
import { calendarDaySchema } from './calendar-day.js';

const text = (max: number) => z.string().trim().min(1, 'required value is missing').max(max, `at most ${max} characters`);

// Inventories spell kinds as people do: "HCA", "Tutorial", "shop page".
const kindSchema = z.string().transform((raw, ctx): ArticleKind => {
  const k = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if ((ARTICLE_KINDS as readonly string[]).includes(k)) return k as ArticleKind;
  const near = closestName(k, ARTICLE_KINDS);
  ctx.addIssue({ code: 'custom', message: `unknown kind ${JSON.stringify(raw)}${near === undefined ? '' : ` — did you mean '${near}'?`} (expected HCA, tutorial or shop page)` });
  return z.NEVER;
});

/** One row of the help-article inventory, its dates read on `timeZone`'s calendar. */
export function helpArticleRowSchema(timeZone: string) {
  return z
    .object({
      id: text(200),
      title: text(500),
      kind: kindSchema,
      owner: text(200),
      last_reviewed: calendarDaySchema(timeZone),
      area: text(200),
      url: optionalTextSchema,
    })
    .transform((r) => ({ id: r.id, title: r.title, kind: r.kind, owner: r.owner, lastReviewed: r.last_reviewed, area: r.area, url: r.url }));
}

/** The inventory's columns. */
export const HELP_ARTICLE_COLUMNS: ColumnSpec = {
  required: ['id', 'title', 'kind', 'owner', 'last_reviewed', 'area'],
  optional: ['url'],
};

/** An article of the inventory. */
export type HelpArticle = z.output<ReturnType<typeof helpArticleRowSchema>> & { source: SourceRef };

/**
 * Reads the help-article inventory (CSV, or JSON array / `{articles: [...]}`): bad rows are problems by
 * row; an id listed twice is a warning and the row reviewed later is used (the fresher inventory line).
 */
export function readHelpArticles(raw: string, file: string, format: TableFormat, timeZone: string): ReadResult<HelpArticle> {
  return readRecords(raw, file, format, ['articles', 'items'], helpArticleRowSchema(timeZone), HELP_ARTICLE_COLUMNS, (a) => Date.parse(`${a.lastReviewed}T00:00:00Z`));
}
