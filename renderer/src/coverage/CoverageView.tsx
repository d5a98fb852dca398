import { useEffect, useId, useMemo, useState } from 'react';
import type { FeedbackSignOffView } from '../../../shared/api/contract.js';
import type { Coverage } from '../../../shared/evidence/coverage.js';
import { type Framework, resolveTag, tagKey } from '../../../shared/frameworks/framework.js';
import { FrameworkSelect } from '../frameworks/FrameworkSelect.js';
import { navigate } from '../routing/useRoute.js';
import { routeHash } from '../routing/route.js';
import { useFrameworksSnapshot } from '../session/FrameworksStore.js';
import { useSession } from '../session/SessionContext.js';
import { LoadFailure } from '../shell/LoadFailure.js';
import { CellEvidence, type OpenCell } from './CellEvidence.js';
import { CoverageMatrix, type SignOffMark, rowCode } from './CoverageMatrix.js';
import { plural, rowsWithoutEvidence } from './coverageCells.js';
import { formatUkDate, isCalendarDate, weekCommencing } from '../../../shared/dates/weeks.js';
import '../styles/mentoring.css';

/** Performance marks `npm run bench` reads: the request sent, the answer in, the matrix drawn. */
export const coverageRequestedMark = 'reflective-portfolio:coverage-requested';
export const coverageAnsweredMark = 'reflective-portfolio:coverage-answered';

interface CoverageViewProps {
  frameworkId: string | null;
}

type Loading = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; coverage: Coverage } | { state: 'error'; message: string };

/** A date field's value as the Monday of its week, or null when empty; undefined when it is not a date. */
function weekOfField(value: string): string | null | undefined {
  if (value.trim() === '') return null;
  return isCalendarDate(value) ? weekCommencing(value) : undefined;
}

/** Outcomes × weeks for one framework and period: where the evidence is, and where there is none. */
/** "3 weekly logs and 1 reflection", counting the matrix's columns by kind. */
function describeColumns(columns: readonly { kind: string }[]): string {
  const reflections = columns.filter((column) => column.kind === 'reflection').length;
  const logs = columns.length - reflections;
  const parts = [logs > 0 ? plural(logs, 'weekly log') : null, reflections > 0 ? plural(reflections, 'reflection') : null].filter(Boolean);
  return parts.join(' and ');
}

