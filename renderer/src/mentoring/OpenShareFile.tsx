import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import type { ReviewSummary } from '../../../shared/api/contract.js';
import { sharingLimits } from '../../../shared/share/sharingLimits.js';
import { useSession } from '../session/SessionContext.js';
import { takeOpenedFiles } from '../session/openedFiles.js';

/** A file this many bytes long cannot be within the limit in any encoding: not worth reading. */
const largestShareFileBytes = sharingLimits.maxFileChars * 4;

type Opening =
  | { state: 'idle' }
  | { state: 'reading'; fileName: string }
  /** The file is protected: its text is kept while the passphrase is asked for. */
  | { state: 'asking'; fileName: string; text: string; wrong: string | null }
  | { state: 'refused'; fileName: string; message: string };

/** Reads a chosen or dropped file as text; resolves to null when it cannot be read. */
async function readShareFile(file: File): Promise<string | { problem: string }> {
  if (file.size > largestShareFileBytes) return { problem: 'This file is too big to be a share file.' };
  try {
    const text = await file.text();
    return text.length > sharingLimits.maxFileChars ? { problem: 'This file is too big to be a share file.' } : text;
  } catch {
    return { problem: 'The file could not be read. Check it is still there and that you can open it, then choose it again.' };
  }
}

interface OpenShareFileProps {
  onOpened(summary: ReviewSummary): void;
  /** A file dropped anywhere on the page, handed over to be opened. */
  dropped: File | null;
  onDroppedTaken(): void;
}

/**
 * "Open a share file…": a file chooser (or a file dropped on the page, or one the desktop app
 * opened from its File menu), then the passphrase when the file is protected. A file that cannot be opened is named with the reason; nothing changes.
 */
export function OpenShareFile({ onOpened, dropped, onDroppedTaken }: OpenShareFileProps) {
  const session = useSession();
  const [opening, setOpening] = useState<Opening>({ state: 'idle' });
  const [passphrase, setPassphrase] = useState('');
  const passphraseField = useRef<HTMLInputElement>(null);

  const open = async (fileName: string, text: string, given: string | null) => {
    const result = await session.client.call('review.open', { text, passphrase: given });
    if (result.ok) {
      setOpening({ state: 'idle' });
      setPassphrase('');
      onOpened(result.value);
      return;
    }
    const { code, message } = result.error;
    if (code === 'passphrase-needed') setOpening({ state: 'asking', fileName, text, wrong: null });
    else if (code === 'passphrase-wrong') setOpening({ state: 'asking', fileName, text, wrong: message });
    else setOpening({ state: 'refused', fileName, message });
  };

  const openFile = async (file: File) => {
    setOpening({ state: 'reading', fileName: file.name });
    setPassphrase('');
    const text = await readShareFile(file);
    if (typeof text !== 'string') {
      setOpening({ state: 'refused', fileName: file.name, message: text.problem });
      return;
    }
    await open(file.name, text, null);
  };

  useEffect(() => {
    if (!dropped) return;
    onDroppedTaken();
    void openFile(dropped);
    // A dropped file is opened once, when it arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dropped]);

  // A share file opened from the desktop app's File menu, or double-clicked, is opened here.
  const openText = useRef(open);
  openText.current = open;
  useEffect(
    () =>
      takeOpenedFiles('share', (file) => {
        setPassphrase('');
        if (file.text.length > sharingLimits.maxFileChars) {
          setOpening({ state: 'refused', fileName: file.name, message: 'This file is too big to be a share file.' });
          return;
        }
        setOpening({ state: 'reading', fileName: file.name });
        void openText.current(file.name, file.text, null);
      }),
    [],
  );

  // Asked for the passphrase (or told it was wrong): the field has focus, its text selected to type again.
  const askingKey = opening.state === 'asking' ? `${opening.fileName}|${opening.wrong ?? ''}` : null;
  useEffect(() => {
    if (askingKey === null) return;
    passphraseField.current?.focus();
    passphraseField.current?.select();
  }, [askingKey]);

  const chosen = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so choosing the same file again reads it again.
    input.value = '';
    if (file) void openFile(file);
  };

  const submitPassphrase = (event: FormEvent) => {
    event.preventDefault();
    if (opening.state !== 'asking') return;
    if (passphrase === '') {
      setOpening({ ...opening, wrong: 'Type the passphrase you were given with the file.' });
      return;
    }
    void open(opening.fileName, opening.text, passphrase);
  };

  return (
    <section className="card open-share" aria-labelledby="open-share-heading" data-testid="open-share">
      <h2 id="open-share-heading">Open a share file</h2>
      <p id="open-share-hint" className="hint">
        A share file (.rpshare) someone has sent you by email, Teams or on a memory stick. You can also drop it anywhere on this page. Opening it copies it into
        your reviews; your own portfolio is not changed.
      </p>
      <div className="open-share__choose">
        <label htmlFor="open-share-file" className="open-share__label">
          Open a share file…
        </label>
        <input
          id="open-share-file"
          type="file"
          accept=".rpshare,.json,application/json"
          className="open-share__input"
          aria-describedby="open-share-hint"
          onChange={chosen}
          disabled={opening.state === 'reading'}
        />
      </div>
      <div aria-live="polite">{opening.state === 'reading' ? <p className="muted">Opening {opening.fileName}…</p> : null}</div>
      {opening.state === 'asking' ? (
        <form className="open-share__passphrase review-form" onSubmit={submitPassphrase} noValidate data-testid="passphrase-form">
          <p>
            <strong>{opening.fileName}</strong> is protected with a passphrase. Type the passphrase the person who shared it gave you.
          </p>
          <div className="field">
            <label htmlFor="open-share-passphrase">Passphrase</label>
            <div className="open-share__passphrase-row">
              <input
                ref={passphraseField}
                id="open-share-passphrase"
                className="input"
                type="password"
                autoComplete="off"
                maxLength={sharingLimits.passphraseMax}
                value={passphrase}
                onChange={(event) => setPassphrase(event.target.value)}
                aria-invalid={opening.wrong ? true : undefined}
                aria-describedby={opening.wrong ? 'open-share-problem' : undefined}
              />
              <button type="submit" className="button button--primary">
                Open
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setOpening({ state: 'idle' });
                  setPassphrase('');
                  document.getElementById('open-share-file')?.focus();
                }}
              >
                Cancel
              </button>
            </div>
          </div>
        </form>
      ) : null}
      <div role="alert" className="open-share__alerts">
        {opening.state === 'asking' && opening.wrong ? (
          <p id="open-share-problem" className="notice notice--error">
            {opening.wrong}
          </p>
        ) : null}
        {opening.state === 'refused' ? (
          <p className="notice notice--error" data-testid="open-share-problem">
            <strong>{opening.fileName}</strong> was not opened. {opening.message}
          </p>
        ) : null}
      </div>
    </section>
  );
}
