import type { CalendarDate } from '../dates/weeks.js';
import { byWeek } from '../portfolio/entrySummary.js';
import type { EntryRecord, IdeaStatus } from '../portfolio/weeklyLog.js';

type Entry = Pick<EntryRecord, 'id' | 'weekStart' | 'summary'>;

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
export function numberIdeas(entries: readonly Entry[], start: number, statuses: Readonly<Record<string, IdeaStatus>>): NumberedIdea[] {
  const numbered: NumberedIdea[] = [];
  let next = start;
  for (const entry of byWeek(entries)) {
    for (const idea of entry.summary.ideas) {
      numbered.push({ id: idea.id, number: next, weekStart: entry.weekStart, entryId: entry.id, text: idea.text, status: statuses[idea.id] ?? 'new' });
      next += 1;
    }
  }
  return numbered;
}

/** The number the first idea written in `weekStart` gets. */
export function firstIdeaNumberFor(entries: readonly Entry[], weekStart: CalendarDate, start: number): number {
  let count = 0;
  for (const entry of entries) {
    if (entry.weekStart < weekStart) count += entry.summary.ideas.length;
  }
  return start + count;
}
