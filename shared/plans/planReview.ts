import type { CalendarDate } from '../dates/weeks.js';
import { byWeek } from '../portfolio/entrySummary.js';
import type { EntryRecord, PlanReviewStatus } from '../portfolio/weeklyLog.js';

type Entry = Pick<EntryRecord, 'weekStart' | 'summary' | 'planReview'>;

/** One plan that a week's "Review of last week's plans" asks the writer to judge. */
export interface PlanToReview {
  planId: string;
  /** The plan's words as they stand now in the week that made it. */
  text: string;
  /** The week whose plans list holds it. */
  fromWeek: CalendarDate;
  /** True when an earlier review carried it forward, so it is older than last week. */
  carried: boolean;
  status: PlanReviewStatus | null;
  /** True when the plan was deleted from its week after this week reviewed it. */
  planRemoved: boolean;
}

interface PendingPlan {
  text: string;
  fromWeek: CalendarDate;
  carried: boolean;
}

function reviewItems(pending: ReadonlyMap<string, PendingPlan>, marks: Entry['planReview']): PlanToReview[] {
  const items: PlanToReview[] = [...pending].map(([planId, plan]) => ({
    planId,
    text: plan.text,
    fromWeek: plan.fromWeek,
    carried: plan.carried,
    status: marks[planId]?.status ?? null,
    planRemoved: false,
  }));
  for (const [planId, mark] of Object.entries(marks)) {
    if (!pending.has(planId)) {
      items.push({ planId, text: mark.text, fromWeek: mark.fromWeek, carried: false, status: mark.status, planRemoved: true });
    }
  }
  return items;
}

/**
 * Plans pending review at each of `weeks`, worked out in one pass over the entries in week order:
 * every plan from the latest earlier log, plus plans that an earlier review carried forward (they
 * keep coming back until reviewed as anything else). Plans are linked by id, so editing a plan's
 * words after it was reviewed keeps the review.
 */
export function plansToReviewByWeek(entries: readonly Entry[], weeks: readonly CalendarDate[]): Map<CalendarDate, PlanToReview[]> {
  const wanted = [...new Set(weeks)].sort();
  const logs = byWeek(entries);
  const answers = new Map<CalendarDate, PlanToReview[]>();
  let pending = new Map<string, PendingPlan>();
  let next = 0;
  for (const weekStart of wanted) {
    // Fold in every log before this week.
    while (next < logs.length && logs[next]!.weekStart < weekStart) {
      const entry = logs[next]!;
      const carried = new Map<string, PendingPlan>();
      for (const [planId, plan] of pending) {
        if (entry.planReview[planId]?.status === 'carried') carried.set(planId, { ...plan, carried: true });
      }
      for (const plan of entry.summary.plans) carried.set(plan.id, { text: plan.text, fromWeek: entry.weekStart, carried: false });
      pending = carried;
      next += 1;
    }
    const entryThisWeek = logs[next]?.weekStart === weekStart ? logs[next] : undefined;
    answers.set(weekStart, reviewItems(pending, entryThisWeek?.planReview ?? {}));
  }
  return answers;
}

/** Plans pending review at `weekStart` (see plansToReviewByWeek). */
export function plansToReview(entries: readonly Entry[], weekStart: CalendarDate): PlanToReview[] {
  return plansToReviewByWeek(entries, [weekStart]).get(weekStart) ?? [];
}
