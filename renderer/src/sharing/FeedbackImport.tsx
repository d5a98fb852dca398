import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import type { FeedbackImportOutcome } from '../../../shared/api/contract.js';
import type { sharingLimits } from '../../../shared/share/sharing.js';
import { useSession } from '../session/SessionContext.js';
import { takeOpenedFiles } from '../session/openedFiles.js';
import { feedbackImportSummary } from './feedbackImportSummary.js';

/** The back end's limit (sharingLimits.maxFileChars), here as a number so the page does not load its schemas. */
const largestFileChars: (typeof sharingLimits)['maxFileChars'] = 15_000_000;
/** A file this many bytes long cannot be within the limit in any encoding: not worth reading. */
const largestFileBytes = largestFileChars * 4;

type Importing =
  | { state: 'idle' }
  | { state: 'reading'; fileName: string }
  /** The file is protected: its passphrase is asked for. `wrong` after a passphrase that did not open it. */
  | { state: 'passphrase'; fileName: string; text: string; wrong: string | null; checking: boolean }
  | { state: 'refused'; fileName: string; message: string }
  | { state: 'imported'; fileName: string; outcome: FeedbackImportOutcome };

interface FeedbackImportProps {
  /** A file was imported (perhaps with nothing new in it). */
  onImported(outcome: FeedbackImportOutcome): void;
}

/**
 * "Import a feedback file…": reads the file the mentor sent, asks for its passphrase when it has
 * one, and says what it added. A file that cannot be read changes nothing, and says why.
 */
export function FeedbackImport({ onImported }: FeedbackImportProps) {
  const session = useSession();
  const [importing, setImporting] = useState<Importing>({ state: 'idle' });
  const [passphrase, setPassphrase] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const passphraseInput = useRef<HTMLInputElement>(null);

  const asking = importing.state === 'passphrase';
  const wrongPassphrase = asking ? importing.wrong : null;
  useEffect(() => {
    if (asking) {
      passphraseInput.current?.focus();
      passphraseInput.current?.select();
    }
  }, [asking, wrongPassphrase]);

  const tryImport = async (fileName: string, text: string, given: string | null) => {
    const result = await session.client.call('feedback.import', { text, passphrase: given });
    if (result.ok) {
      setPassphrase('');
      setImporting({ state: 'imported', fileName, outcome: result.value });
      onImported(result.value);
      chooseButton.current?.focus();
      return;
    }
    const { code, message } = result.error;
    if (code === 'passphrase-needed') {
      setImporting({ state: 'passphrase', fileName, text, wrong: null, checking: false });
    } else if (code === 'passphrase-wrong' && given !== null) {
      setImporting({ state: 'passphrase', fileName, text, wrong: message, checking: false });
    } else {
      setPassphrase('');
      setImporting({ state: 'refused', fileName, message });
      chooseButton.current?.focus();
    }
  };

  const readFile = async (file: File) => {
    const fileName = file.name;
    const tooBig = 'The file is too large to be a feedback file.';
    if (file.size > largestFileBytes) return setImporting({ state: 'refused', fileName, message: tooBig });
    setImporting({ state: 'reading', fileName });
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setImporting({ state: 'refused', fileName, message: 'The file could not be read. Check it is still there and that you can open it, then choose it again.' });
    }
    if (text.length > largestFileChars) return setImporting({ state: 'refused', fileName, message: tooBig });
    await tryImport(fileName, text, null);
  };

  // A feedback file opened from the desktop app's File menu, or double-clicked, is imported here.
  const importOpened = useRef(tryImport);
  importOpened.current = tryImport;
  useEffect(
    () =>
      takeOpenedFiles('feedback', (file) => {
        setImporting({ state: 'reading', fileName: file.name });
        void importOpened.current(file.name, file.text, null);
      }),
    [],
  );

  const chosen = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so choosing the same file again reads it again.
    input.value = '';
    if (file) void readFile(file);
  };

  const submitPassphrase = (event: FormEvent) => {
    event.preventDefault();
    if (importing.state !== 'passphrase' || importing.checking) return;
    if (passphrase === '') {
      setImporting({ ...importing, wrong: 'Enter the passphrase first.' });
      return;
    }
    setImporting({ ...importing, checking: true });
    void tryImport(importing.fileName, importing.text, passphrase);
  };

  const cancelPassphrase = () => {
    setPassphrase('');
    setImporting({ state: 'idle' });
    chooseButton.current?.focus();
  };

  const busy = importing.state === 'reading' || (importing.state === 'passphrase' && importing.checking);
  return (
    <div className="feedback-import">
      <p id="feedback-import-hint" className="hint">
        The feedback file (.rpfeedback) your mentor saved for you. Importing it again, or a newer one from the same mentor, adds only what is new; nothing in your entries changes.
      </p>
      <input ref={fileInput} type="file" accept=".rpfeedback,application/json,.json" hidden onChange={chosen} data-testid="feedback-import-file" />
      <button
        ref={chooseButton}
        type="button"
        className="button button--primary"
        aria-describedby="feedback-import-hint"
        aria-disabled={busy || asking ? true : undefined}
        onClick={() => {
          if (!busy && !asking) fileInput.current?.click();
        }}
      >
        Import a feedback file…
      </button>
      {asking ? (
        <form className="feedback-import__passphrase" onSubmit={submitPassphrase} aria-labelledby="feedback-passphrase-heading">
          <h3 id="feedback-passphrase-heading">This feedback file is protected</h3>
          <p id="feedback-passphrase-hint">
            Enter the passphrase your mentor gave you for <strong>{importing.fileName}</strong>.
          </p>
          <div className="field">
            <label htmlFor="feedback-passphrase">Passphrase</label>
            {importing.wrong ? (
              <p id="feedback-passphrase-problem" className="field__problem" role="alert">
                {importing.wrong}
              </p>
            ) : null}
            <input
              ref={passphraseInput}
              id="feedback-passphrase"
              type="password"
              className="input input--short"
              autoComplete="off"
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
              aria-invalid={importing.wrong ? true : undefined}
              aria-describedby={importing.wrong ? 'feedback-passphrase-hint feedback-passphrase-problem' : 'feedback-passphrase-hint'}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.preventDefault();
                  cancelPassphrase();
                }
              }}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" aria-disabled={importing.checking ? true : undefined}>
              Import
            </button>
            <button type="button" className="button" onClick={cancelPassphrase}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      <div role="status" className="feedback-import__status" data-testid="feedback-import-status">
        {importing.state === 'reading' ? <p className="muted">Reading {importing.fileName}…</p> : null}
        {importing.state === 'passphrase' && importing.checking ? <p className="muted">Opening {importing.fileName}…</p> : null}
        {importing.state === 'imported' ? (
          <p className={importing.outcome.changedNothing ? 'feedback-import__nothing' : 'feedback-import__done'} data-testid="feedback-import-summary">
            {feedbackImportSummary(importing.outcome)}
          </p>
        ) : null}
      </div>
      {importing.state === 'refused' ? (
        <div className="notice notice--error" role="alert" data-testid="feedback-import-problem">
          <p>
            <strong>{importing.fileName}</strong> was not imported. {importing.message}
          </p>
          <p>Nothing in your portfolio has changed.</p>
        </div>
      ) : null}
    </div>
  );
}
