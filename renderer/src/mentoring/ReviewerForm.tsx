import { type FormEvent, useId, useState } from 'react';
import type { Reviewer } from '../../../shared/share/sharing.js';
import { sharingLimits } from '../../../shared/share/sharingLimits.js';
import { useSession } from '../session/SessionContext.js';

interface ReviewerFormProps {
  reviewId: string;
  reviewer: Reviewer | null;
  authorName: string;
  /** The name field's id, so other parts of the page can send focus to it. */
  nameFieldId: string;
  onSaved(): Promise<void>;
}

/** Who is reviewing: the name and role every comment and sign-off goes out under. */
export function ReviewerForm({ reviewId, reviewer, authorName, nameFieldId, onSaved }: ReviewerFormProps) {
  const session = useSession();
  const ids = useId();
  const [name, setName] = useState(reviewer?.name ?? '');
  const [role, setRole] = useState(reviewer?.role ?? '');
  const [registration, setRegistration] = useState(reviewer?.registration ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSaved('');
    if (name.trim() === '') {
      setProblem('Give your name: it goes beside every comment and sign-off.');
      document.getElementById(nameFieldId)?.focus();
      return;
    }
    setBusy(true);
    const result = await session.client.call('review.setReviewer', {
      reviewId,
      reviewer: { name: name.trim(), role: role.trim(), registration: registration.trim() === '' ? null : registration.trim() },
    });
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    setProblem(null);
    setSaved('Your details are saved.');
    await onSaved();
  };

  return (
    <section className="card review-card" aria-labelledby={`${ids}-heading`} data-testid="reviewer-form">
      <h2 id={`${ids}-heading`}>Your details</h2>
      <p className="hint">
        {authorName} sees these beside your comments and sign-offs. They are needed before you save a feedback file.
      </p>
      <form className="review-form" onSubmit={(event) => void save(event)} noValidate>
        <div className="review-form__row">
          <div className="field">
            <label htmlFor={nameFieldId}>Your name</label>
            <input
              id={nameFieldId}
              className="input"
              type="text"
              autoComplete="name"
              maxLength={sharingLimits.personName}
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-invalid={problem !== null && name.trim() === '' ? true : undefined}
              aria-describedby={problem ? `${ids}-problem` : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-role`}>Your role</label>
            <input
              id={`${ids}-role`}
              className="input"
              type="text"
              autoComplete="organization-title"
              maxLength={sharingLimits.role}
              value={role}
              onChange={(event) => setRole(event.target.value)}
              aria-describedby={`${ids}-role-hint`}
            />
            <p id={`${ids}-role-hint`} className="hint">
              For example Practice assessor, Clinical educator.
            </p>
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
              aria-describedby={`${ids}-registration-hint`}
            />
            <p id={`${ids}-registration-hint`} className="hint">
              Your NMC PIN or HCPC number, only if you want it on your sign-offs.
            </p>
          </div>
        </div>
        {problem ? (
          <p id={`${ids}-problem`} className="field__problem" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            Save your details
          </button>
          <p className="confirmation" role="status">
            {saved}
          </p>
        </div>
      </form>
    </section>
  );
}
