import { z } from 'zod';
import { createInterner, instantSchema, optionalTextSchema } from '../readers/fields.js';
import { readRecords, type ReadResult } from '../readers/read-records.js';
import type { ColumnSpec, TableFormat } from '../readers/table.js';
import type { SourceRef } from '../readers/validate-rows.js';

/** Inquiry files: `inquiries*.csv|json`. */
export const INQUIRY_FILES = /^inquiries[^/]*\.(?:csv|json)$/i;

/** Statuses of the shared inbox: open/pending wait for us (pending: a reply was started), answered/closed do not. */
export const INQUIRY_STATUSES = ['open', 'pending', 'answered', 'closed'] as const;

const FIRST = Date.UTC(2000, 0, 1);
const LAST = Date.UTC(2100, 0, 1);
// A far date is a typo; the business-hours clock would otherwise build a calendar out to it.
const boundedInstant = instantSchema.refine((d) => d.getTime() >= FIRST && d.getTime() < LAST, { message: 'expected a time between 2000 and 2099' });

/** One row of the contractor inbox export. */
export const inquiryRowSchema = z
  .object({
    id: z.string().trim().min(1).max(100),
    contractor: z.string().trim().min(1).max(100),
    received_at: boundedInstant,
    subject: z.string().trim().max(500),
    body: optionalTextSchema,
    status: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(INQUIRY_STATUSES)),
    answered_at: z.preprocess((v) => (v === '' || v === null ? undefined : v), boundedInstant.optional()),
    thread: optionalTextSchema,
  })
  .superRefine((r, ctx) => {
    if (r.answered_at && r.answered_at < r.received_at) ctx.addIssue({ code: 'custom', path: ['answered_at'], message: `answered_at ${r.answered_at.toISOString()} is before received_at ${r.received_at.toISOString()}` });
  })
  .transform((r) => ({
    id: r.id,
    contractor: r.contractor,
    receivedAt: r.received_at,
    subject: r.subject,
    body: r.body,
    status: r.status,
    answeredAt: r.answered_at,
    /** The conversation the message belongs to (follow-ups share it); the id when the export has none. */
    thread: r.thread ?? r.id,
  }));

/** The export's columns. */
export const INQUIRY_COLUMNS: ColumnSpec = { required: ['id', 'contractor', 'received_at', 'subject', 'status'], optional: ['body', 'answered_at', 'thread'] };

export type Inquiry = z.output<typeof inquiryRowSchema> & { source: SourceRef };

/** Reads an inquiry export (CSV, or JSON array / `{inquiries: [...]}`), bad rows reported with row and line. */
export function readInquiries(text: string, file: string, format: TableFormat): ReadResult<Inquiry> & { records: number } {
  const intern = createInterner();
  return readRecords(text, file, format, ['inquiries', 'items'], inquiryRowSchema, INQUIRY_COLUMNS, (i) => (i.answeredAt ?? i.receivedAt).getTime(), (i) => {
    i.contractor = intern(i.contractor);
  });
}