/** Sign-offs mentors have sent for this framework, with their statements, in the order of the framework. */
function ReceivedSignOffs({ framework, signOffs }: { framework: Framework; signOffs: readonly FeedbackSignOffView[] }) {
  return (
    <section className="signoffs received-signoffs" aria-labelledby="received-signoffs-heading" data-testid="received-signoffs">
      <h2 id="received-signoffs-heading">Signed off by your mentors</h2>
      <ul className="signoff-rows">
        {signOffs.map((signOff) => {
          const details = [signOff.signer.role, signOff.signer.registration ? `registration ${signOff.signer.registration}` : ''].filter((part) => part !== '');
          return (
            <li key={signOff.id} className="signoff-row">
              <p className="signoff-row__name">
                {resolveTag([framework], { framework: signOff.frameworkId, outcome: signOff.outcomeId, criterion: signOff.criterionId })?.label ?? signOff.label}
              </p>
              <div className="signoff">
                <p className="signoff__who">
                  <span className="signoff-mark__tick" aria-hidden="true">
                    ✓
                  </span>{' '}
                  Signed off by {signOff.signer.name}
                  {details.length > 0 ? ` (${details.join(', ')})` : ''} on {formatUkDate(signOff.date)}
                </p>
                <blockquote className="signoff__statement">
                  {signOff.statement.split('\n').map((line, index) => (
                    <p key={index}>{line}</p>
                  ))}
                </blockquote>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function CoverageView({ frameworkId }: CoverageViewProps) {
  const session = useSession();
  const snapshot = useFrameworksSnapshot(session.frameworks);
  const ids = useId();
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [loading, setLoading] = useState<Loading>({ state: 'idle' });
  const [attempt, setAttempt] = useState(0);
  /** The open cell, by outcome and entry rather than by position, so a refreshed matrix keeps it right. */
  const [openKey, setOpenKey] = useState<{ row: string; entryId: string } | null>(null);
  /** Mentors' sign-offs received from feedback files; a failure to read them leaves the matrix unmarked. */
  const [signOffs, setSignOffs] = useState<FeedbackSignOffView[]>([]);

  useEffect(() => {
    document.title = 'Coverage — Reflective Portfolio';
    void session.frameworks.load();
  }, [session]);

  useEffect(() => {
    let cancelled = false;
    void session.client.call('feedback.overview', {}).then((result) => {
      if (!cancelled && result.ok) setSignOffs(result.value.signOffs.filter((signOff) => !signOff.withdrawn));
    });
    return () => {
      cancelled = true;
    };
  }, [session]);

  const usable = snapshot.frameworks;
  const chosen = usable.find((framework) => framework.id === frameworkId) ?? usable.find((framework) => !framework.archived) ?? null;
  const from = weekOfField(fromText);
  const to = weekOfField(toText);
  const rangeProblem = from === undefined || to === undefined ? 'Enter dates as day, month and year.' : from !== null && to !== null && from > to ? 'The start of the period is after its end.' : null;

  useEffect(() => {
    if (!chosen || rangeProblem || from === undefined || to === undefined) return;
    let cancelled = false;
    setLoading({ state: 'loading' });
    performance.mark(coverageRequestedMark);
    void session.client.call('evidence.coverage', { frameworkId: chosen.id, from, to }).then((result) => {
      if (cancelled) return;
      performance.mark(coverageAnsweredMark);
      setLoading(result.ok ? { state: 'ready', coverage: result.value } : { state: 'error', message: result.error.message });
    });
    return () => {
      cancelled = true;
    };
  }, [session, chosen, from, to, rangeProblem, attempt]);

  useEffect(() => setOpenKey(null), [chosen?.id, from, to]);

  const coverage = loading.state === 'ready' && loading.coverage.frameworkId === chosen?.id ? loading.coverage : null;
  const chosenSignOffs = useMemo(() => {
    if (!chosen) return [];
    // In the framework's order: each outcome, then its criteria.
    const place = (signOff: FeedbackSignOffView) => {
      const outcome = chosen.outcomes.findIndex((candidate) => candidate.id === signOff.outcomeId);
      const criterion = signOff.criterionId === null ? -1 : (chosen.outcomes[outcome]?.criteria.findIndex((candidate) => candidate.id === signOff.criterionId) ?? 0);
      return (outcome < 0 ? chosen.outcomes.length : outcome) * 10_000 + criterion;
    };
    return signOffs.filter((signOff) => signOff.frameworkId === chosen.id).sort((a, b) => place(a) - place(b) || a.date.localeCompare(b.date));
  }, [signOffs, chosen]);
  const signOffMarks = useMemo(() => {
    const byRow = new Map<string, SignOffMark[]>();
    for (const signOff of chosenSignOffs) {
      const key = tagKey({ framework: signOff.frameworkId, outcome: signOff.outcomeId, criterion: signOff.criterionId });
      byRow.set(key, [...(byRow.get(key) ?? []), { name: signOff.signer.name, date: signOff.date }]);
    }
    return byRow;
  }, [chosenSignOffs]);
  const missing = useMemo(() => (coverage ? rowsWithoutEvidence(coverage) : []), [coverage]);
  const openCell = useMemo<OpenCell | null>(() => {
    if (!coverage || !openKey) return null;
    const row = coverage.rows.findIndex((candidate) => tagKey(candidate.tag) === openKey.row);
    const column = coverage.columns.findIndex((candidate) => candidate.entryId === openKey.entryId);
    return row >= 0 && column >= 0 ? { row, column } : null;
  }, [coverage, openKey]);
  const setOpenCell = (cell: OpenCell | null) => {
    const row = cell ? coverage?.rows[cell.row] : undefined;
    const column = cell ? coverage?.columns[cell.column] : undefined;
    setOpenKey(row && column ? { row: tagKey(row.tag), entryId: column.entryId } : null);
  };

  return (
    <main id="main-content" className="page coverage-page" tabIndex={-1} data-testid="coverage-view" aria-busy={loading.state === 'loading'}>
      <h1>Coverage</h1>
      <p className="lede">Which outcomes your weekly logs and reflections are evidence for, and which still have none.</p>

      {snapshot.error ? <LoadFailure message={snapshot.error} onRetry={() => void session.frameworks.load(true)} /> : null}
      {snapshot.loaded && usable.length === 0 ? (
        <div className="empty-state">
          <h2>No frameworks yet</h2>
          <p>
            Add a built-in framework or create your course unit on the <a href={routeHash({ view: 'frameworks', frameworkId: null })}>Frameworks page</a>, then
            tag passages in your weekly logs with <strong>Tag evidence</strong>.
          </p>
        </div>
      ) : null}

      {chosen ? (
        <form className="coverage-controls" onSubmit={(event) => event.preventDefault()}>
          <FrameworkSelect id={`${ids}-framework`} label="Framework" frameworks={usable} chosenId={chosen.id} onChoose={(frameworkId) => navigate({ view: 'coverage', frameworkId })} />
          <div className="field">
            <label htmlFor={`${ids}-from`}>From</label>
            <input id={`${ids}-from`} type="date" value={fromText} onChange={(event) => setFromText(event.target.value)} aria-describedby={`${ids}-range-hint`} />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-to`}>To</label>
            <input id={`${ids}-to`} type="date" value={toText} onChange={(event) => setToText(event.target.value)} aria-describedby={`${ids}-range-hint`} />
          </div>
          <p id={`${ids}-range-hint`} className="hint coverage-controls__hint">
            Leave a date empty to include every week before or after.
          </p>
          {rangeProblem ? (
            <p className="field__problem" role="alert">
              {rangeProblem}
            </p>
          ) : null}
        </form>
      ) : null}

      {loading.state === 'error' ? <LoadFailure message={loading.message} onRetry={() => setAttempt((count) => count + 1)} /> : null}
      {loading.state === 'loading' && !coverage ? <p className="muted">Working out coverage…</p> : null}

      {coverage && chosen ? (
        <>
          <p className="coverage-summary" data-testid="coverage-summary">
            {coverage.columns.length === 0
              ? 'There are no weekly logs or reflections in this period.'
              : `${describeColumns(coverage.columns)} in this period. ${
                  missing.length === 0 ? 'Every outcome and criterion has some evidence.' : `Without evidence: ${missing.map((row) => rowCode(chosen, row)).join(', ')}.`
                }`}
          </p>
          <CoverageMatrix framework={chosen} coverage={coverage} openCell={openCell} onOpenCell={setOpenCell} signOffs={signOffMarks} />
          {coverage.columns.some((column) => column.kind === 'reflection') ? (
            <p className="coverage-legend">
              <span className="coverage-legend__reflection" aria-hidden="true" /> Columns marked like this are reflections; the others are weekly logs. Hover over a
              column’s date to see the reflection’s title.
            </p>
          ) : null}
          {openCell ? <CellEvidence
              framework={chosen}
              coverage={coverage}
              cell={openCell}
              onClose={() => {
                setOpenCell(null);
                document.querySelector<HTMLElement>('.coverage-grid [data-cell][tabindex="0"]')?.focus();
              }}
            /> : null}
        </>
      ) : null}
      {chosen && chosenSignOffs.length > 0 ? <ReceivedSignOffs framework={chosen} signOffs={chosenSignOffs} /> : null}
    </main>
  );
}
