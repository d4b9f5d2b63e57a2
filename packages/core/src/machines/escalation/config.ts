import { z } from 'zod';

/** The teams escalations go to unless the subreddit configures its own. */
export const DEFAULT_ESCALATION_TEAMS = ['Legal', 'Trust & Safety', 'Brand', 'Engineering'] as const;

/** Escalation settings: the teams an item may be routed to (names are shown to moderators as written). */
export const escalationConfigSchema = z.strictObject({
  teams: z
    .array(z.string().trim().min(1, 'a team name cannot be empty'))
    .min(1, 'at least one team is needed')
    .refine((t) => new Set(t.map((x) => x.toLowerCase())).size === t.length, 'team names must be unique')
    .default([...DEFAULT_ESCALATION_TEAMS]),
});

/** Validated escalation settings. */
export type EscalationConfig = z.output<typeof escalationConfigSchema>;
