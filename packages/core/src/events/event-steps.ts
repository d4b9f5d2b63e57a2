/**
 * What the app must do for the events, and when: each occurrence is announced `announce` before
 * its start and gets one reminder per `reminders` entry. Pure planning, so the app's job only
 * performs the steps this returns.
 */
import { MINUTE } from '../calendar/local-day.js';
import type { ScheduledEvent } from './compile-event.js';
import { occurrencesAfter, type Occurrence } from './occurrences.js';

/** One step for one occurrence. */
export interface EventStep {
  event: ScheduledEvent;
  occurrence: Occurrence;
  kind: 'announce' | 'reminder';
  /** Reminders: minutes before the start. */
  minutesBefore: number;
  /** When the step is due. */
  dueAt: number;
  /**
   * After this the step is no longer worth doing: an announcement until the occurrence ends, a
   * reminder until it starts (an app that was down does not remind of what already began).
   */
  staleAt: number;
}

/** Occurrences looked at per event per call: enough for two weeks of a daily event with reminders. */
const PER_EVENT = 40;

function stepsOf(event: ScheduledEvent, o: Occurrence): EventStep[] {
  const announce: EventStep = {
    event,
    occurrence: o,
    kind: 'announce',
    minutesBefore: event.announceMinutes,
    dueAt: o.at - event.announceMinutes * MINUTE,
    staleAt: o.at + event.durationMinutes * MINUTE,
  };
  return [announce, ...event.reminders.map((m): EventStep => ({ event, occurrence: o, kind: 'reminder', minutesBefore: m, dueAt: o.at - m * MINUTE, staleAt: o.at }))];
}

/** Steps of occurrences whose window (earliest step … end) touches [fromMs, toMs], ordered by due time. */
function stepsAround(events: readonly ScheduledEvent[], fromMs: number, toMs: number): EventStep[] {
  const out: EventStep[] = [];
  for (const event of events) {
    const lead = Math.max(event.announceMinutes, ...event.reminders) * MINUTE;
    for (const o of occurrencesAfter(event.schedule, fromMs - event.durationMinutes * MINUTE - 1, PER_EVENT, toMs + lead + 1)) out.push(...stepsOf(event, o));
  }
  return out.sort((a, b) => a.dueAt - b.dueAt || a.event.id.localeCompare(b.event.id));
}

/** Steps due at `now` and not yet stale, ordered by due time. */
export function dueSteps(events: readonly ScheduledEvent[], now: number): EventStep[] {
  return stepsAround(events, now, now).filter((s) => s.dueAt <= now && now < s.staleAt);
}

/** When the next step after `now` is due, or undefined when no event has any more. */
export function nextStepAt(events: readonly ScheduledEvent[], now: number): number | undefined {
  let best: number | undefined;
  for (const event of events) {
    const lead = Math.max(event.announceMinutes, ...event.reminders) * MINUTE;
    // The first occurrence whose earliest step is after now is enough: later ones start later.
    for (const o of occurrencesAfter(event.schedule, now, 2 + event.reminders.length)) {
      for (const s of stepsOf(event, o)) if (s.dueAt > now && (best === undefined || s.dueAt < best)) best = s.dueAt;
      if (o.at - lead > now) break;
    }
  }
  return best;
}

/** The key of one occurrence: event id + start instant (ISO, UTC). */
export function occurrenceKey(eventId: string, o: Pick<Occurrence, 'at'>): string {
  return `${eventId}@${new Date(o.at).toISOString()}`;
}

/** Relation of instant `t` to an event, for rules: live, or within a window before/after an occurrence. */
export interface EventWindowQuery {
  /** Also true this long before an occurrence starts (minutes). */
  beforeMinutes?: number;
  /** Also true this long after an occurrence ends (minutes). */
  afterMinutes?: number;
}

/** The occurrence whose window (start − before … end + after) contains `t`, if any. */
export function occurrenceAround(event: ScheduledEvent, t: number, q: EventWindowQuery = {}): Occurrence | undefined {
  const before = (q.beforeMinutes ?? 0) * MINUTE;
  const after = (q.afterMinutes ?? 0) * MINUTE;
  // The first occurrence not yet over (with `after`) is the only candidate: later ones start later.
  const [o] = occurrencesAfter(event.schedule, t - event.durationMinutes * MINUTE - after, 1);
  return o && o.at - before <= t ? o : undefined;
}

/** The next `limit` occurrences of all events after `now`, in time order. */
export function upcomingOccurrences(events: readonly ScheduledEvent[], now: number, limit: number): { event: ScheduledEvent; occurrence: Occurrence }[] {
  const all = events.flatMap((event) => occurrencesAfter(event.schedule, now, limit).map((occurrence) => ({ event, occurrence })));
  return all.sort((a, b) => a.occurrence.at - b.occurrence.at || a.event.id.localeCompare(b.event.id)).slice(0, Math.max(0, limit));
}
