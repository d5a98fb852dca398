import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { thisWeek } from '../../../shared/dates/weeks.js';
import type { NumberedIdea } from '../../../shared/ideas/ideaNumbering.js';
import { type IdeaStatus, ideaStatusLabels, ideaStatuses } from '../../../shared/portfolio/weeklyLog.js';
import { addIdeaShortcut } from '../format/keyboardShortcutText.js';
import { routeHash } from '../routing/route.js';
import { useSession } from '../session/SessionContext.js';
import { IdeaRow } from './IdeaRow.js';
import { IdeasPager } from './IdeasPager.js';
import { pageOfList } from './pageOfList.js';
import { LoadFailure } from '../shell/LoadFailure.js';

type Filter = IdeaStatus | 'all';

type Loading = { state: 'loading' } | { state: 'ready'; ideas: NumberedIdea[] } | { state: 'error'; message: string };

function isFilter(value: string): value is Filter {
  return value === 'all' || (ideaStatuses as readonly string[]).includes(value);
}

/** A page long enough to scan, short enough to show at once even in a portfolio of thousands of ideas. */
const ideasPerPage = 100;

/** Waiting for the last autosave first means ideas typed a moment ago are in the list. */
const waitForSavesMs = 3000;

/** Every idea across all weeks, with its status and a link back to its week. */
export function IdeasView() {
  const session = useSession();
  const [loading, setLoading] = useState<Loading>({ state: 'loading' });
  const [filter, setFilter] = useState<Filter>('all');
  /** Null shows the last page: the most recent ideas are the ones a writer comes to update. */
  const [page, setPage] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);
  const filterId = useId();

  useEffect(() => {
    document.title = 'Ideas — Reflective Portfolio';
  }, []);

  useEffect(() => {
    let cancelled = false;
    setLoading({ state: 'loading' });
    void session
      .flushWithin(waitForSavesMs)
      .then(() => session.client.call('ideas.list', {}))
      .then((result) => {
        if (cancelled) return;
        setLoading(result.ok ? { state: 'ready', ideas: result.value } : { state: 'error', message: result.error.message });
      });
    return () => {
      cancelled = true;
    };
  }, [session, attempt]);

  const changeStatus = useCallback(
    (ideaId: string, status: IdeaStatus) => {
      const update = (change: (idea: NumberedIdea) => NumberedIdea) =>
        setLoading((current) => (current.state === 'ready' ? { ...current, ideas: current.ideas.map((idea) => (idea.id === ideaId ? change(idea) : idea)) } : current));
      update((idea) => ({ ...idea, status }));
      session.writeIdeaStatus(ideaId, status, (saved) => update(() => saved));
    },
    [session],
  );

  const ideas = loading.state === 'ready' ? loading.ideas : [];
  const shown = useMemo(() => (filter === 'all' ? ideas : ideas.filter((idea) => idea.status === filter)), [ideas, filter]);
  const shortcut = addIdeaShortcut();
  const listPage = pageOfList(shown.length, ideasPerPage, page);
  const pageOfIdeas = shown.slice(listPage.start, listPage.end);
  const pager =
    listPage.pageCount > 1 ? (
      <IdeasPager
        page={listPage.page}
        pageCount={listPage.pageCount}
        firstShown={listPage.start + 1}
        lastShown={listPage.end}
        total={shown.length}
        onPage={setPage}
      />
    ) : null;

  return (
    <main id="main-content" className="page ideas-page" tabIndex={-1} data-testid="ideas-view" aria-busy={loading.state === 'loading'}>
      <h1>Ideas</h1>
      <p className="lede">Every idea from your weekly logs, numbered in the order you wrote them.</p>

      {loading.state === 'loading' ? <p className="muted">Loading your ideas…</p> : null}

      {loading.state === 'error' ? <LoadFailure message={loading.message} onRetry={() => setAttempt((count) => count + 1)} /> : null}

      {loading.state === 'ready' && ideas.length === 0 ? (
        <div className="empty-state" data-testid="ideas-empty">
          <h2>No ideas yet</h2>
          <p>
            Ideas are written in your weekly log. Open <a href={routeHash({ view: 'week', weekStart: thisWeek(new Date()) })}>this week’s log</a>, then choose{' '}
            <strong>Add idea</strong> beside “This week” (or press <kbd>{shortcut.shown}</kbd> while writing) and type your idea. It will appear here, numbered,
            with a status you can track.
          </p>
        </div>
      ) : null}

      {loading.state === 'ready' && ideas.length > 0 ? (
        <>
          <div className="ideas-toolbar">
            <label htmlFor={filterId}>Show</label>
            <select
              id={filterId}
              value={filter}
              onChange={(event) => {
                if (!isFilter(event.target.value)) return;
                setFilter(event.target.value);
                setPage(null);
              }}
            >
              <option value="all">All ideas</option>
              {ideaStatuses.map((status) => (
                <option key={status} value={status}>
                  {ideaStatusLabels[status]}
                </option>
              ))}
            </select>
            <p className="ideas-toolbar__count" aria-live="polite">
              {filter === 'all'
                ? `${ideas.length.toLocaleString('en-GB')} ${ideas.length === 1 ? 'idea' : 'ideas'}`
                : `${shown.length.toLocaleString('en-GB')} of ${ideas.length.toLocaleString('en-GB')} ideas`}
            </p>
          </div>
          {shown.length === 0 ? (
            <p className="muted">No ideas have the status “{filter === 'all' ? '' : ideaStatusLabels[filter]}”.</p>
          ) : (
            <>
              {pager}
              <table className="ideas-table" data-testid="ideas-table">
                <caption className="visually-hidden">Your ideas, oldest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Idea</th>
                    <th scope="col">First line</th>
                    <th scope="col">Week</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {pageOfIdeas.map((idea) => (
                    <IdeaRow key={idea.id} idea={idea} onStatusChange={changeStatus} />
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      ) : null}
    </main>
  );
}
