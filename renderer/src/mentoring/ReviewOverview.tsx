import type { ReviewView as ReviewData } from '../../../shared/api/contract.js';
import { plural } from '../coverage/coverageCells.js';
import { ReviewerForm } from './ReviewerForm.js';
import { ReviewTimeline } from './ReviewTimeline.js';
import { SendFeedback } from './SendFeedback.js';
import { formatDateTime } from './reviewWords.js';

const reviewerNameFieldId = 'reviewer-name';

/** `#/review/<id>`: what was shared, who is reviewing, the entries, and sending the feedback back. */
export function ReviewOverview({ review, reload }: { review: ReviewData; reload(): Promise<void> }) {
  const { summary } = review;
  const weeklyLogs = review.entries.filter((entry) => entry.kind === 'weekly-log').length;
  const reflections = review.entries.length - weeklyLogs;
  const counts = [weeklyLogs > 0 ? plural(weeklyLogs, 'weekly log') : null, reflections > 0 ? plural(reflections, 'reflection') : null].filter(Boolean).join(' and ');
  return (
    <>
      <p className="review-about" data-testid="review-about">
        {summary.description}
        {counts ? ` (${counts})` : ''}. Shared on {formatDateTime(summary.sharedAt)}.
      </p>
      <ReviewerForm
        reviewId={summary.reviewId}
        reviewer={review.reviewer}
        authorName={summary.authorName}
        nameFieldId={reviewerNameFieldId}
        onSaved={reload}
      />
      <ReviewTimeline reviewId={summary.reviewId} entries={review.entries} />
      <SendFeedback review={review} reviewerNameFieldId={reviewerNameFieldId} reload={reload} />
    </>
  );
}
