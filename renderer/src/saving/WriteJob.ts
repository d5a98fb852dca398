import type { ApiInput, OperationName } from '../../../shared/api/contract.js';
import type { CalendarDate } from '../../../shared/dates/weeks.js';
import type { EntrySections, WeeklyLogSections } from '../../../shared/portfolio/weeklyLog.js';
import type { SaveJob } from './SaveQueue.js';

/** A week's text: the one write that waits for a pause in typing. */
export interface WeekWriteJob extends SaveJob {
  kind: 'week';
  weekStart: CalendarDate;
  sections: WeeklyLogSections;
}

/** A reflection's text: like a week's, it waits for a pause in typing. */
export interface EntryWriteJob extends SaveJob {
  kind: 'entry';
  entryId: string;
  sections: EntrySections;
}

/** A single choice (a plan review, an idea's status), sent at once. */
export interface ChoiceWriteJob extends SaveJob {
  kind: 'choice';
}

export type WriteJob = WeekWriteJob | EntryWriteJob | ChoiceWriteJob;

/** Sends an operation while the page is closing, without waiting (web mode only). */
export type SendWhileClosing = <K extends OperationName>(name: K, argument: ApiInput<K>) => void;

export function entryWriteKey(entryId: string): string {
  return `entry:${entryId}`;
}

export function weekWriteKey(weekStart: CalendarDate): string {
  return `week:${weekStart}`;
}
