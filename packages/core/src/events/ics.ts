/**
 * iCalendar (RFC 5545) export of upcoming occurrences, one VEVENT per occurrence in UTC, so every
 * calendar shows exactly the instants creator-desk posts at (including the DST rules above)
 * without needing VTIMEZONE definitions.
 */
import { MINUTE } from '../calendar/local-day.js';
import type { ScheduledEvent } from './compile-event.js';
import type { Occurrence } from './occurrences.js';
import { occurrenceKey } from './event-steps.js';

/** iCalendar TEXT escaping (RFC 5545 §3.3.11). */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

const stamp = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** UTF-8 length of one code point (core has no TextEncoder: it runs without DOM or Node APIs). */
function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = utf8Length(ch);
    if (size + n > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** A VCALENDAR with one VEVENT per occurrence; `summary` gives each occurrence's title (rendered by the caller). */
export function toIcs(
  items: readonly { event: ScheduledEvent; occurrence: Occurrence; summary: string }[],
  opts: { now: number; calendarName?: string; domain?: string },
): string {
  const domain = opts.domain ?? 'creator-desk';
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//creator-desk//events//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (opts.calendarName) lines.push(`X-WR-CALNAME:${text(opts.calendarName)}`);
  for (const { event, occurrence, summary } of items) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${text(occurrenceKey(event.id, occurrence))}@${domain}`,
      `DTSTAMP:${stamp(opts.now)}`,
      `DTSTART:${stamp(occurrence.at)}`,
      `DTEND:${stamp(occurrence.at + event.durationMinutes * MINUTE)}`,
      `SUMMARY:${text(summary)}`,
      `CATEGORIES:${text(event.id)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
