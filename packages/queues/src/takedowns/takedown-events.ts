import { closestName, type TakedownCommand } from '@creator-desk/core';
import { z } from 'zod';
import { instantSchema, optionalTextSchema } from '../readers/fields.js';
import type { InputProblem } from '../readers/problems.js';
import { readTable, type ColumnSpec, type TableFormat } from '../readers/table.js';
import { validateRow, type SourceRef } from '../readers/validate-rows.js';

/**
 * What an event of the takedown log does. `command` events run the takedown machine's command of that
 * name; the others are the steps around it the machine does not model (a notice arriving before it is
 * validated, a rejected notice awaiting the complainant, a counter-notice awaiting validation).
 */
export type TakedownLogAction =
  | { kind: 'notice_received' }
  | { kind: 'notice_validated' }
  | { kind: 'notice_rejected' }
  | { kind: 'counter_notice_received' }
  | { kind: 'counter_validated' }
  | { kind: 'command'; command: Exclude<TakedownCommand['type'], 'receive_counter_notice'>; resolution?: string };

/** The log's event names: the machine's own command names and the log's names for them. */
export const TAKEDOWN_EVENTS: Readonly<Record<string, TakedownLogAction>> = {
  notice_received: { kind: 'notice_received' },
  notice_validated: { kind: 'notice_validated' },
  notice_rejected: { kind: 'notice_rejected' },
  counter_notice_received: { kind: 'counter_notice_received' },
  counter_validated: { kind: 'counter_validated' },
  receive_counter_notice: { kind: 'counter_validated' },
  content_disabled: { kind: 'command', command: 'disable' },
  disable: { kind: 'command', command: 'disable' },
  uploader_notified: { kind: 'command', command: 'notify_uploader' },
  notify_uploader: { kind: 'command', command: 'notify_uploader' },
  counter_notice_forwarded: { kind: 'command', command: 'forward_counter_notice' },
  forward_counter_notice: { kind: 'command', command: 'forward_counter_notice' },
  suit_notice_received: { kind: 'command', command: 'report_lawsuit' },
  report_lawsuit: { kind: 'command', command: 'report_lawsuit' },
  content_restored: { kind: 'command', command: 'restore' },
  restore: { kind: 'command', command: 'restore' },
  retracted: { kind: 'command', command: 'close', resolution: 'notice_withdrawn' },
  counter_notice_retracted: { kind: 'command', command: 'close', resolution: 'counter_notice_withdrawn' },
  close: { kind: 'command', command: 'close' },
  closed: { kind: 'command', command: 'close' },
};

const EVENT_NAMES = Object.keys(TAKEDOWN_EVENTS);

const eventSchema = z.string().transform((raw, ctx) => {
  const name = raw.trim().toLowerCase();
  const action = TAKEDOWN_EVENTS[name];
  if (action !== undefined) return { name, action };
  const near = closestName(name, EVENT_NAMES);
  ctx.addIssue({
    code: 'custom',
    message: `unknown event ${JSON.stringify(raw)}${near === undefined ? '' : ` — did you mean '${near}'?`} (expected one of ${EVENT_NAMES.join(', ')})`,
  });
  return z.NEVER;
});

// Beyond ten years back the business calendar has no holidays and no case is still open; a typo'd year is likelier.
const OLDEST_MS = 10 * 366 * 86_400_000;

// As the other readers: a few minutes ahead is a laptop clock, more is an export error.
const CLOCK_SKEW_MS = 5 * 60_000;

const idText = z.string().trim().min(1, 'required value is missing').max(200, 'at most 200 characters');

/** One row of the takedown log (CSV header or JSON keys in snake_case). */
export const takedownEventRowSchema = z.object({
  case_id: idText,
  event: eventSchema,
  at: instantSchema,
  uploader: optionalTextSchema,
  claimant: optionalTextSchema,
  item_id: optionalTextSchema,
  note: optionalTextSchema,
  resolution: optionalTextSchema,
});

/** The takedown log's columns. */
export const TAKEDOWN_COLUMNS: ColumnSpec = {
  required: ['case_id', 'event', 'at'],
  optional: ['uploader', 'claimant', 'item_id', 'note', 'resolution'],
};

/** A validated row of the takedown log, with where it came from. */
export interface TakedownEvent {
  caseId: string;
  event: string;
  action: TakedownLogAction;
  at: Date;
  uploader: string | undefined;
  claimant: string | undefined;
  itemId: string | undefined;
  note: string | undefined;
  resolution: string | undefined;
  source: SourceRef;
}

/**
 * Reads a takedown log (CSV, or JSON array / `{events: [...]}`): a bad row is a problem with its file,
 * row and line; an event dated after `now` is one too (a log cannot record the future).
 */
export function readTakedownEvents(text: string, file: string, format: TableFormat, now: Date): { events: TakedownEvent[]; problems: InputProblem[] } {
  const { items, problems } = readTable(
    text,
    file,
    format,
    ['events', 'takedowns'],
    (raw, found) => {
      const row = validateRow(raw, takedownEventRowSchema, file, found);
      if (row === undefined) return undefined;
      if (row.at.getTime() < now.getTime() - OLDEST_MS) {
        found.push({ file, row: row.source.row, ...(row.source.line !== undefined ? { line: row.source.line } : {}), field: 'at', severity: 'error', message: `${row.at.toISOString()} is more than 10 years before the report's now: check the year` });
        return undefined;
      }
      if (row.at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
        found.push({ file, row: row.source.row, ...(row.source.line !== undefined ? { line: row.source.line } : {}), field: 'at', severity: 'error', message: `${row.at.toISOString()} is more than 5 minutes after the report's now (${now.toISOString()}): a log cannot record the future` });
        return undefined;
      }
      const event: TakedownEvent = {
        caseId: row.case_id,
        event: row.event.name,
        action: row.event.action,
        at: row.at,
        uploader: row.uploader,
        claimant: row.claimant,
        itemId: row.item_id,
        note: row.note,
        resolution: row.resolution,
        source: row.source,
      };
      return event;
    },
    TAKEDOWN_COLUMNS,
  );
  return { events: items, problems };
}
