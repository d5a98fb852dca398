import { formatUkDate, todayAsCalendarDate } from '../../../shared/dates/weeks.js';
import type { Reviewer } from '../../../shared/share/sharing.js';

/** "7 October 2019", the day a stored time falls on here. */
export function ukDateOfTime(time: string): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? '' : formatUkDate(todayAsCalendarDate(date));
}

/** "Sam Jones, Practice assessor" (the role only when given). */
export function reviewerName(reviewer: Reviewer): string {
  return reviewer.role.trim() === '' ? reviewer.name : `${reviewer.name}, ${reviewer.role}`;
}
