export {
  businessCalendarSchema,
  holidaySchema,
  isoDateSchema,
  timeOfDaySchema,
  workingIntervalSchema,
  WEEKDAYS,
  type BusinessCalendar,
  type BusinessCalendarInput,
  type Holiday,
  type Weekday,
} from './schema.js';
export { isValidTimeZone } from './time-zone.js';
export { CALENDAR_MAX_MS, CALENDAR_MIN_MS } from './local-day.js';
export { compileCalendar, CompiledCalendar } from './compiled-calendar.js';
export { addWorkingTime } from './add-working-time.js';
export { workingMinutesBetween } from './working-minutes-between.js';
export { addBusinessDays } from './add-business-days.js';
export { isWorkingTime } from './is-working-time.js';
export { isBusinessDay } from './is-business-day.js';
export { nextWorkingInstant } from './next-working-instant.js';
export { usFederalHolidays } from './us-federal-holidays.js';
export { usFederalHolidaysBetween, MAX_HOLIDAY_YEARS } from './us-federal-holidays-between.js';
export { isoWeekOfDate, mondayOfDate } from './iso-week.js';
export { calendarDateOf, parseDateInput, startOfCalendarDate, type DateInput, type DateInputParse } from './calendar-date.js';
