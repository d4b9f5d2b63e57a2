import type { z } from 'zod';
import { DAY, MINUTE, dayNumberOfIsoDate, instantOfWallMs, type DayNumber } from '../calendar/local-day.js';
import { isValidTimeZone } from '../calendar/time-zone.js';
import { parseDurationMinutes } from '../sla/duration.js';
import { checkEventText } from './event-text.js';
import type { Schedule } from './occurrences.js';
import { FIRST_DAY, LAST_DAY, ONCE, parseRrule, recurrenceFromReadable, type Recurrence } from './recurrence.js';
import { eventInputSchema } from './schema.js';

/** Longest announcement lead, reminder offset and event duration: two weeks, a month. */
const MAX_LEAD_MINUTES = 14 * 1440;
const MAX_DURATION_MINUTES = 31 * 1440;

/** A validated event, ready to expand and post. */
export interface ScheduledEvent {
  id: string;
  title: string;
  body: string;
  timeZone: string;
  schedule: Schedule;
  /** How long an occurrence is "live" (rules' `active: true`, the calendar's end time). */
  durationMinutes: number;
  /** The announcement is posted this long before each start. */
  announceMinutes: number;
  /** Reminders, minutes before the start, largest first. */
  reminders: number[];
  reminderAs: 'comment' | 'post';
  flair?: { text?: string; templateId?: string };
  sticky?: 1 | 2;
  distinguish: boolean;
  /** What happens to the previous occurrence's post when the next is posted; undefined = nothing. */
  rotate?: { unsticky: boolean; lock: boolean; endNote?: string };
}

/** A problem in one event: where (path inside the event) and what. */
export interface EventProblem {
  path: (string | number)[];
  /** An unknown key inside `path`: the problem is located at the key itself. */
  key?: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Local `YYYY-MM-DD HH:mm` (or with `T`) as a day number and minute of day. */
export function parseLocalDateTime(text: string): { day: DayNumber; minute: number } | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/.exec(text.trim());
  const day = m ? dayNumberOfIsoDate(m[1] as string) : undefined;
  if (!m || day === undefined) return undefined;
  const [h, mi] = [Number(m[2]), Number(m[3])];
  return h <= 23 && mi <= 59 ? { day, minute: h * 60 + mi } : undefined;
}

