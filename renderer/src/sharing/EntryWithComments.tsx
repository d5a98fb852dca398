import type { Editor } from '@tiptap/core';
import { type ReactNode, Suspense, lazy, useCallback, useEffect, useState } from 'react';
import type { ReceivedComment } from '../../../shared/share/sharing.js';
import { useSession } from '../session/SessionContext.js';
import '../styles/sharing.css';

/** The section editors of the entry on screen. */
export interface EntryEditors {
  /** The editors now, by section id, in the order the sections are shown. */
  current(): ReadonlyMap<string, Editor>;
  /** Changes whenever the editors are replaced (a reflection's template switched). */
  key: string;
  sectionTitle(sectionId: string): string;
}

interface EntryWithCommentsProps {
  /** The entry shown; null while it loads, or for a week with no log yet. */
  entryId: string | null;
  /** The editors hold the entry's text and can be typed in. */
  ready: boolean;
  editors: EntryEditors;
  /** "week" or "reflection", as the panel's words name the entry. */
  entryKind: 'week' | 'reflection';
  /** The entry's sections. */
  children: ReactNode;
}

/** The panel finds passages with the anchoring code, loaded only for an entry that has comments. */
const EntryCommentsPanel = lazy(() => import('./EntryCommentsPanel.js').then((module) => ({ default: module.EntryCommentsPanel })));

type Loaded = { entryId: string; comments: ReceivedComment[] } | { entryId: string; problem: string } | null;

/**
 * An entry's sections with the comments mentors sent on it beside them (below them on a narrow
 * window): nothing is added for an entry without comments.
 */
export function EntryWithComments({ entryId, ready, editors, entryKind, children }: EntryWithCommentsProps) {
  const session = useSession();
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (entryId === null) {
      setLoaded(null);
      return;
    }
    let cancelled = false;
    void session.client.call('feedback.forEntry', { entryId }).then((result) => {
      if (cancelled) return;
      setLoaded(result.ok ? { entryId, comments: result.value } : { entryId, problem: result.error.message });
    });
    return () => {
      cancelled = true;
    };
  }, [session, entryId, attempt]);

  const changed = useCallback((comment: ReceivedComment) => {
    setLoaded((current) => (current && 'comments' in current ? { ...current, comments: current.comments.map((known) => (known.id === comment.id ? comment : known)) } : current));
  }, []);

  const current = loaded !== null && loaded.entryId === entryId ? loaded : null;
  const comments = current && 'comments' in current && current.comments.length > 0 ? current.comments : null;
  return (
    <div className="entry-with-comments">
      <div className={`entry-with-comments__layout${comments ? ' entry-with-comments__layout--beside' : ''}`}>
        <div className="entry-with-comments__text">{children}</div>
        {comments && entryId !== null ? (
          <Suspense
            fallback={
              <aside className="mentor-comments" aria-label="Mentor comments">
                <p className="muted">Finding the passages your mentor commented on…</p>
              </aside>
            }
          >
            <EntryCommentsPanel key={entryId} comments={comments} onChanged={changed} editors={editors} ready={ready} entryKind={entryKind} />
          </Suspense>
        ) : null}
        {current && 'problem' in current ? (
          <div className="notice notice--error mentor-comments__problem" role="alert">
            <p>Your mentor’s comments on this {entryKind} could not be read: {current.problem}</p>
            <button type="button" className="button" onClick={() => setAttempt((count) => count + 1)}>
              Try again
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
