import { type FormEvent, useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/api/contract.js';
import { useSession } from '../session/SessionContext.js';
import { PassphraseSettings } from './PassphraseSettings.js';
import { PrivacyLists } from './PrivacyLists.js';
import { privacyStoreOf } from '../privacy/PrivacyStore.js';

type Confirmation = { kind: 'none' } | { kind: 'saving' } | { kind: 'saved'; start: number } | { kind: 'error'; message: string };

const largestStart = 1_000_000;

/** Reads the field as a whole number from 1, or explains what is wrong. */
function readStart(text: string): { ok: true; value: number } | { ok: false; problem: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, problem: 'Enter a whole number, 1 or more.' };
  const value = Number(trimmed);
  if (value < 1) return { ok: false, problem: 'The first idea must be numbered 1 or more.' };
  if (value > largestStart) return { ok: false, problem: `Enter a number no bigger than ${largestStart.toLocaleString('en-GB')}.` };
  return { ok: true, value };
}

/** Idea numbering, the privacy check's lists, the passphrase, and where the portfolio lives. */
export function SettingsView() {
  const session = useSession();
  const [startText, setStartText] = useState('');
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation>({ kind: 'none' });

  useEffect(() => {
    document.title = 'Settings — Reflective Portfolio';
    let cancelled = false;
    void session.client.call('settings.get', {}).then((result) => {
      if (cancelled) return;
      if (result.ok) setStartText(String(result.value.ideaNumberStart));
      else setLoadProblem(result.error.message);
    });
    void session.client.call('app.info', {}).then((result) => {
      if (!cancelled && result.ok) setInfo(result.value);
    });
    return () => {
      cancelled = true;
    };
  }, [session]);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reading = readStart(startText);
    if (!reading.ok) {
      setProblem(reading.problem);
      setConfirmation({ kind: 'none' });
      return;
    }
    setProblem(null);
    setConfirmation({ kind: 'saving' });
    const result = await session.client.call('settings.update', { ideaNumberStart: reading.value });
    if (result.ok) {
      setStartText(String(result.value.ideaNumberStart));
      setConfirmation({ kind: 'saved', start: result.value.ideaNumberStart });
    } else {
      setConfirmation({ kind: 'error', message: result.error.message });
    }
  };

  return (
    <main id="main-content" className="page settings-page" tabIndex={-1} data-testid="settings-view">
      <h1>Settings</h1>

      <section className="card" aria-labelledby="numbering-heading">
        <h2 id="numbering-heading">Idea numbering</h2>
        {loadProblem ? (
          <p className="notice notice--error" role="alert">
            {loadProblem}
          </p>
        ) : null}
        <form onSubmit={(event) => void save(event)} noValidate>
          <div className="field">
            <label htmlFor="idea-number-start">Number the first idea</label>
            <p id="idea-number-start-hint" className="hint">
              Ideas are numbered across your whole portfolio. For a log continued from elsewhere, start later: for example 7 if six ideas came before.
            </p>
            {problem ? (
              <p id="idea-number-start-problem" className="field__problem">
                {problem}
              </p>
            ) : null}
            <input
              id="idea-number-start"
              type="number"
              min={1}
              max={largestStart}
              step={1}
              inputMode="numeric"
              value={startText}
              onChange={(event) => {
                setStartText(event.target.value);
                setConfirmation({ kind: 'none' });
              }}
              aria-describedby={problem ? 'idea-number-start-hint idea-number-start-problem' : 'idea-number-start-hint'}
              aria-invalid={problem ? true : undefined}
              className="input input--number"
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={confirmation.kind === 'saving' || loadProblem !== null}>
              Save numbering
            </button>
            <p className="confirmation" aria-live="polite" data-testid="settings-confirmation">
              {confirmation.kind === 'saving' ? 'Saving…' : null}
              {confirmation.kind === 'saved' ? `Saved. The first idea in this portfolio is now Idea ${confirmation.start}, and every later idea is numbered on from it.` : null}
            </p>
          </div>
          {confirmation.kind === 'error' ? (
            <p className="notice notice--error" role="alert">
              Not saved: {confirmation.message}
            </p>
          ) : null}
        </form>
      </section>

      <section className="card" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">Privacy check</h2>
        <PrivacyLists onChanged={(overview) => privacyStoreOf(session).accept(overview)} />
      </section>

      <section className="card" aria-labelledby="passphrase-heading">
        <h2 id="passphrase-heading">Passphrase</h2>
        <PassphraseSettings />
      </section>

      <section className="card" aria-labelledby="folder-heading">
        <h2 id="folder-heading">Portfolio folder</h2>
        <p>Your portfolio, its backups and exports are kept in this folder:</p>
        <p className="folder-path" data-testid="portfolio-folder">
          {info ? <code>{info.portfolioFolder}</code> : <span className="muted">Finding the folder…</span>}
        </p>
        {info ? (
          <p className="muted">
            {info.productName} {info.version}, {info.mode === 'desktop' ? 'desktop app' : 'running in your web browser'}.
          </p>
        ) : null}
      </section>
    </main>
  );
}
