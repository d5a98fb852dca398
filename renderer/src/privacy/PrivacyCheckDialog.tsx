import { useEffect, useId, useRef } from 'react';
import '../styles/reflection.css';
import '../styles/security.css';
import { findingKindNames } from '../../../shared/privacy/findings.js';
import type { OutgoingCheck } from '../../../shared/privacy/outgoing.js';

interface PrivacyCheckDialogProps {
  check: OutgoingCheck;
  /** What is about to leave: "Word file", "share file", "feedback file". */
  what: string;
  /** The user has read the findings and chosen to let the file go as it is. */
  onConfirm(fingerprint: string): void;
  /** The user will fix the findings first: nothing is saved. */
  onCancel(): void;
}

const counted = (count: number, one: string, many: string) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

/**
 * The stop before a file leaves the machine: what the privacy check found in exactly what the file
 * holds, each with where it is and why, and an explicit choice. Going back is the default.
 */
export function PrivacyCheckDialog({ check, what, onConfirm, onCancel }: PrivacyCheckDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const back = useRef<HTMLButtonElement>(null);
  const ids = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    back.current?.focus();
  }, []);

  const close = (then: () => void) => {
    dialog.current?.close();
    then();
  };

  const shown = check.findings.length;
  const more = check.total - shown;
  return (
    <dialog
      ref={dialog}
      className="dialog privacy-check"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-intro`}
      data-testid="privacy-check"
      onCancel={(event) => {
        event.preventDefault();
        close(onCancel);
      }}
    >
      <h2 id={`${ids}-title`}>Check before this {what} leaves: {counted(check.total, 'possible identifier', 'possible identifiers')}</h2>
      <p id={`${ids}-intro`}>
        Reflective writing must not identify a patient, service user or colleague. The {what} holds {shown === 1 ? 'this, which looks' : 'these, which look'} as if{' '}
        {shown === 1 ? 'it' : 'they'} could. Go back and replace {shown === 1 ? 'it' : 'them'} (for example with “[patient A]”), or save the {what} as it is if you are sure.
        {more > 0 ? ` The first ${counted(shown, 'is', 'are')} listed below; ${counted(more, 'more is', 'more are')} not.` : ''}
        {check.dismissed > 0 ? ` ${counted(check.dismissed, 'finding', 'findings')} you marked as not an identifier ${check.dismissed === 1 ? 'is' : 'are'} not listed.` : ''}
      </p>
      <ol className="privacy-check__list" aria-label="Possible identifiers">
        {check.findings.map((finding, index) => (
          <li key={`${index}-${finding.place}-${finding.text}`} className="privacy-check__item">
            <p className="privacy-check__what">
              <strong>{findingKindNames[finding.kind]}</strong> <span className="privacy-check__place">in {finding.place}</span>
            </p>
            <p className="privacy-check__quote">
              {finding.before}
              <mark>{finding.text}</mark>
              {finding.after}
            </p>
            <p className="hint">{finding.reason}</p>
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <button ref={back} type="button" className="button button--primary" onClick={() => close(onCancel)}>
          Go back and fix
        </button>
        <button type="button" className="button" onClick={() => close(() => onConfirm(check.fingerprint))}>
          Save the {what} anyway
        </button>
      </div>
    </dialog>
  );
}
