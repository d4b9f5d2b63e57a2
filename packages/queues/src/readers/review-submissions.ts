import { z } from 'zod';
import { instantSchema, optionalTextSchema, stringListSchema } from './fields.js';
import type { InputProblem } from './problems.js';
import { parseTable, type TableFormat } from './table.js';
import { validateRows, type SourceRef } from './validate-rows.js';

export const assetTypes = ['avatar', 'community_award', 'brand_award'] as const;
export const reviewPriorities = ['low', 'normal', 'high', 'urgent'] as const;
/**
 * Review tool statuses. `pending` waits for a reviewer, `in_review` is claimed, `waiting_on_artist`
 * pauses the SLA, `escalated` is with another team; `approved`, `rejected`, `closed` are done.
 */
export const reviewStatuses = ['pending', 'in_review', 'waiting_on_artist', 'escalated', 'approved', 'rejected', 'closed'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
export const closedReviewStatuses: ReadonlySet<ReviewStatus> = new Set(['approved', 'rejected', 'closed']);

const statusChangeSchema = z.object({ status: z.enum(reviewStatuses), at: instantSchema });

const STATUS_CHANGE = /^\s*([a-z_]+)\s*@\s*(\S+)\s*$/;

/**
 * Status history: a JSON array of `{status, at}` or, in CSV, `status@instant` entries separated by `;`
 * (e.g. `pending@2026-03-09T17:05:00Z;in_review@2026-03-09T18:00:00Z`). Sorted by time on the way in.
 */
export const statusHistorySchema = z
  .union([z.array(z.unknown()), z.string()])
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return [];
    const entries: unknown[] =
      typeof value === 'string'
        ? value
            .split(';')
            .filter((s) => s.trim() !== '')
            .map((s) => {
              const m = STATUS_CHANGE.exec(s);
              return m ? { status: m[1], at: m[2] } : s;
            })
        : value;
    const out: { status: ReviewStatus; at: Date }[] = [];
    entries.forEach((entry, i) => {
      if (typeof entry === 'string') {
        ctx.addIssue({ code: 'custom', path: [i], message: `expected status@instant, got ${JSON.stringify(entry.trim())}` });
        return;
      }
      const r = statusChangeSchema.safeParse(entry);
      if (r.success) out.push(r.data);
      else for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', path: [i, ...issue.path], message: issue.message });
    });
    return out.sort((a, b) => a.at.getTime() - b.at.getTime());
  });

/** One row of the review tool's export (CSV header or JSON keys in snake_case). */
export const reviewSubmissionRowSchema = z
  .object({
    id: z.string().trim().min(1),
    asset_type: z.enum(assetTypes),
    artist: z.string().trim().min(1),
    submitted_at: instantSchema,
    priority: z.enum(reviewPriorities).default('normal'),
    status: z.enum(reviewStatuses),
    assignee: optionalTextSchema,
    status_history: statusHistorySchema,
    title: optionalTextSchema,
    flags: stringListSchema,
    notes: optionalTextSchema,
  })
  .transform((r) => ({
    id: r.id,
    assetType: r.asset_type,
    artist: r.artist,
    submittedAt: r.submitted_at,
    priority: r.priority,
    status: r.status,
    assignee: r.assignee,
    statusHistory: r.status_history,
    title: r.title,
    flags: r.flags,
    notes: r.notes,
  }));

export type ReviewSubmission = z.output<typeof reviewSubmissionRowSchema> & { source: SourceRef };

export interface ReadResult<T> {
  items: T[];
  problems: InputProblem[];
}

/** Reads a review-tool export (CSV or JSON array / `{submissions: [...]}`), reporting bad rows by row and line. */
export function readReviewSubmissions(text: string, file: string, format: TableFormat): ReadResult<ReviewSubmission> {
  const table = parseTable(text, file, format, ['submissions', 'items']);
  const validated = validateRows(table.rows, reviewSubmissionRowSchema, file);
  const problems = [...table.problems, ...validated.problems];
  const seen = new Map<string, SourceRef>();
  const items: ReviewSubmission[] = [];
  for (const item of validated.items) {
    const first = seen.get(item.id);
    if (first) {
      problems.push({
        file,
        row: item.source.row,
        ...(item.source.line !== undefined ? { line: item.source.line } : {}),
        field: 'id',
        severity: 'error',
        message: `duplicate id ${JSON.stringify(item.id)} (first at row ${first.row}); this row was not used`,
      });
      continue;
    }
    seen.set(item.id, item.source);
    items.push(item);
  }
  return { items, problems };
}
