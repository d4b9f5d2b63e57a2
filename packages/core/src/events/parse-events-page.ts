import { LineCounter, isMap, parseDocument } from 'yaml';
import { yamlLocator } from '../text/yaml-locate.js';
import type { Diagnostic } from '../rules/schema.js';
import { compileEvent, type ScheduledEvent } from './compile-event.js';
import { eventsPageSchema } from './schema.js';

/** The events page, parsed: the valid events and every problem with its line and column. */
export interface EventsPage {
  events: ScheduledEvent[];
  /** Source line of each event's `id`, by id (for messages and `rules check`). */
  lines: Map<string, number>;
  diagnostics: Diagnostic[];
}

/**
 * Parses the `creator-desk/events` wiki page (YAML, `events:` a list). Every problem is reported
 * with its 1-based line:col; an event with errors is left out. Callers keep their last good page
 * when any error is reported.
 */
export function parseEventsPage(text: string, opts: { source?: string } = {}): EventsPage {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const src = opts.source === undefined ? {} : { source: opts.source };
  const out: EventsPage = { events: [], lines: new Map(), diagnostics: [] };
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = lineCounter.linePos(e.pos[0]);
    out.diagnostics.push({ ...src, line: pos.line, column: pos.col, severity: e.name === 'YAMLWarning' ? 'warning' : 'error', message: e.message.split('\n')[0] ?? e.message });
  }
  if (doc.errors.length > 0) return out;
  const locate = yamlLocator(doc, lineCounter);
  if (doc.contents === null) return out;
  if (!isMap(doc.contents)) {
    out.diagnostics.push({ ...src, ...locate([]), severity: 'error', message: 'expected a mapping with `events:` (a list of events)' });
    return out;
  }
  const top = eventsPageSchema.safeParse(doc.toJS());
  if (!top.success) {
    for (const i of top.error.issues) {
      const msg = i.code === 'unrecognized_keys' ? `unknown key(s): ${i.keys.join(', ')} (expected events:)` : `${i.path.join('.') || '(top level)'}: ${i.message}`;
      out.diagnostics.push({ ...src, ...locate(i.path as (string | number)[], i.code === 'unrecognized_keys' ? i.keys[0] : undefined), severity: 'error', message: msg });
    }
    return out;
  }
  for (const [index, raw] of (top.data.events ?? []).entries()) {
    const { event, problems } = compileEvent(raw);
    for (const p of problems) out.diagnostics.push({ ...src, ...locate(['events', index, ...p.path], p.key), severity: p.severity, message: p.message });
    if (!event) continue;
    const at = locate(['events', index, 'id']);
    if (out.lines.has(event.id)) {
      out.diagnostics.push({ ...src, ...at, severity: 'error', message: `event id \`${event.id}\` is used twice (first on line ${out.lines.get(event.id)})` });
      continue;
    }
    out.lines.set(event.id, at.line);
    out.events.push(event);
  }
  out.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return out;
}
