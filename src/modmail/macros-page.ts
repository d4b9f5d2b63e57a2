import { parseMacros, type MacroSet } from '@creator-desk/core';
import type { RedisClient } from '@devvit/public-api';
import { readStored } from '../platform/stored-json.js';
import { activeConfigSchema, configPageKeys, type ConfigPage } from '../platform/wiki-config/config-page.js';
import { SEED_MACROS } from './seed-macros.js';

/** Where the reply macros live: a mods-only wiki page. */
export const MACROS_PAGE = 'creator-desk/macros';
/** Redis keys of the macros page's state (`cd:macros:active` …). */
export const MACROS_KEYS = configPageKeys('macros');

const parsedByRevision = new Map<string, MacroSet>();

/**
 * The reply macros' wiki config page: YAML macros with placeholders, help-article links and a
 * sign-off; a revision with any error is refused and the last good macros stay in force.
 */
export const macrosConfigPage: ConfigPage = {
  page: MACROS_PAGE,
  noun: 'macros',
  noneInForce: 'no reply macros are in force (rules replying with a macro only leave a note)',
  keys: MACROS_KEYS,
  seed: SEED_MACROS,
  validate(source) {
    const { macros, diagnostics } = parseMacros(source, { source: MACROS_PAGE });
    return Promise.resolve({
      diagnostics,
      entries: macros ? Object.keys(macros.macros).length : 0,
      onAccepted: (revisionId: string) => {
        if (macros) parsedByRevision.set(revisionId, macros);
      },
    });
  },
};

/** The macros in force from the stored active revision (parsed once per revision per worker). */
export function macrosFrom(activeJson: string | null | undefined): MacroSet | undefined {
  const active = readStored(activeConfigSchema, activeJson);
  if (!active) return undefined;
  const hit = parsedByRevision.get(active.revisionId);
  if (hit) return hit;
  const { macros } = parseMacros(active.source, { source: MACROS_PAGE });
  if (macros) parsedByRevision.set(active.revisionId, macros);
  return macros;
}

/** Reads the macros in force. */
export async function loadMacros(redis: RedisClient): Promise<MacroSet | undefined> {
  return macrosFrom(await redis.get(MACROS_KEYS.active));
}
