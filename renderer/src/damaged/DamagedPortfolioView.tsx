import { useEffect, useState } from 'react';
import type { ApiClient, BackupInfo, PortfolioStatus } from '../../../shared/api/contract.js';
import { formatBackupTime } from '../format/formatBackupTime.js';
import { formatFileSize } from '../format/formatFileSize.js';

type DamagedStatus = Extract<PortfolioStatus, { state: 'damaged' }>;

interface DamagedPortfolioViewProps {
  client: ApiClient;
  status: DamagedStatus;
  /** Called with the new status after a restore; a ready status opens the app. */
  onStatusChange(status: PortfolioStatus): void;
}

function newestFirst(backups: readonly BackupInfo[]): BackupInfo[] {
  return [...backups].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
}

/**
 * The only screen while the portfolio file cannot be read: what is wrong, where the damaged file
 * was kept, and the backups to restore from. Nothing is read or saved until one is restored.
 */
export function DamagedPortfolioView({ client, status, onStatusChange }: DamagedPortfolioViewProps) {
  const [restoring, setRestoring] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const backups = newestFirst(status.backups);
  const minutes = backups.map((backup) => formatBackupTime(backup.savedAt));
  const sameMinute = new Set(minutes.filter((label, index) => minutes.indexOf(label) !== index));
  const timeOf = (backup: BackupInfo) => {
    const label = formatBackupTime(backup.savedAt);
    return sameMinute.has(label) ? formatBackupTime(backup.savedAt, true) : label;
  };

  useEffect(() => {
    document.title = 'Portfolio could not be opened — Reflective Portfolio';
  }, []);

  const restore = async (backup: BackupInfo) => {
    const time = timeOf(backup);
    // The browser's own confirmation: modal, keyboard-ready, and read out by screen readers.
    const confirmed = window.confirm(
      `Restore the backup from ${time}?\n\nYour portfolio will be replaced by this backup; anything written after ${time} is not in it. The damaged file stays where it was kept.`,
    );
    if (!confirmed) return;
    setRestoring(true);
    setProblem(null);
    const result = await client.call('backups.restore', { backupId: backup.id });
    setRestoring(false);
    if (!result.ok) {
      setProblem(`The backup from ${time} could not be restored: ${result.error.message}`);
      return;
    }
    onStatusChange(result.value);
  };

  return (
    <main id="main-content" className="page damaged-page" tabIndex={-1} data-testid="damaged-view">
      <h1>Your portfolio could not be opened</h1>
      <div className="notice notice--error">
        <p className="damaged-page__problem">{status.problem}</p>
      </div>
      {status.quarantinedAs ? (
        <p>
          The damaged file has been kept, exactly as it was, at <code data-testid="quarantined-as">{status.quarantinedAs}</code>
        </p>
      ) : (
        <p>The damaged file could not be copied aside; it has been left where it was.</p>
      )}
      <p>Nothing will be shown or saved until you restore a backup. Restoring does not delete the damaged file.</p>

      <h2>Backups</h2>
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
      {backups.length === 0 ? (
        <p>There are no backups in the portfolio folder. The damaged file is kept, so someone with technical help may be able to repair it.</p>
      ) : (
        <table className="backups-table" data-testid="backups-table">
          <caption className="visually-hidden">Backups, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Saved</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup, index) => {
              const timeId = `backup-${backup.id.replace(/[^A-Za-z0-9_-]/g, '-')}-time`;
              return (
                <tr key={backup.id} data-testid="backup-row" data-backup-id={backup.id}>
                  <th scope="row" id={timeId}>
                    {timeOf(backup)}
                    {index === 0 ? <span className="tag"> (newest)</span> : null}
                  </th>
                  <td>{formatFileSize(backup.sizeBytes)}</td>
                  <td>
                    {backup.usable ? (
                      <button type="button" className="button" aria-describedby={timeId} disabled={restoring} onClick={() => void restore(backup)}>
                        Restore this backup
                      </button>
                    ) : (
                      <span className="muted">This backup cannot be read either</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {restoring ? (
        <p className="muted" aria-live="polite">
          Restoring…
        </p>
      ) : null}
    </main>
  );
}
