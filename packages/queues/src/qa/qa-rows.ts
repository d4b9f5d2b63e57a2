import { didYouMean } from '@creator-desk/core';
import { z } from 'zod';
import { instantSchema, optionalTextSchema } from '../readers/fields.js';
import type { ColumnSpec } from '../readers/table.js';

/** A decision cell of the configured vocabulary, case and spaces ignored; a near miss gets a suggestion. */
export function decisionSchema(vocabulary: readonly string[]): z.ZodType<string, unknown> {
  return z.string().transform((value, ctx) => {
    const d = value.trim().toLowerCase();
    if (vocabulary.includes(d)) return d;
    ctx.addIssue({ code: 'custom', message: `expected one of ${vocabulary.join(' | ')}, got ${JSON.stringify(value)}${didYouMean(d, vocabulary)}` });
    return z.NEVER;
  });
}

/** A row of a contractor decision log. */
export function qaDecisionRowSchema(vocabulary: readonly string[]) {
  const decision = decisionSchema(vocabulary);
  return z
    .object({
      item_id: z.string().trim().min(1).max(500),
      // The HTML report's κ chart takes names of up to 200 characters (its kappa_by_week contract).
      contractor: z.string().trim().min(1).max(200),
      decision,
      decided_at: instantSchema,
      // JSON exports write a non-golden item as null or ""; CSV leaves the cell empty.
      golden: z.preprocess((v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v), decision.optional()),
    })
    .transform((r) => ({ itemId: r.item_id, contractor: r.contractor, decision: r.decision, decidedAt: r.decided_at, golden: r.golden }));
}

/** A row of the coordinator's audits. */
export function qaAuditRowSchema(vocabulary: readonly string[]) {
  return z
    .object({
      item_id: z.string().trim().min(1).max(500),
      auditor: optionalTextSchema,
      decision: decisionSchema(vocabulary),
      audited_at: instantSchema,
    })
    .transform((r) => ({ itemId: r.item_id, auditor: r.auditor, decision: r.decision, auditedAt: r.audited_at }));
}

export const QA_DECISION_COLUMNS: ColumnSpec = { required: ['item_id', 'contractor', 'decision', 'decided_at'], optional: ['golden'] };
export const QA_AUDIT_COLUMNS: ColumnSpec = { required: ['item_id', 'decision', 'audited_at'], optional: ['auditor'] };
