import '../styles/export.css';
import '../styles/sharing.css';
import type { ReactNode } from 'react';
import { fieldProblemId } from '../frameworks/TextField.js';
import { passphraseMinimum } from './shareDraft.js';

interface PassphraseFieldsProps {
  idPrefix: string;
  passphrase: string;
  again: string;
  onChange(passphrase: string, again: string): void;
  problems: ReadonlyMap<string, string>;
  /** What the passphrase does, for whoever will open the file; the author's wording by default. */
  hint?: ReactNode;
  /** The group's name; "Passphrase (optional)" by default. */
  legend?: string;
  /** What must be known about it, under the fields; the share file's warning by default. */
  warning?: string;
  /** The first field's label; "Passphrase" by default. */
  label?: string;
}

export const passphraseWarning = 'Send the passphrase separately, by phone or text — not in the same email. It cannot be recovered.';

export function PasswordField({
  id,
  label,
  value,
  onChange,
  problem,
  describedBy,
  autoComplete = 'new-password',
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  problem: string | null;
  describedBy: string;
  autoComplete?: 'new-password' | 'current-password';
}) {
  const problemId = fieldProblemId(id);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {problem ? (
        <p id={problemId} className="field__problem">
          {problem}
        </p>
      ) : null}
      <input
        id={id}
        type="password"
        className="input input--short"
        autoComplete={autoComplete}
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={[describedBy, problem ? problemId : null].filter(Boolean).join(' ')}
      />
    </div>
  );
}

/** An optional passphrase, typed twice, with what whoever saves the file must know about it. */
export function PassphraseFields({ idPrefix, passphrase, again, onChange, problems, hint, legend = 'Passphrase (optional)', warning = passphraseWarning, label = 'Passphrase' }: PassphraseFieldsProps) {
  const hintId = `${idPrefix}-passphrase-hint`;
  const warningId = `${idPrefix}-passphrase-warning`;
  return (
    <fieldset className="export-fieldset share-passphrase">
      <legend>{legend}</legend>
      <p id={hintId} className="hint">
        {hint ?? (
          <>
            With a passphrase the file is encrypted: only someone who knows it can open it. Use at least {passphraseMinimum} characters; a few unrelated words are easy to read out and
            hard to guess. Without one, anyone who gets the file can read it.
          </>
        )}
      </p>
      <div className="export-row">
        <PasswordField id={`${idPrefix}-passphrase`} label={label} value={passphrase} onChange={(next) => onChange(next, again)} problem={problems.get('passphrase') ?? null} describedBy={hintId} />
        <PasswordField id={`${idPrefix}-passphrase-again`} label="Type it again" value={again} onChange={(next) => onChange(passphrase, next)} problem={problems.get('passphraseAgain') ?? null} describedBy={warningId} />
      </div>
      <p id={warningId} className="share-passphrase__warning">
        <strong>{warning}</strong>
      </p>
    </fieldset>
  );
}
