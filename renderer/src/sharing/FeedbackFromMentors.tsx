import { useCallback, useEffect, useState } from 'react';
import type { FeedbackOverview } from '../../../shared/api/contract.js';
import type { ReceivedComment } from '../../../shared/share/sharing.js';
import { useSession } from '../session/SessionContext.js';
import { LoadFailure } from '../shell/LoadFailure.js';
import { routeHash } from '../routing/route.js';
import { FeedbackImport } from './FeedbackImport.js';
import { FeedbackList } from './FeedbackList.js';
import { ukDateOfTime } from './receivedDates.js';
import { SignOffList } from './SignOffList.js';

type Loading = { state: 'loading' } | { state: 'ready'; overview: FeedbackOverview } | { state: 'error'; message: string };

/** Feedback from mentors: importing their files, then every comment and sign-off they sent. */
export function FeedbackFromMentors() {
  const session = useSession();
  const [loading, setLoading] = useState<Loading>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const load = useCallback(async () => {
    const result = await session.client.call('feedback.overview', {});
    setLoading(result.ok ? { state: 'ready', overview: result.value } : { state: 'error', message: result.error.message });
  }, [session]);

  useEffect(() => {
    void load();
  }, [load, attempt]);

  /** A reply or a resolved mark changes one comment: its entry and place stay as they were. */
  const changed = (comment: ReceivedComment) =>
    setLoading((current) =>
      current.state === 'ready'
        ? { state: 'ready', overview: { ...current.overview, comments: current.overview.comments.map((view) => (view.id === comment.id ? { ...view, ...comment } : view)) } }
        : current,
    );

  const overview = loading.state === 'ready' ? loading.overview : null;
  return (
    <section className="sharing-part" aria-labelledby="feedback-heading" data-testid="feedback-from-mentors" data-state={loading.state}>
      <h2 id="feedback-heading">Feedback from mentors</h2>
      <FeedbackImport onImported={() => void load()} />
      {loading.state === 'loading' ? <p className="muted">Reading the feedback you have…</p> : null}
      {loading.state === 'error' ? <LoadFailure message={loading.message} onRetry={() => setAttempt((count) => count + 1)} /> : null}
      {overview ? (
        <>
          {overview.comments.length + overview.signOffs.length > 0 ? (
            <p>
              <a href={routeHash({ view: 'export', pack: 'feedback', subject: null })}>Export this feedback and the sign-offs to Word</a>
            </p>
          ) : null}
          {overview.imports.length > 0 ? (
            <details className="feedback-imports">
              <summary>Feedback files imported ({overview.imports.length.toLocaleString('en-GB')})</summary>
              <ul>
                {[...overview.imports].reverse().map((record) => (
                  <li key={`${record.feedbackId}:${record.revision}:${record.importedAt}`}>
                    From {record.reviewerName} (file {record.revision.toLocaleString('en-GB')}), imported {ukDateOfTime(record.importedAt)}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <FeedbackList comments={overview.comments} onChanged={changed} />
          <SignOffList signOffs={overview.signOffs} />
        </>
      ) : null}
    </section>
  );
}

