/**
 * Where an unfinished YAML construct began. The `yaml` library reports an unterminated quote or flow
 * list where it gave up (often the end of the section); PyYAML also names where the construct opened,
 * which is where the moderator has to look.
 */
import { Parser } from 'yaml';

/** A quoted value or flow collection that is never closed, by the offset of its opening character. */
export interface Opener {
  offset: number;
  kind: 'quote' | 'flow-seq' | 'flow-map';
  what: string;
}

function quoteClosed(source: string, quote: string): boolean {
  for (let i = 1; i < source.length; i++) {
    const ch = source[i];
    if (quote === '"' && ch === '\\') {
      i++;
      continue;
    }
    if (ch !== quote) continue;
    if (quote === "'" && source[i + 1] === "'") {
      i++;
      continue;
    }
    return i === source.length - 1;
  }
  return false;
}

function collect(node: unknown, out: Opener[], depth: number): void {
  if (depth > 200 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) collect(n, out, depth + 1);
    return;
  }
  const t = node as { type?: unknown; offset?: unknown; source?: unknown; start?: unknown; end?: unknown };
  if (typeof t.offset === 'number') {
    if ((t.type === 'single-quoted-scalar' || t.type === 'double-quoted-scalar') && typeof t.source === 'string') {
      const q = t.type === 'single-quoted-scalar' ? "'" : '"';
      if (!quoteClosed(t.source, q)) out.push({ offset: t.offset, kind: 'quote', what: `the ${q === "'" ? 'single' : 'double'}-quoted value` });
    } else if (t.type === 'flow-collection' && t.start !== null && typeof t.start === 'object') {
      const open = (t.start as { source?: unknown }).source;
      const closer = open === '[' ? 'flow-seq-end' : 'flow-map-end';
      const closed = Array.isArray(t.end) && t.end.some((e) => (e as { type?: unknown }).type === closer);
      if (!closed) out.push({ offset: t.offset, kind: open === '[' ? 'flow-seq' : 'flow-map', what: open === '[' ? "the list '['" : "the mapping '{'" });
    }
  }
  for (const v of Object.values(node)) if (v !== null && typeof v === 'object') collect(v, out, depth + 1);
}

/** Every construct in `text` that opens and never closes, in text order. */
export function unclosedConstructs(text: string): Opener[] {
  const out: Opener[] = [];
  for (const token of new Parser().parse(text)) collect(token, out, 0);
  return out.sort((a, b) => a.offset - b.offset);
}

/** The construct a YAML error at `offset` with `message` is about: the nearest unclosed one before it of the kind named. */
export function openerFor(openers: readonly Opener[], offset: number, message: string): Opener | undefined {
  const kind: Opener['kind'] | undefined = /quote/i.test(message) ? 'quote' : /flow sequence/i.test(message) ? 'flow-seq' : /flow map/i.test(message) ? 'flow-map' : undefined;
  let best: Opener | undefined;
  for (const o of openers) {
    if (o.offset > offset) break;
    if (kind === undefined || o.kind === kind) best = o;
  }
  return best;
}
