import type { TimelineWeek } from '../../../shared/api/contract.js';
import { type CalendarDate, shiftWeeks } from '../../../shared/dates/weeks.js';

/** How far back the timeline reaches even when there are no older logs. */
export const weeksShownBeforeThisWeek = 11;

export interface TimelineRange {
  /** The oldest week shown. */
  first: CalendarDate;
  /** The newest week shown. */
  last: CalendarDate;
}

function earlier(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a < b ? a : b;
}

function later(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a > b ? a : b;
}

/**
 * From the first week with a log (or 11 weeks before this week, whichever is older) to this week,
 * or to the open week or the latest week with an entry (a reflection dated ahead), if later. The
 * open week is always inside.
 */
export function timelineRange(firstLoggedWeek: CalendarDate | null, thisWeek: CalendarDate, openWeek: CalendarDate, lastLoggedWeek: CalendarDate | null = null): TimelineRange {
  let first = shiftWeeks(thisWeek, -weeksShownBeforeThisWeek);
  if (firstLoggedWeek !== null) first = earlier(first, firstLoggedWeek);
  first = earlier(first, openWeek);
  let last = later(thisWeek, openWeek);
  if (lastLoggedWeek !== null) last = later(last, lastLoggedWeek);
  return { first, last };
}

export interface TimelineYear {
  year: number;
  /** Week starts in this year, newest first. */
  weeks: CalendarDate[];
}

const dayMs = 86_400_000;

function toUtcMs(day: CalendarDate): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date);
}

function fromUtcMs(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The range's weeks grouped by the year their Monday falls in, newest year and newest week first.
 * Done with plain date arithmetic: thousands of weeks take well under a millisecond.
 */
export function groupWeeksByYear(range: TimelineRange): TimelineYear[] {
  const years: TimelineYear[] = [];
  const firstMs = toUtcMs(range.first);
  for (let ms = toUtcMs(range.last); ms >= firstMs; ms -= 7 * dayMs) {
    const week = fromUtcMs(ms);
    const year = Number(week.slice(0, 4));
    const group = years[years.length - 1];
    if (group && group.year === year) group.weeks.push(week);
    else years.push({ year, weeks: [week] });
  }
  return years;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

const shortMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const shortDays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Thu 10 Oct", as the timeline dates a reflection (its week gives the year). */
export function formatShortDay(day: CalendarDate): string {
  const ms = toUtcMs(day);
  const date = new Date(ms);
  return `${shortDays[date.getUTCDay()]} ${date.getUTCDate()} ${shortMonths[date.getUTCMonth()]}`;
}

/** "No log", "420 words" or "3 ideas · 420 words". */
export function describeTimelineWeek(week: TimelineWeek | undefined): string {
  if (!week) return 'No log';
  const words = plural(week.words, 'word', 'words');
  return week.ideaCount > 0 ? `${plural(week.ideaCount, 'idea', 'ideas')} · ${words}` : words;
}

/** "2019: 12 logs" for a year's toggle. */
export function describeTimelineYear(year: TimelineYear, logged: ReadonlyMap<CalendarDate, TimelineWeek>): string {
  const logs = year.weeks.filter((week) => logged.has(week)).length;
  return logs === 0 ? 'no logs' : plural(logs, 'log', 'logs');
}
