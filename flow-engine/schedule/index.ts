// Public API of business-hours schedules: state at an instant, next opening, time-zone check.

export { scheduleState } from './schedule-state';
export { nextOpening, NEXT_OPENING_SEARCH_DAYS } from './next-opening';
export { isValidTimeZone } from './time-zone';
export { checkSchedule } from './check-schedule';
export { calendarDay, isCalendarDate } from './calendar-date';
export { ScheduleDefinitionError, InvalidTimeZoneError } from './schedule-errors';
export { scheduleDefinition, weekdays } from './schedule-config';
export type { ScheduleDefinition, ScheduleState, Weekday } from './schedule-config';
export {
  scheduleCalendar,
  ScheduleCalendarError,
  type ScheduleCalendar,
  type ScheduleCalendarOptions,
  type CalendarDay,
  type CalendarDayKind,
  type CalendarHour,
  type CalendarScheduleNode,
} from './schedule-calendar';
