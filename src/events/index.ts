/** The events capability: what main.ts wires. */
export { eventsConfigPage } from './events-config-page.js';
export { onEventsDue } from './events-due.js';
export { onScheduleEventPressed, onScheduleEventSubmit, scheduleEventForm } from './schedule-event-form.js';
export { onUpcomingEventsClosed, onUpcomingEventsPressed, upcomingEventsForm } from './upcoming-events-action.js';
