import { type FormEvent, useEffect, useState } from 'react';
import type { ApiClient, PortfolioStatus } from '../../../shared/api/contract.js';
import { PasswordField } from '../sharing/PassphraseFields.js';
import '../styles/export.css';
import '../styles/security.css';

interface UnlockViewProps {
  client: ApiClient;
  onStatusChange(status: PortfolioStatus): void;
}

/** The page an encrypted portfolio opens on: its passphrase, and whether this device may remember it. */
export function UnlockView({ client, onStatusChange }: UnlockViewProps) {
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [canRemember, setCanRemember] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Unlock your portfolio — Reflective Portfolio';
    document.getElementById('unlock-passphrase')?.focus();
    let cancelled = false;
    void client.call('security.get', {}).then((result) => {
      if (!cancelled && result.ok) setCanRemember(result.value.canRemember);
    });
    return () => {
      cancelled = true;
    };
  }, [client]);

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (passphrase === '') {
      setProblem('Type the portfolio’s passphrase.');
      document.getElementById('unlock-passphrase')?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await client.call('portfolio.unlock', { passphrase, remember });
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.message);
      document.getElementById('unlock-passphrase')?.focus();
      return;
    }
    setPassphrase('');
    onStatusChange(result.value);
  };

  return (
    <main id="main-content" className="page plain-page unlock-page" tabIndex={-1} data-testid="unlock-view">
      <h1>Your portfolio is locked</h1>
      <p>It is encrypted on this computer. Type its passphrase to open it.</p>
      <form onSubmit={(event) => void unlock(event)} noValidate className="passphrase-form" aria-label="Unlock the portfolio">
        <PasswordField id="unlock-passphrase" label="Passphrase" value={passphrase} onChange={setPassphrase} problem={problem} describedBy="unlock-hint" autoComplete="current-password" />
        <p id="unlock-hint" className="hint">
          A forgotten passphrase cannot be recovered. If you exported an unencrypted copy, you can open that instead.
        </p>
        {canRemember ? (
          <div className="field export-check">
            <input id="unlock-remember" type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
            <label htmlFor="unlock-remember">Remember the passphrase on this device (kept in the system’s keychain)</label>
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-busy={busy}>
            Unlock
          </button>
          <p className="confirmation" role="status">
            {busy ? 'Checking the passphrase…' : ''}
          </p>
        </div>
      </form>
    </main>
  );
}
