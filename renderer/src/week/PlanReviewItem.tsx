import type { CalendarDate } from '../../../shared/dates/weeks.js';
import { formatWeekCommencingShort } from '../../../shared/dates/weeks.js';
import type { PlanToReview } from '../../../shared/plans/planReview.js';
import { type PlanReviewStatus, planReviewStatusLabels, planReviewStatuses } from '../../../shared/portfolio/weeklyLog.js';

interface PlanReviewItemProps {
  weekStart: CalendarDate;
  plan: PlanToReview;
  onChange(planId: string, status: PlanReviewStatus): void;
}

/** One plan from an earlier week and how it went: a radio group (arrow keys move between choices). */
export function PlanReviewItem({ weekStart, plan, onChange }: PlanReviewItemProps) {
  const groupName = `plan-review-${weekStart}-${plan.planId}`;
  const noteId = `${groupName}-note`;
  const note = plan.planRemoved
    ? `Removed from the plans of ${formatWeekCommencingShort(plan.fromWeek)} after you reviewed it; this is the wording you reviewed.`
    : plan.carried
      ? `carried forward from ${formatWeekCommencingShort(plan.fromWeek)}`
      : null;
  return (
    <li className={`plan-review${plan.planRemoved ? ' plan-review--removed' : ''}`} data-testid="plan-review" data-plan-id={plan.planId}>
      <fieldset aria-describedby={note ? noteId : undefined}>
        <legend className="plan-review__text">
          {plan.text.trim() || 'An empty plan'}
          {plan.planRemoved ? (
            <>
              {' '}
              <span className="tag tag--removed">(removed)</span>
            </>
          ) : null}
        </legend>
        {note ? (
          <p id={noteId} className="plan-review__note">
            {note}
          </p>
        ) : null}
        <div className="plan-review__choices">
          {planReviewStatuses.map((status) => (
            <label key={status} className="choice">
              <input type="radio" name={groupName} value={status} checked={plan.status === status} onChange={() => onChange(plan.planId, status)} />
              <span>{planReviewStatusLabels[status]}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </li>
  );
}
