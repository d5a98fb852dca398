import type { CalendarDate } from '../../../shared/dates/weeks.js';
import type { PlanToReview } from '../../../shared/plans/planReview.js';
import type { PlanReviewStatus } from '../../../shared/portfolio/weeklyLog.js';
import { PlanReviewItem } from './PlanReviewItem.js';

interface PlanReviewListProps {
  weekStart: CalendarDate;
  plans: readonly PlanToReview[];
  onChange(planId: string, status: PlanReviewStatus): void;
}

/** "Review of last week's plans": each plan made for this week, marked done, partly, not done or carried forward. */
export function PlanReviewList({ weekStart, plans, onChange }: PlanReviewListProps) {
  const reviewed = plans.filter((plan) => plan.status !== null).length;
  return (
    <section className="plan-review-list" aria-labelledby="plan-review-heading" data-testid="plan-review-list">
      <div className="log-section__header">
        <h2 id="plan-review-heading">Review of last week's plans</h2>
        <p className="plan-review-list__progress">
          {reviewed} of {plans.length} reviewed
        </p>
      </div>
      <p className="hint">How did each plan go? Anything carried forward comes back next week.</p>
      <ul className="plan-review-list__items">
        {plans.map((plan) => (
          <PlanReviewItem key={plan.planId} weekStart={weekStart} plan={plan} onChange={onChange} />
        ))}
      </ul>
    </section>
  );
}
