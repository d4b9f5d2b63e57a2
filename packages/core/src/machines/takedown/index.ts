export {
  COUNTER_NOTICE_ELEMENTS,
  counterNoticeSchema,
  NOTICE_ELEMENTS,
  takedownNoticeSchema,
  validateCounterNotice,
  validateTakedownNotice,
  type CounterNotice,
  type CounterNoticeElement,
  type ElementValidation,
  type NoticeElement,
  type TakedownNotice,
} from './notice.js';
export {
  checkRestoreWindowBounds,
  computeRestoreWindow,
  RESTORE_AFTER_BUSINESS_DAYS,
  type RestoreWindowBounds,
  type BusinessDayAdder,
  type BusinessDays,
  type RestoreWindow,
} from './restore-window.js';
export {
  openTakedownCase,
  restoreWindow,
  TAKEDOWN_RESOLUTIONS,
  takedownMachine,
  takedownTable,
  type NewTakedownCase,
  type TakedownCommand,
  type TakedownContext,
  type TakedownGuard,
  type TakedownResolution,
  type TakedownState,
  type TakedownStatus,
} from './machine.js';
export { takedownReminderDue, type TakedownReminder, type TakedownReminderCheck } from './reminders.js';
export { takedownCalendar, type TakedownCalendarOptions } from './takedown-calendar.js';
export { parseNoticeContact, type NoticeContactChannel } from './notice-contact.js';
export { impliedRetraction, impliedRetractionAt, MAX_SILENCE_BUSINESS_DAYS, type ImpliedRetraction } from './implied-retraction.js';
