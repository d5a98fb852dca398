import { useEffect, useId, useState } from 'react';
import type { CpdLine, CpdSummary } from '../../../shared/api/contract.js';
import { formatUkDate, formatWeekCommencingShort, isCalendarDate, thisWeek, todayAsCalendarDate } from '../../../shared/dates/weeks.js';
import { cpdActivityTypeLabels, cpdActivityTypes } from '../../../shared/portfolio/weeklyLog.js';
import { routeHash } from '../routing/route.js';
import { useSession } from '../session/SessionContext.js';
import { LoadFailure } from '../shell/LoadFailure.js';
import { type CpdPeriod, type QuickPeriod, describeCpdPeriod, quickPeriod, quickPeriodLabels, quickPeriods, sameCpdPeriod } from './cpdPeriod.js';
import { formatCpdDuration } from './cpdTime.js';
import '../styles/cpd.css';

type Loading = { state: 'loading'; summary: CpdSummary | null } | { state: 'ready'; summary: CpdSummary } | { state: 'error'; message: string };

/** Waiting for the last autosave first means time recorded a moment ago is counted. */
const waitForSavesMs = 3000;

const nmcTotalMinutes = 35 * 60;
const nmcParticipatoryMinutes = 20 * 60;

function entryName(line: CpdLine): { text: string; href: string; template: string | null } {
  if (line.kind === 'weekly-log') return { text: `Weekly log, ${formatWeekCommencingShort(line.weekStart)}`, href: routeHash({ view: 'week', weekStart: line.weekStart }), template: null };
  return { text: line.title.trim() || 'Untitled reflection', href: routeHash({ view: 'reflection', entryId: line.entryId }), template: line.templateName };
}

function againstNmc(recorded: number, asked: number, what: string): string {
  const said = `${formatCpdDuration(recorded)} ${what}`;
  return recorded >= asked ? `${said}, which is at least the ${asked / 60} hours asked for` : `${said}, ${formatCpdDuration(asked - recorded)} short of ${asked / 60}`;
}

