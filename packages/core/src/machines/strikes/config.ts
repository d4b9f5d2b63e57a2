import { z } from 'zod';

const count = z.int('expected a whole number').min(1, 'must be at least 1');

/** One rung of the ladder: what confirming the strike that brings a user to `atStrikes` active strikes does. */
export const ladderStepSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('warn'), atStrikes: count }),
  // Reddit's temporary bans last 1–999 days.
  z.strictObject({ action: z.literal('temp_ban'), atStrikes: count, durationDays: z.int('expected a whole number of days').min(1, 'Reddit bans last 1–999 days').max(999, 'Reddit bans last 1–999 days') }),
  z.strictObject({ action: z.literal('perm_ban'), atStrikes: count }),
]);

/** A ladder step. */
export type LadderStep = z.output<typeof ladderStepSchema>;

/** warn → 7-day ban → permanent ban. */
export const DEFAULT_LADDER: readonly LadderStep[] = [
  { action: 'warn', atStrikes: 1 },
  { action: 'temp_ban', atStrikes: 2, durationDays: 7 },
  { action: 'perm_ban', atStrikes: 3 },
];

/** The strike ladder and repeat-infringer policy of a subreddit. */
export const strikeLadderConfigSchema = z.strictObject({
  /** Days after which a strike stops counting (from when it was issued). */
  expiryDays: count.default(180),
  steps: z
    .array(ladderStepSchema)
    .min(1, 'the ladder needs at least one step')
    .default(() => DEFAULT_LADDER.map((s) => ({ ...s })))
    .superRefine((steps, ctx) => {
      steps.forEach((step, i) => {
        const prev = steps[i - 1];
        if (prev !== undefined && step.atStrikes <= prev.atStrikes) {
          ctx.addIssue({ code: 'custom', path: [i, 'atStrikes'], message: `steps must be in increasing atStrikes order (${prev.atStrikes} then ${step.atStrikes})` });
        }
        if (step.action === 'perm_ban' && i !== steps.length - 1) {
          ctx.addIssue({ code: 'custom', path: [i, 'action'], message: 'a permanent ban must be the last step' });
        }
      });
    }),
  /** §512(i): a policy to terminate repeat infringers; reaching the threshold asks a human to review. */
  repeatInfringer: z
    .strictObject({
      kinds: z.array(z.string().min(1)).min(1).default(['copyright']),
      threshold: count.default(3),
      windowDays: count.default(365),
    })
    .default({ kinds: ['copyright'], threshold: 3, windowDays: 365 }),
});

/** A validated strike ladder configuration. */
export type StrikeLadderConfig = z.output<typeof strikeLadderConfigSchema>;
