/** Where the rules config lives: the mods-only wiki page and the Redis keys holding its state. */
export const RULES_PAGE = 'creator-desk/rules';

export const RULES_KEYS = {
  /** JSON `ActiveRules`: the last good config in force. */
  active: 'cd:rules:active',
  /** JSON `ValidationState`: the outcome of the last validation of the page. */
  validation: 'cd:rules:validation',
  /** Marks a rejected revision whose modmail was sent (suffix: revision id). */
  notifiedPrefix: 'cd:rules:notified:',
} as const;

/** The last good rules config, as stored in Redis. */
export interface ActiveRules {
  revisionId: string;
  source: string;
  ruleCount: number;
  storedAt: string;
}

/** The outcome of the last validation of the rules page. */
export interface ValidationState {
  revisionId: string;
  ok: boolean;
  errorCount: number;
  warningCount: number;
  editor?: string;
  at: string;
}

/** True when an error from the wiki API means the page does not exist. */
export function isMissingPageError(e: unknown): boolean {
  const text = e instanceof Error ? e.message : String(e);
  return /\b404\b|not found|PAGE_NOT_CREATED|MAY_NOT_VIEW/i.test(text);
}