/** CPD time recorded on weekly logs and reflections, totalled for a period. */
export function CpdView() {
  const session = useSession();
  const today = todayAsCalendarDate(new Date());
  // The fields' own text: a date half typed in stays as it is, and leaves that end of the period open.
  const [dates, setDates] = useState<{ from: string; to: string }>(() => {
    const { from, to } = quickPeriod('last-3-years', today);
    return { from: from ?? '', to: to ?? '' };
  });
  const [loading, setLoading] = useState<Loading>({ state: 'loading', summary: null });
  const [attempt, setAttempt] = useState(0);
  const fromId = useId();
  const toId = useId();

  useEffect(() => {
    document.title = 'CPD hours — Reflective Portfolio';
  }, []);

  const from = isCalendarDate(dates.from) ? dates.from : null;
  const to = isCalendarDate(dates.to) ? dates.to : null;
  const period: CpdPeriod = { from, to };
  const backwards = period.from !== null && period.to !== null && period.from > period.to;

  useEffect(() => {
    if (backwards) return;
    let cancelled = false;
    setLoading((current) => ({ state: 'loading', summary: current.state === 'error' ? null : current.summary }));
    void session
      .flushWithin(waitForSavesMs)
      .then(() => session.client.call('cpd.summary', { from, to }))
      .then((result) => {
        if (cancelled) return;
        setLoading(result.ok ? { state: 'ready', summary: result.value } : { state: 'error', message: result.error.message });
      });
    return () => {
      cancelled = true;
    };
  }, [session, from, to, backwards, attempt]);

  const choose = (choice: QuickPeriod) => {
    const chosenPeriod = quickPeriod(choice, today);
    setDates({ from: chosenPeriod.from ?? '', to: chosenPeriod.to ?? '' });
  };

  const summary = loading.state === 'error' ? null : loading.summary;
  const chosen = quickPeriods.find((choice) => sameCpdPeriod(quickPeriod(choice, today), period)) ?? null;
  const periodWords = describeCpdPeriod(period);
  const typesUsed = summary ? [...cpdActivityTypes, 'unspecified' as const].filter((type) => summary.byType[type] > 0) : [];

  return (
    <main id="main-content" className="page cpd-page" tabIndex={-1} data-testid="cpd-view" aria-busy={loading.state === 'loading'}>
      <h1>CPD hours</h1>
      <p className="lede">Continuing professional development time recorded on your weekly logs and reflections, added up for the period you choose.</p>

      <fieldset className="cpd-period">
        <legend>Period</legend>
        <div className="cpd-period__dates">
          <div>
            <label htmlFor={fromId}>From</label>
            <input id={fromId} type="date" className="input" value={dates.from} max={to ?? undefined} onChange={(event) => setDates((current) => ({ ...current, from: event.target.value }))} />
          </div>
          <div>
            <label htmlFor={toId}>To</label>
            <input id={toId} type="date" className="input" value={dates.to} min={from ?? undefined} onChange={(event) => setDates((current) => ({ ...current, to: event.target.value }))} />
          </div>
        </div>
        <ul className="cpd-period__quick" aria-label="Quick choices">
          {quickPeriods.map((choice) => (
            <li key={choice}>
              <button type="button" className="button" aria-pressed={choice === chosen} onClick={() => choose(choice)}>
                {quickPeriodLabels[choice]}
              </button>
            </li>
          ))}
        </ul>
        <p className="cpd-period__shown" aria-live="polite" data-testid="cpd-period-shown">
          {backwards ? 'The From date is after the To date: choose a From date on or before the To date.' : `Showing CPD time ${periodWords}.`}
        </p>
      </fieldset>

      {loading.state === 'error' ? <LoadFailure message={loading.message} onRetry={() => setAttempt((count) => count + 1)} /> : null}
      {loading.state === 'loading' && summary === null ? <p className="muted">Adding up your CPD time…</p> : null}

      {summary && !backwards && summary.lines.length === 0 ? (
        <div className="empty-state" data-testid="cpd-empty">
          <h2>No CPD time {periodWords}</h2>
          <p>
            To record some, open a week’s log (for example <a href={routeHash({ view: 'week', weekStart: thisWeek(new Date()) })}>this week’s</a>) and choose{' '}
            <strong>Record CPD time</strong>, or give the hours on a reflection.
          </p>
        </div>
      ) : null}

      {summary && !backwards && summary.lines.length > 0 ? (
        <>
          <section className="cpd-totals-section" aria-labelledby="cpd-totals-heading">
            <h2 id="cpd-totals-heading">Totals</h2>
            <dl className="cpd-totals" data-testid="cpd-totals">
              <div className="cpd-total">
                <dt>Total CPD time</dt>
                <dd data-testid="cpd-total">{formatCpdDuration(summary.totalMinutes)}</dd>
              </div>
              <div className="cpd-total">
                <dt>Participatory (learning with others)</dt>
                <dd data-testid="cpd-participatory">{formatCpdDuration(summary.participatoryMinutes)}</dd>
              </div>
              <div className="cpd-total cpd-total--types">
                <dt>By type of activity</dt>
                <dd>
                  <ul className="cpd-by-type" data-testid="cpd-by-type">
                    {typesUsed.map((type) => (
                      <li key={type}>
                        <span>{type === 'unspecified' ? 'Type not said' : cpdActivityTypeLabels[type]}</span>
                        <span>{formatCpdDuration(summary.byType[type])}</span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            </dl>
            <p data-testid="cpd-sentence">
              {`${formatCpdDuration(summary.totalMinutes)} of CPD ${periodWords}, on ${summary.lines.length} ${summary.lines.length === 1 ? 'entry' : 'entries'}; ${formatCpdDuration(summary.participatoryMinutes)} of it participatory.`}
            </p>
            {chosen === 'last-3-years' ? (
              <p className="notice cpd-nmc" data-testid="cpd-nmc">
                NMC revalidation asks for 35 hours of CPD, 20 of them participatory, in each three-year period. Recorded here:{' '}
                {againstNmc(summary.totalMinutes, nmcTotalMinutes, 'in all')}; {againstNmc(summary.participatoryMinutes, nmcParticipatoryMinutes, 'participatory')}.
              </p>
            ) : null}
          </section>

          <table className="cpd-table" data-testid="cpd-table">
            <caption className="visually-hidden">CPD time {periodWords}, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Entry</th>
                <th scope="col">Time</th>
                <th scope="col">Participatory</th>
                <th scope="col">Type of activity</th>
              </tr>
            </thead>
            <tbody>
              {summary.lines.map((line) => {
                const name = entryName(line);
                return (
                  <tr key={line.entryId}>
                    <td className="cpd-table__date">{formatUkDate(line.date)}</td>
                    <td>
                      <a href={name.href}>{name.text}</a>
                      {name.template ? <span className="cpd-table__template">{name.template}</span> : null}
                    </td>
                    <td className="cpd-table__hours">{formatCpdDuration(line.minutes)}</td>
                    <td>{line.participatory ? 'Yes' : 'No'}</td>
                    <td>{line.activityType ? cpdActivityTypeLabels[line.activityType] : 'Not said'}</td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  Total
                </th>
                <td className="cpd-table__hours">{formatCpdDuration(summary.totalMinutes)}</td>
                <td colSpan={2}>{formatCpdDuration(summary.participatoryMinutes)} participatory</td>
              </tr>
            </tfoot>
          </table>
        </>
      ) : null}
    </main>
  );
}
