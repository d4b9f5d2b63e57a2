import { compileTextPattern } from '@creator-desk/core';
import { z } from 'zod';
import { durationSchema, instantSchema } from './fields.js';
import { readYaml, type YamlRead } from './yaml-document.js';

const stageLimitsSchema = z
  .object({ warn_after: durationSchema, stuck_after: durationSchema })
  .strict()
  .refine((s) => s.warn_after <= s.stuck_after, { message: 'warn_after must not be longer than stuck_after' });

// The rule language's regexes (case-insensitive, linear time on any error text): a hostile or careless
// pattern must not stall the report.
const regexListSchema = z.array(z.string()).default([]).transform((list, ctx): { test(text: string): boolean }[] =>
  list.flatMap((source, i) => {
    const p = compileTextPattern(source);
    if (p.ok) return [p];
    ctx.addIssue({ code: 'custom', path: [i], message: `not a valid regular expression: ${p.message}` });
    return [];
  }),
);

/** The queue settings file (`creator-desk.yaml`): default `now`, review windows, stage limits, retry policy. */
const queueConfigShape = z
  .object({
    now: instantSchema.optional(),
    review: z
      .object({
        inbound_window: durationSchema.default(24 * 60),
        /** Items whose breach is within this lead are "due soon" even before their policy's warn_before. */
        due_soon_within: durationSchema.optional(),
      })
      .strict()
      .default({ inbound_window: 24 * 60 }),
    staging: z
      .object({
        done_stages: z.array(z.string()).default(['published']),
        failed_stages: z.array(z.string()).default(['failed']),
        heartbeat_timeout: durationSchema.optional(),
        stages: z.record(z.string(), stageLimitsSchema).default({}),
        retry: z
          .object({
            base_delay: durationSchema.default(5),
            factor: z.number().min(1).default(2),
            max_delay: durationSchema.default(240),
            /** Fraction of the delay that is randomised (0 = none, 1 = full jitter). */
            jitter: z.number().min(0).max(1).default(0.2),
            max_attempts: z.number().int().min(1).default(5),
          })
          .strict()
          .default({ base_delay: 5, factor: 2, max_delay: 240, jitter: 0.2, max_attempts: 5 }),
        errors: z
          .object({
            non_retryable: regexListSchema,
            retryable: regexListSchema,
            unknown: z.enum(['retryable', 'non_retryable']).default('retryable'),
          })
          .strict()
          .default({ non_retryable: [], retryable: [], unknown: 'retryable' }),
      })
      .strict()
      .default({
        done_stages: ['published'],
        failed_stages: ['failed'],
        stages: {},
        retry: { base_delay: 5, factor: 2, max_delay: 240, jitter: 0.2, max_attempts: 5 },
        errors: { non_retryable: [], retryable: [], unknown: 'retryable' },
      }),
  })
  .strict();

const toConfig = (c: z.output<typeof queueConfigShape>) => ({
    now: c.now,
    review: { inboundWindowMinutes: c.review.inbound_window, dueSoonWithinMinutes: c.review.due_soon_within },
    staging: {
      doneStages: c.staging.done_stages,
      failedStages: c.staging.failed_stages,
      heartbeatTimeoutMinutes: c.staging.heartbeat_timeout,
      stages: Object.fromEntries(
        Object.entries(c.staging.stages).map(([name, s]) => [name, { warnAfterMinutes: s.warn_after, stuckAfterMinutes: s.stuck_after }]),
      ) as Record<string, StageLimits>,
      retry: {
        baseDelayMinutes: c.staging.retry.base_delay,
        factor: c.staging.retry.factor,
        maxDelayMinutes: c.staging.retry.max_delay,
        jitter: c.staging.retry.jitter,
        maxAttempts: c.staging.retry.max_attempts,
      },
      errors: { nonRetryable: c.staging.errors.non_retryable, retryable: c.staging.errors.retryable, unknown: c.staging.errors.unknown },
    },
  });

/** The queue settings file (`creator-desk.yaml`): default `now`, review windows, stage limits, retry policy. */
export const queueConfigSchema = queueConfigShape.transform(toConfig);

export interface StageLimits {
  warnAfterMinutes: number;
  stuckAfterMinutes: number;
}

export type QueueConfig = z.output<typeof queueConfigSchema>;
export type RetryPolicy = QueueConfig['staging']['retry'];
export type StagingConfig = QueueConfig['staging'];

/** The settings used when a directory has no `creator-desk.yaml`. */
export function defaultQueueConfig(): QueueConfig {
  return queueConfigSchema.parse({});
}

/**
 * Reads `creator-desk.yaml`; problems carry the YAML line and column. A key with an error is left out
 * (its default applies) and every valid key is kept, so one typo does not reset the clock, the stage
 * limits and the error classes; the caller must not act (write requests or state) while `problems` has
 * errors.
 */
export function readQueueConfig(text: string, file: string, moduleKeys: readonly string[] = []): YamlRead<QueueConfig> {
  // The queue modules' keys are theirs to validate; any other unknown key is still a typo to report.
  const owned = new Set(moduleKeys);
  const schema = z.preprocess(
    (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([k]) => !owned.has(k))) : v),
    queueConfigSchema,
  );
  return readYaml(text, file, schema, { salvage: true });
}
