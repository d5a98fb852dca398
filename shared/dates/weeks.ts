import { addWeeks, format, isValid, parseISO, startOfISOWeek } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';

/** A calendar date written as YYYY-MM-DD, with no time zone. */
export type CalendarDate = string;

const calendarDatePattern = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  if (!calendarDatePattern.test(value)) return false;
  const parsed = parseISO(value);
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
}

function toDate(day: CalendarDate): Date {
  if (!isCalendarDate(day)) throw new RangeError(`Not a calendar date: ${day}`);
  return parseISO(day);
}

function toCalendarDate(date: Date): CalendarDate {
  return format(date, 'yyyy-MM-dd');
}

/** The Monday that starts the ISO week holding this day. */
export function weekCommencing(day: CalendarDate): CalendarDate {
  return toCalendarDate(startOfISOWeek(toDate(day)));
}

export function isWeekStart(day: CalendarDate): boolean {
  return isCalendarDate(day) && weekCommencing(day) === day;
}

export function shiftWeeks(weekStart: CalendarDate, weeks: number): CalendarDate {
  return toCalendarDate(addWeeks(toDate(weekStart), weeks));
}

export function todayAsCalendarDate(now: Date): CalendarDate {
  return toCalendarDate(now);
}

export function thisWeek(now: Date): CalendarDate {
  return weekCommencing(todayAsCalendarDate(now));
}

/** "w/c 7 Oct 2019" — how UK practitioners label a weekly log. */
export function formatWeekCommencingShort(weekStart: CalendarDate): string {
  return `w/c ${format(toDate(weekStart), 'd MMM yyyy', { locale: enGB })}`;
}

/** "Week commencing Monday 7 October 2019". */
export function formatWeekCommencingLong(weekStart: CalendarDate): string {
  return `Week commencing ${format(toDate(weekStart), 'EEEE d MMMM yyyy', { locale: enGB })}`;
}

/** "week commencing Monday 7 October 2019", for the middle of a sentence. */
export function formatWeekCommencingInSentence(weekStart: CalendarDate): string {
  return `week commencing ${format(toDate(weekStart), 'EEEE d MMMM yyyy', { locale: enGB })}`;
}

/** "7 October 2019" */
export function formatUkDate(day: CalendarDate): string {
  return format(toDate(day), 'd MMMM yyyy', { locale: enGB });
}

/** Every week start from `first` to `last` inclusive, oldest first. */
export function weeksBetween(first: CalendarDate, last: CalendarDate): CalendarDate[] {
  const weeks: CalendarDate[] = [];
  let week = weekCommencing(first);
  const end = weekCommencing(last);
  while (week <= end) {
    weeks.push(week);
    week = shiftWeeks(week, 1);
  }
  return weeks;
}
