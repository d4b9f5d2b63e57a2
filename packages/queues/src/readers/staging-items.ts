import { z } from 'zod';
import { countSchema, createInterner, instantSchema, optionalTextSchema } from './fields.js';
import { readRecords, type ReadResult, type RecordOptions } from './read-records.js';
import type { ColumnSpec, TableFormat } from './table.js';
import type { SourceRef } from './validate-rows.js';

/** One row of the staging pipeline export (CSV header or JSON keys in snake_case), compiled like the review row. */
export const stagingItemRowSchema = z.compile(
  z
    .object({
      id: z.string().trim().min(1),
      stage: z.string().trim().min(1),
      entered_at: instantSchema,
      heartbeat_at: instantSchema.optional(),
      attempts: countSchema.default(0),
      last_error: optionalTextSchema,
      submission_id: optionalTextSchema,
      artist: optionalTextSchema,
      failed_stage: optionalTextSchema,
    })
    .transform((r) => ({
      id: r.id,
      stage: r.stage,
      enteredAt: r.entered_at,
      heartbeatAt: r.heartbeat_at,
      attempts: r.attempts,
      lastError: r.last_error,
      submissionId: r.submission_id,
      artist: r.artist,
      /** For an item in a failed stage: the stage it failed in (the one a retry reruns). */
      failedStage: r.failed_stage,
    })),
);

/** The staging export's columns (the row schema's keys). */
export const STAGING_COLUMNS: ColumnSpec = {
  required: ['id', 'stage', 'entered_at'],
  optional: ['heartbeat_at', 'attempts', 'last_error', 'submission_id', 'artist', 'failed_stage'],
};

export type StagingItem = z.output<typeof stagingItemRowSchema> & { source: SourceRef };

/** A staging item's status time: its last heartbeat, or when it entered its stage. */
function statusTimeOf(item: { enteredAt: Date; heartbeatAt: Date | undefined }): number {
  return Math.max(item.enteredAt.getTime(), item.heartbeatAt ? item.heartbeatAt.getTime() : 0);
}

/** Reads a staging pipeline export (CSV or JSON array / `{items: [...]}`), reporting bad rows by row and line. */
export function readStagingItems(text: string | Uint8Array, file: string, format: TableFormat, opts: RecordOptions<StagingItem> = {}): ReadResult<StagingItem> & { records: number } {
  const intern = createInterner();
  return readRecords(text, file, format, ['items', 'staging'], stagingItemRowSchema, STAGING_COLUMNS, statusTimeOf, (item) => {
    item.stage = intern(item.stage);
    if (item.artist !== undefined) item.artist = intern(item.artist);
    if (item.lastError !== undefined) item.lastError = intern(item.lastError);
    if (item.failedStage !== undefined) item.failedStage = intern(item.failedStage);
  }, opts);
}
