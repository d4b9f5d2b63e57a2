import { configPageKeys } from '../platform/wiki-config/config-page.js';

/** Where the rules config lives: the mods-only wiki page. */
export const RULES_PAGE = 'creator-desk/rules';

/** Redis keys of the rules page's state (`cd:rules:active`, `cd:rules:validation`, `cd:rules:notified:{revision}`). */
export const RULES_KEYS = configPageKeys('rules');
