import { useEffect, useRef, useState } from 'react';
import { type CalendarDate, formatWeekCommencingInSentence } from '../../../shared/dates/weeks.js';
import { routeHash } from '../routing/route.js';

interface ReflectionDeletedProps {
  title: string;
  weekStart: CalendarDate;
  /** Brings the reflection back; resolves to a problem to show, or null. */
  onUndo(): Promise<string | null>;
}

/** What is left on screen after a delete: what went, Undo delete, and the way to its week. */
export function ReflectionDeleted({ title, weekStart, onUndo }: ReflectionDeletedProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    heading.current?.focus();
    document.title = 'Reflection deleted — Reflective Portfolio';
  }, []);

  return (
    <section className="reflection-deleted" aria-labelledby="reflection-deleted-heading" data-testid="reflection-deleted">
      <h1 id="reflection-deleted-heading" tabIndex={-1} ref={heading}>
        Reflection deleted
      </h1>
      <p>
        {title ? `“${title}”` : 'The untitled reflection'} is no longer in the portfolio. Undo delete brings it back as it was, until the app is closed.
      </p>
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onUndo().then((message) => {
              setBusy(false);
              setProblem(message);
            });
          }}
        >
          Undo delete
        </button>
        <a href={routeHash({ view: 'week', weekStart })}>Go to the {formatWeekCommencingInSentence(weekStart)}</a>
      </div>
    </section>
  );
}
