export {
  parseRrule,
  recurrenceFromReadable,
  formatRrule,
  RECURRENCE_LIMITS,
  ONCE,
  type Recurrence,
  type ReadableRepeat,
  type NthWeekday,
  type Until,
  type WeekdayNumber,
} from './recurrence.js';
export { occurrencesAfter, nextOccurrence, MAX_OCCURRENCES, type Occurrence, type Schedule } from './occurrences.js';
export { eventInputSchema, eventsPageSchema, repeatSchema, type EventInput } from './schema.js';
export { compileEvent, parseLocalDateTime, type EventProblem, type ScheduledEvent } from './compile-event.js';
export { parseEventsPage, type EventsPage } from './parse-events-page.js';
export { renderEventText, checkEventText, formatInZone, zoneName, EVENT_PLACEHOLDERS, DEFAULT_DATE_FORMAT, type EventTextVars } from './event-text.js';
export {
  dueSteps,
  nextStepAt,
  occurrenceKey,
  occurrenceAround,
  upcomingOccurrences,
  type EventStep,
  type EventWindowQuery,
} from './event-steps.js';
export { toIcs } from './ics.js';
