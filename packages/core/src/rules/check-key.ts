/** Parsing a check's key as AutoModerator spells it: `~title+body#2 (includes, regex)`. */
import { searchMethodSchema, type SearchMethod } from './schema.js';

export interface CheckKey {
  negate: boolean;
  fields: string[];
  /** The part after `#`, which only lets one field carry several checks. */
  id?: string;
  modifiers: string[];
}

// AutoModerator's key grammar: the space before `(` is optional; modifiers are comma-separated.
const KEY = /^(~?)([^\s(#]+)(?:#([^\s(]*))?\s*(?:\((.*)\))?\s*$/;

/** Splits a (lower-cased) key into negation, fields, `#id` and modifiers; undefined if it is malformed. */
export function parseCheckKey(key: string): CheckKey | undefined {
  const m = KEY.exec(key.trim());
  if (!m) return undefined;
  const fields = (m[2] ?? '').split('+').map((f) => f.trim());
  if (fields.some((f) => f === '')) return undefined;
  const modifiers = m[4] === undefined ? [] : m[4].split(',').map((x) => x.trim()).filter((x) => x !== '');
  const out: CheckKey = { negate: m[1] === '~', fields, modifiers };
  if (m[3] !== undefined) out.id = m[3];
  return out;
}

/** The search methods a moderator may write as a modifier (`domain` is only a field's default). */
export const SEARCH_METHODS: ReadonlySet<SearchMethod> = new Set(searchMethodSchema.options.filter((m) => m !== 'domain'));
export const OTHER_MODIFIERS: ReadonlySet<string> = new Set(['regex', 'case-sensitive']);