/** Validates one event (already-parsed YAML or form JSON) and builds its schedule; problems name their key. */
export function compileEvent(raw: unknown): { event?: ScheduledEvent; problems: EventProblem[] } {
  const parsed = eventInputSchema.safeParse(raw);
  const problems: EventProblem[] = parsed.success ? [] : parsed.error.issues.map(issueProblem);
  // Unknown keys alone do not hide the other problems: the rest is still checked.
  const known = parsed.success ? parsed : eventInputSchema.strip().safeParse(raw);
  if (!known.success) return { problems };
  const input = known.data;
  const error = (path: (string | number)[], message: string) => problems.push({ path, message, severity: 'error' });

  if (!isValidTimeZone(input.time_zone)) error(['time_zone'], `\`${input.time_zone}\` is not an IANA time zone (e.g. America/New_York)`);
  const start = parseLocalDateTime(input.start);
  if (!start) error(['start'], `\`${input.start}\` must be a local date and time, YYYY-MM-DD HH:mm`);
  else if (start.day < FIRST_DAY || start.day > LAST_DAY) error(['start'], 'start must be between 2000-01-01 and 2100-12-31');

  const duration = minutesOf(input.duration, ['duration'], MAX_DURATION_MINUTES, error);
  const announce = minutesOf(input.announce, ['announce'], MAX_LEAD_MINUTES, error);
  const reminders = input.reminders.map((r, i) => minutesOf(r, ['reminders', i], MAX_LEAD_MINUTES, error));
  for (const [i, r] of reminders.entries()) {
    if (r === undefined || announce === undefined) continue;
    if (r <= 0) error(['reminders', i], 'a reminder must be some time before the start (e.g. 1h)');
    else if (input.reminder_as === 'comment' && r >= announce) {
      error(['reminders', i], `a reminder ${input.reminders[i]} before the start comes before the announcement (announce: ${input.announce}); post it as a new post (reminder_as: post) or announce earlier`);
    }
  }

  let recurrence: Recurrence = ONCE;
  let untilLocal: { day: DayNumber; minute: number } | undefined;
  if (input.rrule !== undefined && input.repeat !== undefined) error(['rrule'], 'give either rrule or repeat, not both');
  if (input.rrule !== undefined) {
    const r = parseRrule(input.rrule);
    if (r.ok) {
      recurrence = r.recurrence;
      untilLocal = r.untilLocal;
    } else for (const m of r.errors) error(['rrule'], m);
  } else if (input.repeat !== undefined) {
    const readable = typeof input.repeat === 'string' ? { freq: input.repeat } : input.repeat;
    const r = recurrenceFromReadable(readable);
    if (r.ok) recurrence = r.recurrence;
    else for (const m of r.errors) error(['repeat'], m);
  }
  if (input.count !== undefined) {
    if (recurrence.count !== undefined) error(['count'], 'count is also given in the rrule');
    recurrence = { ...recurrence, count: input.count };
  }
  if (input.until !== undefined) {
    if (recurrence.until !== undefined || untilLocal !== undefined) error(['until'], 'until is also given in the rrule');
    const day = dayNumberOfIsoDate(input.until.trim());
    const local = day === undefined ? parseLocalDateTime(input.until) : undefined;
    if (day !== undefined) recurrence = { ...recurrence, until: { kind: 'date', day } };
    else if (local) untilLocal = local;
    else error(['until'], `\`${input.until}\` must be a local date YYYY-MM-DD or date and time YYYY-MM-DD HH:mm`);
  }
  if (untilLocal && isValidTimeZone(input.time_zone)) {
    recurrence = { ...recurrence, until: { kind: 'instant', ms: instantOfWallMs(input.time_zone, untilLocal.day * DAY + untilLocal.minute * MINUTE) } };
  }
  if (recurrence.count !== undefined && recurrence.until !== undefined) error(['until'], 'give either until or count, not both (RFC 5545)');
  if (recurrence.freq === 'once' && (recurrence.count !== undefined || recurrence.until !== undefined)) {
    error([input.count !== undefined ? 'count' : 'until'], 'until/count need a repeating event (repeat: or rrule:)');
  }

  const skip = new Set<DayNumber>();
  for (const [i, date] of input.skip.entries()) {
    const day = dayNumberOfIsoDate(date);
    if (day === undefined) error(['skip', i], `\`${date}\` is not a calendar date`);
    else skip.add(day);
  }

  for (const key of ['title', 'body'] as const) {
    for (const d of checkEventText(input[key])) error([key], d.message);
  }
  if (typeof input.flair === 'string' || input.flair?.text !== undefined) {
    for (const d of checkEventText(typeof input.flair === 'string' ? input.flair : (input.flair?.text ?? ''))) error(['flair'], d.message);
  }
  if (input.rotate?.end_note !== undefined) for (const d of checkEventText(input.rotate.end_note)) error(['rotate', 'end_note'], d.message);

  if (problems.some((p) => p.severity === 'error') || !start || duration === undefined || announce === undefined) return { problems };
  const flair = typeof input.flair === 'string' ? { text: input.flair } : input.flair;
  const event: ScheduledEvent = {
    id: input.id,
    title: input.title,
    body: input.body,
    timeZone: input.time_zone,
    schedule: { timeZone: input.time_zone, startDay: start.day, startMinute: start.minute, recurrence, skip },
    durationMinutes: duration,
    announceMinutes: announce,
    reminders: (reminders as number[]).slice().sort((a, b) => b - a),
    reminderAs: input.reminder_as,
    distinguish: input.distinguish,
    ...(flair ? { flair: { ...(flair.text !== undefined ? { text: flair.text } : {}), ...(flair.template_id !== undefined ? { templateId: flair.template_id } : {}) } } : {}),
    ...(input.sticky !== undefined ? { sticky: input.sticky } : {}),
    ...(input.rotate ? { rotate: { unsticky: input.rotate.unsticky, lock: input.rotate.lock, ...(input.rotate.end_note !== undefined ? { endNote: input.rotate.end_note } : {}) } } : {}),
  };
  return { event, problems };
}

function minutesOf(
  text: string | number,
  path: (string | number)[],
  max: number,
  error: (path: (string | number)[], message: string) => void,
): number | undefined {
  const m = parseDurationMinutes(text);
  if (m === undefined || m < 0) error(path, `\`${text}\` is not a duration (e.g. 30m, 2h, 1d)`);
  else if (m > max) error(path, `\`${text}\` is longer than ${max / 1440} days`);
  else return Math.round(m);
  return undefined;
}

function issueProblem(issue: z.core.$ZodIssue): EventProblem {
  const key = issue.path.map(String).join('.');
  const message = issue.code === 'unrecognized_keys' ? `unknown key(s): ${issue.keys.join(', ')}` : issue.message;
  const at = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? { key: issue.keys[0] } : {};
  return { path: issue.path as (string | number)[], ...at, message: key ? `${key}: ${message}` : message, severity: 'error' };
}
