import type { ApiInput, OperationName } from '../../../shared/api/contract.js';
import type { CalendarDate } from '../../../shared/dates/weeks.js';
import type { WeeklyLogSections } from '../../../shared/portfolio/weeklyLog.js';
import type { SaveJob } from './SaveQueue.js';

/** A week's text: the one write that waits for a pause in typing. */
export interface WeekWriteJob extends SaveJob {
  kind: 'week';
  weekStart: CalendarDate;
  sections: WeeklyLogSections;
}

/** A single choice (a plan review, an idea's status), sent at once. */
export interface ChoiceWriteJob extends SaveJob {
  kind: 'choice';
}

export type WriteJob = WeekWriteJob | ChoiceWriteJob;

/** Sends an operation while the page is closing, without waiting (web mode only). */
export type SendWhileClosing = <K extends OperationName>(name: K, argument: ApiInput<K>) => void;

export function weekWriteKey(weekStart: CalendarDate): string {
  return `week:${weekStart}`;
}
