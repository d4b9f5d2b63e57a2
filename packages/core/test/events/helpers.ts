import { parseEventsPage, type ScheduledEvent } from '../../src/events/index.js';

/** Parses a one-event page (YAML lines of the event, without the leading `- `) and fails loudly on errors. */
export function eventOf(yaml: string): ScheduledEvent {
  const lines = yaml.trim().split('\n');
  const page = `events:\n  - ${lines[0]}\n${lines.slice(1).map((l) => `    ${l}`).join('\n')}\n`;
  const parsed = parseEventsPage(page);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !parsed.events[0]) throw new Error(errors.map((d) => `${d.line}:${d.column}: ${d.message}`).join('\n'));
  return parsed.events[0];
}

export const iso = (ms: number): string => new Date(ms).toISOString();
