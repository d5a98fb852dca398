import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewView as ReviewData } from '../../../shared/api/contract.js';
import { frameworkDisplayName, resolveTag } from '../../../shared/frameworks/framework.js';
import { type ReviewPage, routeHash } from '../routing/route.js';
import { useSession } from '../session/SessionContext.js';
import { LoadFailure } from '../shell/LoadFailure.js';
import { ReviewCoveragePage } from './ReviewCoveragePage.js';
import { ReviewEntryPage } from './ReviewEntryPage.js';
import { ReviewEvidencePage } from './ReviewEvidencePage.js';
import { ReviewOverview } from './ReviewOverview.js';
import { entryName, possessive } from './reviewWords.js';
import '../styles/reflection.css';
import '../styles/mentoring.css';

type Loading = { state: 'loading' } | { state: 'ready'; review: ReviewData } | { state: 'missing' } | { state: 'error'; message: string };

/** What the page is about, as its heading says it. */
function pageTitle(review: ReviewData, page: ReviewPage): string {
  const author = review.summary.authorName;
  switch (page.kind) {
    case 'overview':
      return `${possessive(author)} portfolio`;
    case 'entry': {
      const listing = review.entries.find((entry) => entry.entryId === page.entryId);
      return listing ? entryName(listing) : 'Entry not in this share';
    }
    case 'coverage': {
      const framework = review.frameworks.find((candidate) => candidate.id === page.frameworkId) ?? review.frameworks[0];
      return framework ? `Coverage of ${frameworkDisplayName(framework)}` : 'Coverage';
    }
    case 'evidence': {
      const resolved = resolveTag(review.frameworks, { framework: page.frameworkId, outcome: page.outcomeId, criterion: page.criterionId });
      return resolved ? resolved.label : 'Evidence';
    }
  }
}

/**
 * A mentor's review of one share file: a read-only copy of the author's entries, the mentor's
 * comments and sign-offs, and the feedback file that takes them back. The pages share the review
 * record, loaded once here and refreshed after every change.
 */
export function ReviewView({ reviewId, page }: { reviewId: string; page: ReviewPage }) {
  const session = useSession();
  const [loading, setLoading] = useState<Loading>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const pageKey = routeHash({ view: 'review', reviewId, page });
  const firstPage = useRef(true);

  const reload = useCallback(async () => {
    const result = await session.client.call('review.get', { reviewId });
    if (result.ok) setLoading({ state: 'ready', review: result.value });
    else if (result.error.code === 'not-found') setLoading({ state: 'missing' });
    else setLoading({ state: 'error', message: result.error.message });
  }, [session, reviewId]);

  useEffect(() => {
    void reload();
  }, [reload, attempt]);

  // Moving between the review's pages keeps the view, so focus is moved here as the shell does between views.
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    window.scrollTo(0, 0);
    document.getElementById('main-content')?.focus({ preventScroll: true });
  }, [pageKey]);

  const review = loading.state === 'ready' ? loading.review : null;
  const title = review ? pageTitle(review, page) : 'Review';
  useEffect(() => {
    document.title = `${title} — Reflective Portfolio`;
  }, [title]);

  if (!review) {
    return (
      <main id="main-content" className="page review-page" tabIndex={-1} aria-busy={loading.state === 'loading'} data-testid="review-view">
        <p className="breadcrumb">
          <a href={routeHash({ view: 'mentoring' })}>Mentoring</a>
        </p>
        <h1>Review</h1>
        {loading.state === 'loading' ? <p className="muted">Opening the review…</p> : null}
        {loading.state === 'missing' ? (
          <p className="notice notice--error" role="alert">
            This review is not here any more: it may have been removed. Open the share file again from the <a href={routeHash({ view: 'mentoring' })}>Mentoring page</a>.
          </p>
        ) : null}
        {loading.state === 'error' ? <LoadFailure message={loading.message} onRetry={() => setAttempt((count) => count + 1)} /> : null}
      </main>
    );
  }

  const author = review.summary.authorName;
  const overviewHref = routeHash({ view: 'review', reviewId, page: { kind: 'overview' } });
  const chosenFrameworkId = page.kind === 'coverage' ? (page.frameworkId ?? review.frameworks[0]?.id ?? null) : page.kind === 'evidence' ? page.frameworkId : null;

  return (
    <main id="main-content" className={`page review-page review-page--${page.kind}`} tabIndex={-1} data-testid="review-view">
      <p className="breadcrumb">
        <a href={routeHash({ view: 'mentoring' })}>Mentoring</a>
        {page.kind !== 'overview' ? (
          <>
            {' '}
            <span aria-hidden="true">›</span> <a href={overviewHref}>{possessive(author)} portfolio</a>
          </>
        ) : null}
      </p>
      <h1>{title}</h1>
      <p className="review-banner" data-testid="read-only-banner">
        <span className="review-banner__mark" aria-hidden="true" />
        You are reading a copy shared with you. Nothing you do here changes {possessive(author)} portfolio.
      </p>
      <nav className="review-nav" aria-label="This review">
        <ul>
          <li>
            <a href={overviewHref} aria-current={page.kind === 'overview' || page.kind === 'entry' ? 'page' : undefined} className="review-nav__link">
              Entries
            </a>
          </li>
          {review.frameworks.map((framework) => (
            <li key={framework.id}>
              <a
                href={routeHash({ view: 'review', reviewId, page: { kind: 'coverage', frameworkId: framework.id } })}
                aria-current={chosenFrameworkId === framework.id ? 'page' : undefined}
                className="review-nav__link"
              >
                Coverage: {frameworkDisplayName(framework)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {page.kind === 'overview' ? <ReviewOverview review={review} reload={reload} /> : null}
      {page.kind === 'entry' ? <ReviewEntryPage key={page.entryId} review={review} entryId={page.entryId} reload={reload} /> : null}
      {page.kind === 'coverage' ? <ReviewCoveragePage key={chosenFrameworkId ?? ''} review={review} frameworkId={chosenFrameworkId} reload={reload} /> : null}
      {page.kind === 'evidence' ? (
        <ReviewEvidencePage review={review} frameworkId={page.frameworkId} outcomeId={page.outcomeId} criterionId={page.criterionId} />
      ) : null}
    </main>
  );
}
