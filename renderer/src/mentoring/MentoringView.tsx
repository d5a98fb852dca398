import { type DragEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewSummary } from '../../../shared/api/contract.js';
import { navigate } from '../routing/useRoute.js';
import { useSession } from '../session/SessionContext.js';
import { LoadFailure } from '../shell/LoadFailure.js';
import { OpenShareFile } from './OpenShareFile.js';
import { ReviewList } from './ReviewList.js';
import '../styles/reflection.css';
import '../styles/mentoring.css';

type Loading = { state: 'loading' } | { state: 'ready'; reviews: ReviewSummary[] } | { state: 'error'; message: string };

const holdsFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');

/**
 * `#/mentoring`: for reading someone else's portfolio. Open the share file they sent, then comment
 * and sign off in the review it opens; the reviews in progress are listed here.
 */
export function MentoringView() {
  const session = useSession();
  const [loading, setLoading] = useState<Loading>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [dropped, setDropped] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const listHeading = useRef<HTMLHeadingElement>(null);
  /** Set when a review is removed: focus goes to the list's heading once the list is drawn without it. */
  const focusListHeading = useRef(false);

  useEffect(() => {
    document.title = 'Mentoring — Reflective Portfolio';
  }, []);

  const load = useCallback(async () => {
    const result = await session.client.call('review.list', {});
    setLoading(result.ok ? { state: 'ready', reviews: result.value } : { state: 'error', message: result.error.message });
  }, [session]);

  useEffect(() => {
    void load();
  }, [load, attempt]);

  useEffect(() => {
    if (!focusListHeading.current || loading.state === 'loading') return;
    focusListHeading.current = false;
    listHeading.current?.focus();
  }, [loading]);

  const remove = async (reviewId: string): Promise<string | null> => {
    const result = await session.client.call('review.remove', { reviewId });
    return result.ok ? null : result.error.message;
  };

  /** Once the confirmation has closed: the list is read again and focus goes to its heading. */
  const removed = () => {
    focusListHeading.current = true;
    setAnnouncement('Review removed.');
    void load();
  };

  const reviews = loading.state === 'ready' ? loading.reviews : [];

  return (
    <main
      id="main-content"
      className={`page mentoring-page${dragging ? ' mentoring-page--dropping' : ''}`}
      tabIndex={-1}
      data-testid="mentoring-view"
      aria-busy={loading.state === 'loading'}
      onDragOver={(event) => {
        if (!holdsFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        setDragging(false);
      }}
      onDrop={(event) => {
        if (!holdsFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer.files[0];
        if (file) setDropped(file);
      }}
    >
      <h1>Mentoring</h1>
      <p className="lede">Read a portfolio someone has shared with you, comment on it and sign outcomes off, then send your feedback back to them as a file.</p>

      <OpenShareFile
        dropped={dropped}
        onDroppedTaken={() => setDropped(null)}
        onOpened={(summary) => navigate({ view: 'review', reviewId: summary.reviewId, page: { kind: 'overview' } })}
      />

      <section className="mentoring-reviews" aria-labelledby="reviews-heading">
        <h2 id="reviews-heading" ref={listHeading} tabIndex={-1}>
          Reviews in progress
        </h2>
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
        {loading.state === 'loading' ? <p className="muted">Finding your reviews…</p> : null}
        {loading.state === 'error' ? <LoadFailure message={loading.message} onRetry={() => setAttempt((count) => count + 1)} /> : null}
        {loading.state === 'ready' && reviews.length === 0 ? <p className="muted">No reviews yet. Open a share file to start one.</p> : null}
        {reviews.length > 0 ? <ReviewList reviews={reviews} onRemove={remove} onRemoved={removed} /> : null}
      </section>
    </main>
  );
}
