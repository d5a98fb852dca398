import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type CalendarDate, isCalendarDate, todayAsCalendarDate } from '../../../shared/dates/weeks.js';
import type { ReviewSignOff } from '../../../shared/api/contract.js';
import type { Reviewer } from '../../../shared/share/sharing.js';
import { sharingLimits } from '../../../shared/share/sharingLimits.js';
import { DateField } from '../export/DateField.js';
import '../styles/export.css';

export interface SignOffDraft {
  statement: string;
  date: CalendarDate;
  signer: Reviewer;
}

interface SignOffFormProps {
  /** "LO2" or "LO2 P3": what is being signed off. */
  code: string;
  existing: ReviewSignOff | null;
  /** The reviewer's details, to start the signer's fields with. */
  reviewer: Reviewer | null;
  /** Saves the sign-off; resolves to a problem to show, or null once saved. */
  onSave(draft: SignOffDraft): Promise<string | null>;
  onCancel(): void;
}

type Field = 'statement' | 'date' | 'name';

/** A sign-off's statement, date and signer. Focus starts in the statement. */
export function SignOffForm({ code, existing, reviewer, onSave, onCancel }: SignOffFormProps) {
  const ids = useId();
  const statementField = useRef<HTMLTextAreaElement>(null);
  const signer = existing?.signer ?? reviewer;
  const [statement, setStatement] = useState(existing?.statement ?? '');
  const [date, setDate] = useState<string>(existing?.date ?? todayAsCalendarDate(new Date()));
  const [name, setName] = useState(signer?.name ?? '');
  const [role, setRole] = useState(signer?.role ?? '');
  const [registration, setRegistration] = useState(signer?.registration ?? '');
  const [problem, setProblem] = useState<{ field: Field | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    statementField.current?.focus();
  }, []);

  const refuse = (field: Field, message: string) => {
    setProblem({ field, message });
    document.getElementById(`${ids}-${field}`)?.focus();
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (statement.trim() === '') return refuse('statement', `Write a statement: what you have seen that shows ${code} is met.`);
    if (!isCalendarDate(date)) return refuse('date', 'Enter the date you are signing, as day, month and year.');
    if (name.trim() === '') return refuse('name', 'Give the name of the person signing.');
    setBusy(true);
    const outcome = await onSave({
      statement: statement.trim(),
      date,
      signer: { name: name.trim(), role: role.trim(), registration: registration.trim() === '' ? null : registration.trim() },
    });
    setBusy(false);
    if (outcome !== null) setProblem({ field: null, message: outcome });
  };

  const problemFor = (field: Field) => (problem?.field === field ? problem.message : null);
  const describedBy = (field: Field, hint?: string) => [hint, problem?.field === field ? `${ids}-problem` : null].filter(Boolean).join(' ') || undefined;

  return (
    <form className="signoff-form review-form" onSubmit={(event) => void save(event)} noValidate data-testid="signoff-form">
      <div className="field">
        <label htmlFor={`${ids}-statement`}>Statement for {code}</label>
        <textarea
          ref={statementField}
          id={`${ids}-statement`}
          className="input signoff-form__statement"
          rows={4}
          maxLength={sharingLimits.statement}
          value={statement}
          onChange={(event) => setStatement(event.target.value)}
          aria-invalid={problemFor('statement') ? true : undefined}
          aria-describedby={describedBy('statement', `${ids}-statement-hint`)}
        />
        <p id={`${ids}-statement-hint`} className="hint">
          What you have seen that shows {code} is met.
        </p>
      </div>
      <DateField id={`${ids}-date`} label="Date signed" value={date} onChange={setDate} problem={problemFor('date')} whenEmpty="No date yet" />
      <div className="review-form__row">
        <div className="field">
          <label htmlFor={`${ids}-name`}>Name</label>
          <input
            id={`${ids}-name`}
            className="input"
            type="text"
            autoComplete="name"
            maxLength={sharingLimits.personName}
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={problemFor('name') ? true : undefined}
            aria-describedby={describedBy('name')}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-role`}>Role</label>
          <input id={`${ids}-role`} className="input" type="text" autoComplete="organization-title" maxLength={sharingLimits.role} value={role} onChange={(event) => setRole(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-registration`}>Registration number (optional)</label>
          <input
            id={`${ids}-registration`}
            className="input"
            type="text"
            maxLength={sharingLimits.registration}
            value={registration}
            onChange={(event) => setRegistration(event.target.value)}
          />
        </div>
      </div>
      {problem && problem.field !== 'date' ? (
        <p id={`${ids}-problem`} className="field__problem" role="alert">
          {problem.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-busy={busy}>
          {existing ? 'Save changes' : `Sign off ${code}`}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
