import type { CalendarDate } from '../dates/weeks.js';
import { byWeek, summariseEntry } from '../portfolio/entrySummary.js';
import type { IdeaStatus, WeeklyLog } from '../portfolio/weeklyLog.js';

export interface NumberedIdea {
  id: string;
  number: number;
  weekStart: CalendarDate;
  entryId: string;
  text: string;
  status: IdeaStatus;
}

/**
 * Ideas are numbered across the whole portfolio in the order they were written: by week, then by
 * their place in the entry. The number is derived each time, so an idea added to an older week
 * moves every later number on by one.
 */
export function numberIdeas(entries: readonly WeeklyLog[], start: number, statuses: Readonly<Record<string, IdeaStatus>>): NumberedIdea[] {
  const numbered: NumberedIdea[] = [];
  let next = start;
  for (const entry of byWeek(entries)) {
    for (const idea of summariseEntry(entry).ideas) {
      numbered.push({ id: idea.id, number: next, weekStart: entry.weekStart, entryId: entry.id, text: idea.text, status: statuses[idea.id] ?? 'new' });
      next += 1;
    }
  }
  return numbered;
}

/** The number the first idea written in `weekStart` gets. */
export function firstIdeaNumberFor(entries: readonly WeeklyLog[], weekStart: CalendarDate, start: number): number {
  let count = 0;
  for (const entry of entries) {
    if (entry.weekStart < weekStart) count += summariseEntry(entry).ideas.length;
  }
  return start + count;
}
