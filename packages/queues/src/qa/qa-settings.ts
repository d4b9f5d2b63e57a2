import { didYouMean } from '@creator-desk/core';
import { z } from 'zod';
import { samplingMethods } from './sampling-plan.js';
import { weekStarts } from './week-label.js';

/** Unknown keys named with the nearest known one (a typo of `kappa_bar` is not silently ignored). */
const unknownKeys = (known: readonly string[]) => (issue: z.core.$ZodRawIssue): string | undefined =>
  issue.code === 'unrecognized_keys'
    ? issue.keys.map((k) => `unknown key ${JSON.stringify(k)}${didYouMean(k, known)}`).join('; ') + ` (the keys are ${known.join(', ')})`
    : undefined;

/** An enum whose error names the value given and the nearest allowed one. */
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => `expected one of ${values.join(' | ')}, got ${JSON.stringify(issue.input)}${typeof issue.input === 'string' ? didYouMean(issue.input, values) : ''}` });

const word = z.string().trim().toLowerCase().min(1, 'a decision must not be blank');

const samplingShape = {
  method: choice(samplingMethods).default('stratified'),
  margin: z.number().gt(0, 'the margin is a fraction: 0.05 = ±5 %').max(0.5, 'the margin is a fraction: 0.05 = ±5 %').default(0.05),
  confidence: z.number().min(0.5, 'the confidence is a fraction: 0.95 = 95 %').max(0.9999, 'the confidence is a fraction: 0.95 = 95 %').default(0.95),
  /** Fixed seed; without it the report's date (YYYYMMDD), so a day's reruns give the same sample. */
  seed: z.number().int().min(0).max(4_294_967_295).optional(),
  /** Draw exactly this many instead of the computed sample size. */
  size: z.number().int().min(1).max(100_000).optional(),
  /** `targeted`: how many times its share a contractor below the bar gets. */
  oversample: z.number().min(1).max(10).default(2),
};
const samplingSchema = z.strictObject(samplingShape, { error: unknownKeys(Object.keys(samplingShape)) }).prefault({});

const qaShape = {
  decisions: z.array(word).min(2, 'at least two decisions are needed to measure agreement').max(20).default(['approve', 'reject', 'escalate']),
  /** The decision that means "approve" (false negatives approve what the audit rejected). */
  approve_decision: word.default('approve'),
  /** The decision that means "reject" (false positives reject what the audit approved). */
  reject_decision: word.default('reject'),
  kappa_bar: z.number().min(-1).max(1).default(0.6),
  agreement_bar: z.number().min(0, 'the agreement bar is a fraction: 0.8 = 80 %').max(1, 'the agreement bar is a fraction: 0.8 = 80 %').default(0.8),
  min_audits: z.number().int().min(1).max(100_000).default(10),
  week_start: choice(weekStarts).default('monday'),
  sampling: samplingSchema,
};

/** The `qa:` key of creator-desk.yaml: the decision vocabulary, the QA bar and the sampling plan. */
export const qaSettingsSchema = z
  .strictObject(qaShape, { error: unknownKeys(Object.keys(qaShape)) })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.decisions.forEach((d, i) => {
      if (seen.has(d)) ctx.addIssue({ code: 'custom', path: ['decisions', i], message: `decision ${JSON.stringify(d)} is listed twice` });
      seen.add(d);
    });
    for (const key of ['approve_decision', 'reject_decision'] as const) {
      if (!seen.has(s[key])) ctx.addIssue({ code: 'custom', path: [key], message: `${JSON.stringify(s[key])} is not one of the decisions (${s.decisions.join(', ')})` });
    }
    if (s.approve_decision === s.reject_decision) ctx.addIssue({ code: 'custom', path: ['reject_decision'], message: 'approve_decision and reject_decision must differ' });
  })
  .prefault({});

export type QaSettings = z.output<typeof qaSettingsSchema>;
