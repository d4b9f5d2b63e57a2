/**
 * `creator-desk events next|ics FILE`: the schedule of a copy of the `creator-desk/events` wiki
 * page, computed by core exactly as the app posts it — the next occurrences as text or JSON, or an
 * iCalendar file artists can import.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatInZone, parseEventsPage, renderEventText, toIcs, upcomingOccurrences, zoneName, type EventsPage } from '@creator-desk/core';
import { formatDiagnostic } from './rules-command.js';

/** Where the events commands read and write; tests pass their own. */
export interface EventsIo {
  out: (text: string) => void;
  err: (text: string) => void;
  readFile: (path: string) => string;
  exit: (code: number) => void;
  clock: () => Date;
}

const EXIT_ERRORS = 1;
const EXIT_USAGE = 2;

/** Node's console, file system and clock. */
export function nodeEventsIo(exit: (code: number) => void): EventsIo {
  return { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), readFile: (p) => readFileSync(p, 'utf8'), exit, clock: () => new Date() };
}

interface ScheduleOptions {
  count?: string;
  after?: string;
  json?: boolean;
}

/** Reads and validates the page; on any error prints every diagnostic and yields nothing (no schedule from a page that did not load). */
function loadPage(io: EventsIo, file: string): EventsPage | undefined {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    io.err(`${file}: error: cannot read the file (${e.code ?? e.message})\n`);
    io.exit(EXIT_ERRORS);
    return undefined;
  }
  const page = parseEventsPage(text, { source: file });
  for (const d of page.diagnostics) io.err(`${formatDiagnostic(d, file)}\n`);
  if (page.diagnostics.some((d) => d.severity === 'error')) {
    const n = page.diagnostics.filter((d) => d.severity === 'error').length;
    io.err(`${file}: ${n} error${n === 1 ? '' : 's'}; the app would keep its last good events page\n`);
    io.exit(EXIT_ERRORS);
    return undefined;
  }
  return page;
}

/** `--count` (1…1000) and `--after` (ISO date-time, default now), or a usage error. */
function window(io: EventsIo, opts: ScheduleOptions, defaultCount: number): { count: number; after: number } | undefined {
  const count = opts.count === undefined ? defaultCount : Number(opts.count);
  const after = opts.after === undefined ? io.clock().getTime() : Date.parse(opts.after);
  if (!Number.isInteger(count) || count < 1 || count > 1000) {
    io.err(`error: --count must be a whole number 1…1000 (got ${opts.count})\n`);
    io.exit(EXIT_USAGE);
    return undefined;
  }
  if (!Number.isFinite(after)) {
    io.err(`error: --after must be an ISO date-time such as 2026-03-01T00:00:00Z (got ${opts.after})\n`);
    io.exit(EXIT_USAGE);
    return undefined;
  }
  return { count, after };
}

/** `events next FILE`: the next occurrences, one line each (or JSON). */
export function runEventsNext(io: EventsIo, file: string, opts: ScheduleOptions): void {
  const page = loadPage(io, file);
  const w = page && window(io, opts, 10);
  if (!page || !w) return;
  const items = upcomingOccurrences(page.events, w.after, w.count).map(({ event, occurrence }) => ({
    id: event.id,
    start: new Date(occurrence.at).toISOString(),
    local: `${formatInZone(occurrence.at, event.timeZone, "EEE yyyy-MM-dd HH:mm")} ${zoneName(occurrence.at, event.timeZone)}`,
    timeZone: event.timeZone,
    ...(occurrence.shifted ? { shifted: `scheduled ${occurrence.local.replace('T', ' ')} does not exist (DST); posted at the shifted time` } : {}),
    title: renderEventText(event.title, occurrence.at, event.timeZone, { id: event.id }, { plain: true, maxLength: 300 }),
  }));
  if (opts.json) {
    io.out(`${JSON.stringify({ file, after: new Date(w.after).toISOString(), occurrences: items }, null, 2)}\n`);
    return;
  }
  if (items.length === 0) io.out('no upcoming occurrences\n');
  for (const i of items) io.out(`${i.start}  ${i.local} (${i.timeZone})  ${i.id}  ${i.title}${i.shifted ? `  [${i.shifted}]` : ''}\n`);
}

/** `events ics FILE`: an iCalendar file of the next occurrences. */
export function runEventsIcs(io: EventsIo, file: string, opts: ScheduleOptions & { name?: string }): void {
  const page = loadPage(io, file);
  const w = page && window(io, opts, 100);
  if (!page || !w) return;
  const items = upcomingOccurrences(page.events, w.after, w.count).map((u) => ({
    ...u,
    summary: renderEventText(u.event.title, u.occurrence.at, u.event.timeZone, { id: u.event.id }, { plain: true, maxLength: 300 }),
  }));
  io.out(toIcs(items, { now: io.clock().getTime(), ...(opts.name !== undefined ? { calendarName: opts.name } : {}) }));
}

/** Registers `events next` and `events ics`. */
export function registerEventsCommand(program: Command, io: EventsIo): void {
  const events = program.command('events').description('the schedule of a copy of the creator-desk/events wiki page');
  events
    .command('next')
    .description('print the next occurrences (UTC instant, local time, event id, title); exits 1 if the page has errors')
    .argument('<file>', 'events page (YAML)')
    .option('--count <n>', 'how many occurrences (1…1000)', '10')
    .option('--after <iso-date>', 'list occurrences after this instant (default: now)')
    .option('--json', 'print JSON')
    .action((file: string, opts: ScheduleOptions) => runEventsNext(io, file, opts));
  events
    .command('ics')
    .description('print an iCalendar (.ics) file of the next occurrences, one event each, for calendar apps')
    .argument('<file>', 'events page (YAML)')
    .option('--count <n>', 'how many occurrences (1…1000)', '100')
    .option('--after <iso-date>', 'occurrences after this instant (default: now)')
    .option('--name <name>', 'calendar name shown by calendar apps')
    .action((file: string, opts: ScheduleOptions & { name?: string }) => runEventsIcs(io, file, opts));
}
