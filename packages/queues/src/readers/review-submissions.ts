import { z } from 'zod';
import { canonical, createInterner, instantSchema, optionalTextSchema, readInstant, stringListSchema, utcSecondsMs } from './fields.js';
import { readRecords, type ReadResult, type RecordOptions } from './read-records.js';
import type { ColumnSpec, TableFormat } from './table.js';
import type { SourceRef } from './validate-rows.js';

export const assetTypes = ['avatar', 'community_award', 'brand_award'] as const;
export const reviewPriorities = ['low', 'normal', 'high', 'urgent'] as const;
/**
 * Review tool statuses. `pending` waits for a reviewer, `in_review` is claimed, `waiting_on_artist`
 * pauses the SLA, `escalated` is with another team; `approved`, `rejected`, `closed` are done.
 */
export const reviewStatuses = ['pending', 'in_review', 'waiting_on_artist', 'escalated', 'approved', 'rejected', 'closed'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
type StatusEntry = { status: ReviewStatus; at: Date };
export const closedReviewStatuses: ReadonlySet<ReviewStatus> = new Set(['approved', 'rejected', 'closed']);

const STATUS_SET: ReadonlySet<string> = new Set(reviewStatuses);
const canonicalStatus = canonical(reviewStatuses);
const canonicalAssetType = canonical(assetTypes);
const canonicalPriority = canonical(reviewPriorities);

/**
 * Status history: a JSON array of `{status, at}` or, in CSV, `status@instant` entries separated by `;`
 * (e.g. `pending@2026-03-09T17:05:00Z;in_review@2026-03-09T18:00:00Z`). Sorted by time on the way in.
 * Entries are checked by hand inside the schema: a nested zod parse per entry tripled the reader's cost.
 */
export const statusHistorySchema = z
  .union([z.string(), z.array(z.unknown())])
  .optional()
  .transform((value, ctx) => {
    if (typeof value === 'string') {
      const fast = plainHistory(value);
      if (fast) return sortedByTime(fast);
    }
    const out: StatusEntry[] = [];
    if (value === undefined) return out;
    const entries: unknown[] = typeof value === 'string' ? value.split(';') : value;
    entries.forEach((entry, i) => {
      let status: unknown;
      let at: unknown;
      if (typeof entry === 'string') {
        const atSign = entry.indexOf('@');
        if (atSign < 0) {
          if (entry.trim() === '') return;
          ctx.addIssue({ code: 'custom', path: [i], message: `expected status@instant, got ${JSON.stringify(entry.trim())}` });
          return;
        }
        status = entry.slice(0, atSign).trim();
        at = entry.slice(atSign + 1).trim();
      } else if (entry !== null && typeof entry === 'object') {
        status = (entry as Record<string, unknown>).status;
        at = (entry as Record<string, unknown>).at;
      } else {
        ctx.addIssue({ code: 'custom', path: [i], message: 'expected {status, at}' });
        return;
      }
      if (typeof status !== 'string' || !STATUS_SET.has(status)) {
        ctx.addIssue({ code: 'custom', path: [i, 'status'], message: `expected one of ${reviewStatuses.join(' | ')}, got ${JSON.stringify(status)}` });
        return;
      }
      const when = readInstant(at);
      if (typeof when === 'string') {
        ctx.addIssue({ code: 'custom', path: [i, 'at'], message: when });
        return;
      }
      out.push({ status: canonicalStatus(status as ReviewStatus), at: when });
    });
    return sortedByTime(out);
  });

function sortedByTime(out: StatusEntry[]): StatusEntry[] {
  for (let i = 1; i < out.length; i++) {
    if ((out[i] as StatusEntry).at < (out[i - 1] as StatusEntry).at) return out.sort((a, b) => a.at.getTime() - b.at.getTime());
  }
  return out;
}

/** The status spelled exactly at `cell[start, end)`, if any. */
function statusAt(cell: string, start: number, end: number): ReviewStatus | undefined {
  for (const s of reviewStatuses) if (s.length === end - start && cell.startsWith(s, start)) return s;
  return undefined;
}

/**
 * The history cell as exports write it — `status@YYYY-MM-DDTHH:MM:SSZ` entries joined by `;`, no spaces —
 * read in place without splitting it into strings; undefined for anything else (including any mistake),
 * which the general reader above then handles and reports.
 */
function plainHistory(cell: string): StatusEntry[] | undefined {
  const out: StatusEntry[] = [];
  for (let start = 0; start < cell.length; ) {
    let end = cell.indexOf(';', start);
    if (end < 0) end = cell.length;
    if (end > start) {
      const atSign = cell.indexOf('@', start);
      if (atSign < 0 || atSign > end || end - atSign !== 21) return undefined;
      const status = statusAt(cell, start, atSign);
      const ms = status === undefined ? undefined : utcSecondsMs(cell, atSign + 1);
      if (status === undefined || ms === undefined) return undefined;
      out.push({ status, at: new Date(ms) });
    }
    start = end + 1;
  }
  return out;
}

/**
 * One row of the review tool's export (CSV header or JSON keys in snake_case). Compiled ahead of time
 * (`z.compile`): valid rows take a generated fast path, invalid ones fall back to the ordinary parser, so
 * the issues reported are the same.
 */
export const reviewSubmissionRowSchema = z.compile(
  z
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
      assetType: canonicalAssetType(r.asset_type),
      artist: r.artist,
      submittedAt: r.submitted_at,
      priority: canonicalPriority(r.priority),
      status: canonicalStatus(r.status),
      assignee: r.assignee,
      statusHistory: r.status_history,
      title: r.title,
      flags: r.flags,
      notes: r.notes,
    })),
);

/** The review export's columns (the row schema's keys). */
export const REVIEW_COLUMNS: ColumnSpec = {
  required: ['id', 'asset_type', 'artist', 'submitted_at', 'status'],
  optional: ['priority', 'assignee', 'status_history', 'title', 'flags', 'notes'],
};

export type ReviewSubmission = z.output<typeof reviewSubmissionRowSchema> & { source: SourceRef };

export type { ReadResult } from './read-records.js';

/** A submission's status time: its latest status change (histories are sorted), else its submission. */
function statusTimeOf(s: { submittedAt: Date; statusHistory: readonly StatusEntry[] }): number {
  const last = s.statusHistory[s.statusHistory.length - 1];
  return Math.max(s.submittedAt.getTime(), last ? last.at.getTime() : 0);
}

/** Reads a review-tool export (CSV or JSON array / `{submissions: [...]}`), reporting bad rows by row and line. */
export function readReviewSubmissions(text: string | Uint8Array, file: string, format: TableFormat, opts: RecordOptions<ReviewSubmission> = {}): ReadResult<ReviewSubmission> & { records: number } {
  const intern = createInterner();
  return readRecords(text, file, format, ['submissions', 'items'], reviewSubmissionRowSchema, REVIEW_COLUMNS, statusTimeOf, (item) => {
    item.artist = intern(item.artist);
    if (item.assignee !== undefined) item.assignee = intern(item.assignee);
  }, opts);
}
