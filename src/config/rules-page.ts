import { z } from 'zod';

/** Where the rules config lives: the mods-only wiki page and the Redis keys holding its state. */
export const RULES_PAGE = 'creator-desk/rules';

/** Redis keys of the rules config's state. */
export const RULES_KEYS = {
  /** JSON `ActiveRules`: the last good config in force. */
  active: 'cd:rules:active',
  /** JSON `ValidationState`: the outcome of the last validation of the page. */
  validation: 'cd:rules:validation',
  /** Marks a rejected revision whose modmail was sent (suffix: revision id). */
  notifiedPrefix: 'cd:rules:notified:',
} as const;

/** The last good rules config, as stored in Redis. */
export const activeRulesSchema = z.object({
  revisionId: z.string(),
  source: z.string(),
  ruleCount: z.number().int().min(0),
  storedAt: z.string(),
});
export type ActiveRules = z.infer<typeof activeRulesSchema>;

/** The outcome of the last validation of the rules page. */
export const validationStateSchema = z.object({
  revisionId: z.string(),
  ok: z.boolean(),
  errorCount: z.number().int().min(0),
  warningCount: z.number().int().min(0),
  editor: z.string().optional(),
  at: z.string(),
});
export type ValidationState = z.infer<typeof validationStateSchema>;

/**
 * Reads a stored JSON value through its schema. A value that no longer fits (written by another
 * version, or damaged) counts as absent, so the app re-derives it instead of crashing.
 */
export function readStored<T>(schema: z.ZodType<T>, json: string | null | undefined): T | undefined {
  if (!json) return undefined;
  try {
    const r = schema.safeParse(JSON.parse(json));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/** True when an error from the wiki API means the page does not exist. */
export function isMissingPageError(e: unknown): boolean {
  const text = e instanceof Error ? e.message : String(e);
  return /\b404\b|not found|PAGE_NOT_CREATED|MAY_NOT_VIEW/i.test(text);
}
