import { useEffect, useRef } from 'react';
import type { ExportProgress } from '../../../shared/api/contract.js';
import type { ExportPackKind } from '../../../shared/export/exportOptions.js';
import { formatFileSize } from '../format/formatFileSize.js';
import { type ExportJobState, isExportBusy } from './ExportJob.js';
import { PrivacyCheckDialog } from '../privacy/PrivacyCheckDialog.js';

interface ExportActionsProps {
  job: ExportJobState;
  /** Why there is nothing to export yet, or a field to fix first; null when the export can go ahead. */
  blockedBecause: string | null;
  onExport(): void;
  onCancel(): void;
  /** Save the file although the privacy check found possible identifiers in it. */
  onConfirmFindings(fingerprint: string): void;
  /** Go back to fix them; nothing is saved. */
  onHoldBack(): void;
}

const stepNames: Record<ExportPackKind, [one: string, many: string]> = {
  weeks: ['week', 'weeks'],
  assignment: ['part', 'parts'],
  appraisal: ['part', 'parts'],
  reflection: ['reflection', 'reflections'],
  feedback: ['part', 'parts'],
};

/** "Laying out 12 of 40 weeks…", then "Writing the Word file…". */
export function progressText(pack: ExportPackKind, progress: ExportProgress): string {
  if (progress.stage === 'writing') return 'Writing the Word file…';
  if (progress.total === 0) return 'Gathering your entries…';
  if (pack === 'reflection') return 'Laying out the reflection…';
  const [one, many] = stepNames[pack];
  return `Laying out ${progress.done.toLocaleString('en-GB')} of ${progress.total.toLocaleString('en-GB')} ${progress.total === 1 ? one : many}…`;
}

function ProgressBar({ pack, progress, cancelling }: { pack: ExportPackKind; progress: ExportProgress | null; cancelling: boolean }) {
  const text = cancelling ? 'Cancelling…' : progress ? progressText(pack, progress) : 'Starting the export…';
  const known = progress !== null && progress.total > 0;
  const done = known ? (progress.stage === 'writing' ? progress.total : progress.done) : 0;
  const total = known ? progress.total : 0;
  return (
    <div className="export-progress">
      <div
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? done : undefined}
        aria-valuetext={text}
        className={`export-progress__bar${known ? '' : ' export-progress__bar--waiting'}`}
        data-testid="export-progress"
      >
        <span className="export-progress__fill" style={known ? { width: `${Math.round((done / total) * 100)}%` } : undefined} />
      </div>
      <p className="export-progress__text" data-testid="export-progress-text">
        {text}
      </p>
    </div>
  );
}

/** The Export button; while an export runs its progress and Cancel; then what became of it. */
export function ExportActions({ job, blockedBecause, onExport, onCancel, onConfirmFindings, onHoldBack }: ExportActionsProps) {
  const exportButton = useRef<HTMLButtonElement>(null);
  const busy = isExportBusy(job);
  const unavailable = busy || blockedBecause !== null;

  // Cancel goes when the export ends: focus that was on it moves to the Export button.
  const wasBusy = useRef(busy);
  useEffect(() => {
    const ended = wasBusy.current && !busy;
    wasBusy.current = busy;
    if (ended && (document.activeElement === document.body || document.activeElement === null)) exportButton.current?.focus();
  }, [busy]);

  const status =
    job.phase === 'saved'
      ? `Saved ${job.fileName} (${formatFileSize(job.bytes)}).`
      : job.phase === 'cancelled'
        ? 'Export cancelled; nothing was saved.'
        : job.phase === 'held-back'
          ? 'Nothing was saved. Replace the possible identifiers (they are underlined in each entry), then export again.'
          : '';
  return (
    <div className="export-actions">
      <button
        ref={exportButton}
        type="button"
        className="button button--primary export-actions__export"
        aria-disabled={unavailable ? true : undefined}
        aria-describedby={blockedBecause !== null && !busy ? 'export-blocked' : undefined}
        onClick={() => {
          if (!unavailable) onExport();
        }}
      >
        Export to Word
      </button>
      {blockedBecause !== null && !busy ? (
        <p id="export-blocked" className="export-actions__blocked" data-testid="export-blocked">
          {blockedBecause}
        </p>
      ) : null}
      {job.phase === 'starting' || job.phase === 'collecting' || job.phase === 'running' ? (
        <ProgressBar
          pack={job.pack}
          progress={job.phase === 'running' ? job.progress : job.phase === 'collecting' ? { state: 'running', stage: 'writing', done: 1, total: 1, message: null } : null}
          cancelling={job.phase === 'running' && job.cancelling}
        />
      ) : null}
      {job.phase === 'running' ? (
        <button
          type="button"
          className="button"
          aria-disabled={job.cancelling ? true : undefined}
          onClick={() => {
            if (!job.cancelling) onCancel();
          }}
        >
          Cancel export
        </button>
      ) : null}
      <p role="status" className="export-actions__status" data-testid="export-status">
        {status}
      </p>
      {job.phase === 'check' ? <PrivacyCheckDialog check={job.check} what="Word file" onConfirm={onConfirmFindings} onCancel={onHoldBack} /> : null}
      {job.phase === 'failed' ? (
        <div className="notice notice--error" role="alert" data-testid="export-failed">
          <p>{job.message}</p>
        </div>
      ) : null}
    </div>
  );
}
