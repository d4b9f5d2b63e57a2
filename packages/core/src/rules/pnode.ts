/**
 * A positioned view of a rule's YAML: every key and value keeps its 1-based line and column in the
 * rules file, so diagnostics point at the exact spot. Keys are lower-cased as AutoModerator does.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';

export interface Pos {
  line: number;
  column: number;
}
export type PNode =
  | ({ kind: 'scalar'; value: unknown; quoted: boolean } & Pos)
  | ({ kind: 'seq'; items: PNode[] } & Pos)
  | ({ kind: 'map'; entries: PEntry[] } & Pos);
export interface PEntry extends Pos {
  key: string;
  value: PNode;
  /** The key was YAML's null (`? ` with nothing after it, `~:`), which Python prints as `None`. */
  nullKey?: true;
}

export type Locate = (offset: number) => Pos;

export interface DuplicateKey {
  key: string;
  first: Pos;
  second: Pos;
}

/** Converts a YAML node; later duplicate keys replace earlier ones (AutoModerator loads with PyYAML). */
export function fromYaml(node: unknown, doc: Document, locate: Locate, dups: DuplicateKey[], depth = 0): PNode {
  const at = (n: unknown): Pos => {
    const range = (n as { range?: [number, number, number] } | null)?.range;
    return locate(range?.[0] ?? 0);
  };
  if (depth > 64) return { kind: 'scalar', value: null, quoted: false, ...at(node) };
  if (isAlias(node)) return fromYaml(node.resolve(doc), doc, locate, dups, depth + 1);
  if (isMap(node)) {
    const entries: PEntry[] = [];
    const seen = new Map<string, number>();
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const rawKey = isScalar(keyNode) ? keyNode.value : keyNode === null ? '' : String(keyNode);
      const key = pyStr(rawKey).toLowerCase();
      const pos = keyNode ? at(keyNode) : at(node);
      const value: PNode =
        pair.value === null || pair.value === undefined
          ? { kind: 'scalar', value: null, quoted: false, ...pos }
          : fromYaml(pair.value, doc, locate, dups, depth + 1);
      const prev = seen.get(key);
      if (prev !== undefined) {
        const old = entries[prev];
        if (old) dups.push({ key, first: { line: old.line, column: old.column }, second: pos });
        entries[prev] = { key, value, ...pos, ...(rawKey === null ? { nullKey: true as const } : {}) };
      } else {
        seen.set(key, entries.length);
        entries.push({ key, value, ...pos, ...(rawKey === null ? { nullKey: true as const } : {}) });
      }
    }
    return { kind: 'map', entries, ...at(node) };
  }
  if (isSeq(node)) {
    return { kind: 'seq', items: node.items.map((i) => fromYaml(i, doc, locate, dups, depth + 1)), ...at(node) };
  }
  if (isScalar(node)) {
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
    return { kind: 'scalar', value: node.value, quoted, ...at(node) };
  }
  return { kind: 'scalar', value: null, quoted: false, ...at(node) };
}

/** Converts plain data (e.g. a `when:` block already loaded by the caller), positioned at `pos`. */
export function fromPlain(value: unknown, pos: Pos, depth = 0): PNode {
  if (depth > 64) return { kind: 'scalar', value: null, quoted: false, ...pos };
  if (Array.isArray(value)) return { kind: 'seq', items: value.map((v) => fromPlain(v, pos, depth + 1)), ...pos };
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries: PEntry[] = [];
    const seen = new Map<string, number>();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const key = k.toLowerCase();
      const entry = { key, value: fromPlain(v, pos, depth + 1), ...pos };
      const prev = seen.get(key);
      if (prev !== undefined) entries[prev] = entry;
      else {
        seen.set(key, entries.length);
        entries.push(entry);
      }
    }
    return { kind: 'map', entries, ...pos };
  }
  return { kind: 'scalar', value, quoted: typeof value === 'string', ...pos };
}

/** Python's `str()` of a YAML scalar, which is how AutoModerator turns values into search text. */
export function pyStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  return String(value);
}
