import { useEffect, useState } from 'react';
import type { ReviewView as ReviewData } from '../../../shared/api/contract.js';
import { formatUkDate } from '../../../shared/dates/weeks.js';
import type { EvidenceItem } from '../../../shared/evidence/evidenceList.js';
import { resolveTag } from '../../../shared/frameworks/framework.js';
import { plural } from '../coverage/coverageCells.js';
import { routeHash } from '../routing/route.js';
import { useSession } from '../session/SessionContext.js';
import { LoadFailure } from '../shell/LoadFailure.js';
import { ReviewEvidenceItems } from './ReviewEvidenceItems.js';

interface ReviewEvidencePageProps {
  review: ReviewData;
  frameworkId: string;
  outcomeId: string;
  criterionId: string | null;
}

type Loading = { state: 'loading' } | { state: 'ready'; items: EvidenceItem[] } | { state: 'error'; message: string };

/** `#/review/<id>/evidence/<framework>/<outcome>[/<criterion>]`: every shared passage tagged with one outcome or criterion. */
export function ReviewEvidencePage({ review, frameworkId, outcomeId, criterionId }: ReviewEvidencePageProps) {
  const session = useSession();
  const reviewId = review.summary.reviewId;
  const [loading, setLoading] = useState<Loading>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const resolved = resolveTag(review.frameworks, { framework: frameworkId, outcome: outcomeId, criterion: criterionId });

  useEffect(() => {
    let cancelled = false;
    setLoading({ state: 'loading' });
    void session.client.call('review.evidence', { reviewId, frameworkId, outcomeId, criterionId }).then((result) => {
      if (cancelled) return;
      setLoading(result.ok ? { state: 'ready', items: result.value.items } : { state: 'error', message: result.error.message });
    });
    return () => {
      cancelled = true;
    };
  }, [session, reviewId, frameworkId, outcomeId, criterionId, attempt]);

  const items = loading.state === 'ready' ? loading.items : [];
  const passages = items.filter((item) => item.kind === 'passage');
  const wholeEntries = items.length - passages.length;
  const words = passages.reduce((total, item) => total + item.words, 0);
  const signOffs = review.signOffs.filter((signOff) => signOff.frameworkId === frameworkId && signOff.outcomeId === outcomeId && signOff.criterionId === criterionId);
  const coverageHref = routeHash({ view: 'review', reviewId, page: { kind: 'coverage', frameworkId } });

  return (
    <div className="review-evidence-page" data-testid="review-evidence" aria-busy={loading.state === 'loading'}>
      {!resolved ? <p className="notice notice--error">This outcome is not in the framework shared with you.</p> : null}
      {resolved && criterionId === null && resolved.outcome.criteria.length > 0 ? <p className="lede">Passages tagged with {resolved.code} or any of its criteria.</p> : null}
      <p className="review-evidence-page__signoff">
        {signOffs.length === 0
          ? 'You have not signed this off. '
          : `${signOffs.map((signOff) => `Signed off by ${signOff.signer.name}, ${formatUkDate(signOff.date)}`).join('; ')}. `}
        <a href={coverageHref}>Sign-offs are on the coverage page</a>.
      </p>
      {loading.state === 'loading' ? <p className="muted">Finding the passages…</p> : null}
      {loading.state === 'error' ? <LoadFailure message={loading.message} onRetry={() => setAttempt((count) => count + 1)} /> : null}
      {loading.state === 'ready' ? (
        <p className="evidence-summary" data-testid="review-evidence-summary">
          {items.length === 0
            ? 'Nothing shared with you is tagged with this.'
            : `${plural(passages.length, 'passage')} (${plural(words, 'word')} quoted)${wholeEntries > 0 ? ` and ${plural(wholeEntries, 'whole entry', 'whole entries')}` : ''}, oldest first.`}
        </p>
      ) : null}
      {items.length > 0 ? <ReviewEvidenceItems reviewId={reviewId} items={items} frameworks={review.frameworks} showWeek /> : null}
    </div>
  );
}
