import { type FormEvent, useEffect, useState } from 'react';
import type { ProtectionState } from '../../../shared/store/portfolioStore.js';
import { downloadBase64File } from '../frameworks/downloadTextFile.js';
import { useSession } from '../session/SessionContext.js';
import { PassphraseFields, PasswordField } from '../sharing/PassphraseFields.js';
import { passphraseProblems } from '../sharing/shareDraft.js';
import '../styles/export.css';
import '../styles/security.css';

export const forgottenWarning =
  'Nobody can recover a forgotten passphrase — not the app, not your employer’s IT — and without it the portfolio and its backups cannot be read. Write it down somewhere safe, away from this computer, or export an unencrypted copy to keep elsewhere.';

type Busy = null | 'lock' | 'change' | 'remove' | 'remember' | 'copy';
type Said = { kind: 'done' | 'problem'; text: string } | null;

const requiredProblems = (passphrase: string, again: string) => {
  const problems = passphraseProblems(passphrase, again);
  if (passphrase === '' && !problems.has('passphrase')) problems.set('passphrase', 'Choose a passphrase.');
  return problems;
};

/** Locking the portfolio with a passphrase: set, change, remove, remember on this device, and an unencrypted copy. */
export function PassphraseSettings() {
  const session = useSession();
  const [state, setState] = useState<ProtectionState | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [said, setSaid] = useState<Said>(null);
  const [current, setCurrent] = useState('');
  const [currentProblem, setCurrentProblem] = useState<string | null>(null);
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const [remember, setRemember] = useState(false);
  const [removing, setRemoving] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void session.client.call('security.get', {}).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setState(result.value);
        setRemember(result.value.remembered);
      } else setLoadProblem(result.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [session]);

  const clearFields = () => {
    setCurrent('');
    setNext('');
    setAgain('');
    setProblems(new Map());
    setCurrentProblem(null);
  };

  const run = async (kind: Exclude<Busy, null>, work: () => Promise<{ ok: true; value: ProtectionState } | { ok: false; error: { code: string; message: string } }>, done: string) => {
    setBusy(kind);
    setSaid(null);
    // Every change made so far goes to disk first, so nothing is written under the old key afterwards.
    await session.flushWithin(15_000);
    const result = await work();
    setBusy(null);
    if (!result.ok) {
      if (result.error.code === 'passphrase-wrong') {
        setCurrentProblem(result.error.message);
        document.getElementById(kind === 'remove' ? 'remove-current' : 'change-current')?.focus();
        return;
      }
      // The message says what happened (a change cut short says which passphrase now opens it); the
      // state shown is read again, as the folder may already be partly changed.
      setSaid({ kind: 'problem', text: result.error.message });
      const now = await session.client.call('security.get', {});
      if (now.ok) {
        setState(now.value);
        setRemember(now.value.remembered);
      }
      return;
    }
    setState(result.value);
    setRemember(result.value.remembered);
    setRemoving(false);
    clearFields();
    setSaid({ kind: 'done', text: done });
  };

  const focusFirstProblem = (found: ReadonlyMap<string, string>, prefix: string) => {
    document.getElementById(found.has('passphrase') ? `${prefix}-passphrase` : `${prefix}-passphrase-again`)?.focus();
  };

  const lock = (event: FormEvent) => {
    event.preventDefault();
    const found = requiredProblems(next, again);
    setProblems(found);
    if (found.size > 0) return focusFirstProblem(found, 'lock');
    void run('lock', () => session.client.call('security.setPassphrase', { passphrase: next, remember }), 'Your portfolio and its backups are now encrypted on this device. You will be asked for the passphrase when the app opens it.');
  };

  const change = (event: FormEvent) => {
    event.preventDefault();
    const found = requiredProblems(next, again);
    setProblems(found);
    setCurrentProblem(current === '' ? 'Type the passphrase you use now.' : null);
    if (current === '') return document.getElementById('change-current')?.focus();
    if (found.size > 0) return focusFirstProblem(found, 'change');
    void run('change', () => session.client.call('security.changePassphrase', { current, next, remember }), 'Passphrase changed. Everything in the portfolio folder was encrypted again with the new one; the old one no longer opens it.');
  };

  const removeLock = (event: FormEvent) => {
    event.preventDefault();
    setCurrentProblem(current === '' ? 'Type the passphrase you use now.' : null);
    if (current === '') return document.getElementById('remove-current')?.focus();
    void run('remove', () => session.client.call('security.removePassphrase', { current }), 'The passphrase was removed. The portfolio folder is no longer encrypted: anyone who can open this computer’s files can read it.');
  };

  const saveRemember = (value: boolean) => {
    setRemember(value);
    if (state?.encrypted) void run('remember', () => session.client.call('security.setRemembered', { remember: value }), value ? 'This device will open the portfolio without asking for the passphrase.' : 'This device will ask for the passphrase each time.');
  };

  const plainCopy = async () => {
    setBusy('copy');
    setSaid(null);
    await session.flushWithin(15_000);
    const result = await session.client.call('security.plainCopy', {});
    setBusy(null);
    if (!result.ok) {
      setSaid({ kind: 'problem', text: result.error.message });
      return;
    }
    downloadBase64File(result.value, 'application/zip');
    setSaid({ kind: 'done', text: `Saved ${result.value.fileName}. It is not encrypted: keep it somewhere only you can reach, such as an encrypted USB stick, and delete it when you no longer need it.` });
  };

  if (loadProblem) {
    return (
      <p className="notice notice--error" role="alert">
        {loadProblem}
      </p>
    );
  }
  if (!state) return <p className="muted">Finding out whether the portfolio is encrypted…</p>;

  /** The new passphrase, typed twice, with the warning that it cannot be recovered. */
  const newPassphraseFields = (idPrefix: string, legend: string, hint: string) => (
    <PassphraseFields
      idPrefix={idPrefix}
      legend={legend}
      label="New passphrase"
      passphrase={next}
      again={again}
      onChange={(value, valueAgain) => {
        setNext(value);
        setAgain(valueAgain);
      }}
      problems={problems}
      hint={hint}
      warning={forgottenWarning}
    />
  );

  const rememberBox = state.canRemember ? (
    <div className="field export-check">
      <input id="passphrase-remember" type="checkbox" checked={remember} disabled={busy !== null} onChange={(event) => (state.encrypted ? saveRemember(event.target.checked) : setRemember(event.target.checked))} />
      <label htmlFor="passphrase-remember">Remember the passphrase on this device (kept in the system’s keychain)</label>
    </div>
  ) : (
    <p className="hint">In the web browser the passphrase is asked for each time the app starts; only the desktop app can keep it in the system’s keychain.</p>
  );

  const status = (
    <>
      <p className="confirmation" role="status" data-testid="passphrase-status">
        {busy === 'lock' ? 'Encrypting the portfolio folder…' : null}
        {busy === 'change' ? 'Encrypting everything again with the new passphrase…' : null}
        {busy === 'remove' ? 'Decrypting the portfolio folder…' : null}
        {busy === 'copy' ? 'Making the unencrypted copy…' : null}
        {said?.kind === 'done' ? said.text : null}
      </p>
      {said?.kind === 'problem' ? (
        <p className="notice notice--error" role="alert">
          {said.text}
        </p>
      ) : null}
    </>
  );

  if (!state.encrypted) {
    return (
      <>
        <p>
          The portfolio is <strong>not encrypted</strong>: anyone who can read this computer’s files can read your reflections. Lock it with a passphrase to encrypt the portfolio, its backups
          and mentor reviews on disk (AES-256).
        </p>
        <p className="hint">
          Copies written before you encrypt can stay in the disk’s free space until they are overwritten. Your computer’s own disk encryption (BitLocker or FileVault, often
          turned on by NHS IT) protects those too.
        </p>
        <form onSubmit={lock} noValidate className="passphrase-form" aria-label="Lock with a passphrase">
          {newPassphraseFields('lock', 'Choose a passphrase', 'Use at least 8 characters; a few unrelated words are easy to remember and hard to guess.')}
          {rememberBox}
          <div className="form-actions">
            <button type="submit" className="button button--primary" aria-busy={busy === 'lock'} disabled={busy !== null}>
              Encrypt the portfolio
            </button>
          </div>
        </form>
        {status}
      </>
    );
  }

  return (
    <>
      <p>
        The portfolio is <strong>encrypted</strong> on this device: its file, backups and mentor reviews can only be read with the passphrase.
      </p>
      {rememberBox}
      <form onSubmit={change} noValidate className="passphrase-form" aria-labelledby="change-passphrase-heading">
        <h3 id="change-passphrase-heading">Change the passphrase</h3>
        <PasswordField id="change-current" label="Current passphrase" value={removing ? '' : current} onChange={setCurrent} problem={removing ? null : currentProblem} describedBy="change-passphrase-heading" autoComplete="current-password" />
        {newPassphraseFields(
          'change',
          'Choose a new passphrase',
          'Everything in the portfolio folder is encrypted again with the new passphrase. If the app is stopped part way, the portfolio still opens with the old passphrase or the new one.',
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-busy={busy === 'change'} disabled={busy !== null}>
            Change passphrase
          </button>
        </div>
      </form>

      <h3 id="unencrypted-copy-heading">An unencrypted copy</h3>
      <p id="unencrypted-copy-hint" className="hint">
        A zip of the portfolio folder without encryption, in case the passphrase is ever lost. Unzip it and the app can open the folder. Keep it somewhere safe.
      </p>
      <button type="button" className="button" aria-describedby="unencrypted-copy-hint" aria-busy={busy === 'copy'} disabled={busy !== null} onClick={() => void plainCopy()}>
        Export an unencrypted copy
      </button>

      <h3 id="remove-passphrase-heading">Remove the passphrase</h3>
      {removing ? (
        <form onSubmit={removeLock} noValidate className="passphrase-form" aria-labelledby="remove-passphrase-heading">
          <p>The portfolio folder will be decrypted: anyone who can read this computer’s files will be able to read your reflections.</p>
          <PasswordField id="remove-current" label="Current passphrase" value={current} onChange={setCurrent} problem={currentProblem} describedBy="remove-passphrase-heading" autoComplete="current-password" />
          <div className="form-actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setRemoving(false);
                clearFields();
              }}
            >
              Keep the passphrase
            </button>
            <button type="submit" className="button button--danger" aria-busy={busy === 'remove'} disabled={busy !== null}>
              Remove passphrase and decrypt
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => {
            clearFields();
            setRemoving(true);
            setTimeout(() => document.getElementById('remove-current')?.focus(), 0);
          }}
        >
          Remove the passphrase…
        </button>
      )}
      {status}
    </>
  );
}
