import { useEffect, useRef, useState } from 'react';
import type { ReviewSummary } from '../../../shared/api/contract.js';
import { plural } from '../coverage/coverageCells.js';
import { routeHash } from '../routing/route.js';
import { formatDateTime, formatDayOf, possessive } from './reviewWords.js';

interface ReviewListProps {
  reviews: readonly ReviewSummary[];
  /** Removes a review; resolves to a problem to show, or null once removed. */
  onRemove(reviewId: string): Promise<string | null>;
  /** Called once a review is removed and the confirmation has closed. */
  onRemoved(): void;
}

function feedbackState(review: ReviewSummary): string {
  return review.lastSentAt === null ? 'No feedback saved yet' : `Last feedback saved ${formatDateTime(review.lastSentAt)}`;
}

/** The reviews in progress, newest share first: each opens its review, and can be removed after a warning. */
export function ReviewList({ reviews, onRemove, onRemoved }: ReviewListProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [removing, setRemoving] = useState<ReviewSummary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!removing) return;
    dialog.current?.showModal();
    cancel.current?.focus();
  }, [removing]);

  const close = () => {
    const opener = removing ? document.getElementById(`remove-${removing.reviewId}`) : null;
    dialog.current?.close();
    setRemoving(null);
    setProblem(null);
    opener?.focus();
  };

  const remove = async () => {
    if (!removing) return;
    const outcome = await onRemove(removing.reviewId);
    if (outcome !== null) {
      setProblem(outcome);
      return;
    }
    dialog.current?.close();
    setRemoving(null);
    setProblem(null);
    onRemoved();
  };

  return (
    <>
      <ul className="review-list" data-testid="review-list">
        {reviews.map((review) => (
          <li key={review.reviewId} className="review-list__item" data-testid="review-list-item">
            <div className="review-list__about">
              <h3 className="review-list__name">
                <a href={routeHash({ view: 'review', reviewId: review.reviewId, page: { kind: 'overview' } })}>{possessive(review.authorName)} portfolio</a>
              </h3>
              <p className="review-list__what">{review.description}</p>
              <p className="review-list__meta">
                Shared {formatDayOf(review.sharedAt)} · {plural(review.entries, 'entry', 'entries')} · {plural(review.comments, 'comment')} ·{' '}
                {plural(review.signOffs, 'sign-off')}
              </p>
              <p className="review-list__meta">
                {feedbackState(review)}
                {review.unsent > 0 ? (
                  <>
                    {' · '}
                    <strong className="review-list__unsent">
                      {plural(review.unsent, 'change')} not yet sent
                    </strong>
                  </>
                ) : null}
              </p>
            </div>
            <button
              id={`remove-${review.reviewId}`}
              type="button"
              className="button button--quiet"
              onClick={() => setRemoving(review)}
              aria-label={`Remove the review of ${possessive(review.authorName)} portfolio`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {removing ? (
        <dialog ref={dialog} className="dialog" aria-labelledby="remove-review-title" aria-describedby="remove-review-warning" onCancel={(event) => (event.preventDefault(), close())}>
          <h2 id="remove-review-title">Remove this review?</h2>
          <p id="remove-review-warning">
            Your comments and sign-offs not yet sent will be lost.{' '}
            {removing.unsent > 0 ? `This review has ${plural(removing.unsent, 'change')} not yet sent.` : 'Everything in it has been sent.'} {possessive(removing.authorName)}{' '}
            portfolio is not affected, and you can open the share file again later.
          </p>
          {problem ? (
            <p className="notice notice--error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="form-actions">
            <button ref={cancel} type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button type="button" className="button button--danger" onClick={() => void remove()}>
              Remove review
            </button>
          </div>
        </dialog>
      ) : null}
    </>
  );
}
