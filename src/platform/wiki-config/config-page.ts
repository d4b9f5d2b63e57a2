import type { Diagnostic } from '@creator-desk/core';
import type { TriggerContext } from '@devvit/public-api';
import { z } from 'zod';

/** The Redis keys holding one config page's state, all under `cd:{name}:`. */
export interface ConfigPageKeys {
  /** JSON `ActiveConfig`: the last good revision in force. */
  active: string;
  /** JSON `ValidationState`: the outcome of the last validation of the page. */
  validation: string;
  /** Marks a rejected revision whose mod-inbox message was sent (suffix: revision id). */
  notifiedPrefix: string;
}

/** The keys of the config page called `name` (e.g. `rules` → `cd:rules:active`). */
export function configPageKeys(name: string): ConfigPageKeys {
  return { active: `cd:${name}:active`, validation: `cd:${name}:validation`, notifiedPrefix: `cd:${name}:notified:` };
}

/** What validating one revision found: problems with line:col, how many entries it holds, and how to apply it. */
export interface PageValidation {
  diagnostics: Diagnostic[];
  /** Entries the revision holds (rules, roster rows …), shown in messages and the status. */
  entries: number;
  /** Called only when the revision is accepted, before it is stored (e.g. to cache its compiled form). */
  onAccepted?: (revisionId: string) => void;
}

/** What a page's validator may read: the installation settings (the escalation teams) and Redis (the events in force). */
export type ValidateContext = Pick<TriggerContext, 'settings' | 'redis'>;

/**
 * A mods-only wiki page holding one capability's config. Declaring one is all a capability does:
 * the platform seeds it on install (never overwriting), validates each `wikirevise`, applies only
 * a moderator's revision, reports errors to the mod inbox with `line:col` naming the editor, and
 * keeps the last good revision in force.
 */
export interface ConfigPage {
  /** The wiki page, e.g. `creator-desk/rules`. */
  page: string;
  /** What its entries are called in messages, plural and lower-case (e.g. `rules`). */
  noun: string;
  /** Said when no revision was ever accepted (e.g. `no content rules are in force`). */
  noneInForce: string;
  keys: ConfigPageKeys;
  /** The commented example written on install; it must validate without errors. */
  seed: string;
  /** Validates a revision's source. */
  validate: (source: string, context: ValidateContext) => Promise<PageValidation>;
  /**
   * Acts on the config now in force (the roster schedules its sync, events reschedule). Runs after an
   * accepted revision is stored and before it is marked validated, so a failure is redone by the next
   * delivery; and after install and upgrade. Must be idempotent: triggers are delivered at least once.
   */
  afterChange?: (context: AcceptedContext) => Promise<void>;
}

/** What the `afterChange` hook may use. */
export type AcceptedContext = Pick<TriggerContext, 'reddit' | 'redis' | 'scheduler' | 'settings' | 'subredditName' | 'subredditId'>;

/** The last good revision of a config page, as stored in Redis. */
export const activeConfigSchema = z.preprocess(
  // Stored before the pages were generic, with the entry count named `ruleCount`.
  (v) => (v && typeof v === 'object' && !('entries' in v) && 'ruleCount' in v ? { ...v, entries: (v as { ruleCount: unknown }).ruleCount } : v),
  z.object({
    revisionId: z.string(),
    source: z.string(),
    entries: z.number().int().min(0),
    storedAt: z.string(),
  }),
);
export type ActiveConfig = z.infer<typeof activeConfigSchema>;

/** The outcome of the last validation of a config page. */
export const validationStateSchema = z.object({
  revisionId: z.string(),
  ok: z.boolean(),
  errorCount: z.number().int().min(0),
  warningCount: z.number().int().min(0),
  editor: z.string().optional(),
  at: z.string(),
});
export type ValidationState = z.infer<typeof validationStateSchema>;

/** True when an error from the wiki API means the page does not exist. */
export function isMissingPageError(e: unknown): boolean {
  const text = e instanceof Error ? e.message : String(e);
  return /\b404\b|not found|PAGE_NOT_CREATED|MAY_NOT_VIEW/i.test(text);
}
