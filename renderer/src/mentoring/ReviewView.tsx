import type { ReviewPage } from '../routing/route.js';

/** A mentor's review of one share file. (Being built.) */
export function ReviewView({ reviewId, page }: { reviewId: string; page: ReviewPage }) {
  return (
    <main id="main-content" className="page" tabIndex={-1}>
      <h1>Review {reviewId}</h1>
      <p>{page.kind}</p>
    </main>
  );
}
