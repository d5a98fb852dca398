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

/**
 * Plans pending review at `weekStart`: every plan from the latest earlier log, plus plans that an
 * earlier review carried forward (they keep coming back until reviewed as anything else).
 * Plans are linked by id, so editing a plan's words after it was reviewed keeps the review.
 */
export function plansToReview(entries: readonly Entry[], weekStart: CalendarDate): PlanToReview[] {
  let pending = new Map<string, PendingPlan>();
  let entryThisWeek: Entry | undefined;
  for (const entry of byWeek(entries)) {
    if (entry.weekStart === weekStart) entryThisWeek = entry;
    if (entry.weekStart >= weekStart) continue;
    const next = new Map<string, PendingPlan>();
    for (const [planId, plan] of pending) {
      if (entry.planReview[planId]?.status === 'carried') next.set(planId, { ...plan, carried: true });
    }
    for (const plan of entry.summary.plans) {
      next.set(plan.id, { text: plan.text, fromWeek: entry.weekStart, carried: false });
    }
    pending = next;
  }
  const marks = entryThisWeek?.planReview ?? {};
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
