import { type FormEvent, useId, useRef, useState } from 'react';
import type { ReviewView as ReviewData, SavedFile } from '../../../shared/api/contract.js';
import { sharingLimits } from '../../../shared/share/sharingLimits.js';
import { plural } from '../coverage/coverageCells.js';
import { downloadBlob } from '../frameworks/downloadTextFile.js';
import { useSession } from '../session/SessionContext.js';
import { formatDateTime } from './reviewWords.js';

interface SendFeedbackProps {
  review: ReviewData;
  /** The id of the reviewer's name field, to send the mentor to when their details are missing. */
  reviewerNameFieldId: string;
  reload(): Promise<void>;
}

function feedbackFileBlob(file: SavedFile): Blob {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type: 'application/octet-stream' });
}

/** "3 comments and 1 sign-off", or "nothing" when there is neither. */
function listOf(parts: Array<string | null>): string {
  const words = parts.filter((part): part is string => part !== null);
  if (words.length === 0) return 'nothing';
  if (words.length === 1) return words[0] as string;
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

/**
 * What the next feedback file will hold, an optional passphrase, and the button that saves it. The
 * file always holds every comment and sign-off (so a newer file replaces an older one whole) and
 * withdraws those deleted after being sent.
 */
export function SendFeedback({ review, reviewerNameFieldId, reload }: SendFeedbackProps) {
  const session = useSession();
  const ids = useId();
  const passphraseField = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<{ message: string; field: 'passphrase' | 'again' | 'reviewer' | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  const { summary, comments, signOffs } = review;
  const author = summary.authorName;
  const changedItems = [...comments, ...signOffs].filter((item) => item.sent !== 'sent').length;
  const withdrawals = Math.max(0, summary.unsent - changedItems);
  const holds = listOf([comments.length > 0 ? plural(comments.length, 'comment') : null, signOffs.length > 0 ? plural(signOffs.length, 'sign-off') : null]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSavedAt(null);
    if (!review.reviewer) {
      setProblem({ message: 'Save your details (your name at least) before saving a feedback file.', field: 'reviewer' });
      document.getElementById(reviewerNameFieldId)?.focus();
      return;
    }
    if (passphrase !== '' || again !== '') {
      if (passphrase.length < sharingLimits.passphraseMin) {
        setProblem({ message: `A passphrase needs at least ${sharingLimits.passphraseMin} characters. Leave both fields empty for no passphrase.`, field: 'passphrase' });
        passphraseField.current?.focus();
        return;
      }
      if (passphrase !== again) {
        setProblem({ message: 'The two passphrases are not the same. Type it again in both fields.', field: 'again' });
        document.getElementById(`${ids}-again`)?.focus();
        return;
      }
    }
    setBusy(true);
    const result = await session.client.call('review.feedbackFile', { reviewId: summary.reviewId, passphrase: passphrase === '' ? null : passphrase });
    if (!result.ok) {
      setBusy(false);
      setProblem({ message: result.error.message, field: null });
      return;
    }
    downloadBlob(result.value.fileName, feedbackFileBlob(result.value));
    setProblem(null);
    setPassphrase('');
    setAgain('');
    setSavedAt(new Date().toISOString());
    await reload();
    setBusy(false);
  };

  const describedBy = (field: 'passphrase' | 'again') => [`${ids}-passphrase-hint`, problem?.field === field ? `${ids}-problem` : null].filter(Boolean).join(' ');

  return (
    <section className="card review-card send-feedback" aria-labelledby={`${ids}-heading`} data-testid="send-feedback">
      <h2 id={`${ids}-heading`}>Send feedback</h2>
      <p data-testid="feedback-summary">
        {holds === 'nothing' && withdrawals === 0 ? (
          'You have not written any comments or signed anything off yet, so there is nothing to send.'
        ) : (
          <>
            The feedback file will hold {holds}
            {withdrawals > 0 ? `, and withdraw ${plural(withdrawals, 'comment or sign-off', 'comments or sign-offs')} you deleted after sending` : ''}.{' '}
            {summary.lastSentAt === null
              ? 'You have not saved a feedback file from this review yet.'
              : summary.unsent === 0
                ? `Nothing has changed since you saved one on ${formatDateTime(summary.lastSentAt)}.`
                : `${plural(summary.unsent, 'change')} since you saved one on ${formatDateTime(summary.lastSentAt)}.`}
          </>
        )}
      </p>
      <p className="hint">
        It holds only your comments and sign-offs and your details, not {author}’s writing. {author} imports it on their Sharing page.
      </p>
      <form className="review-form" onSubmit={(event) => void save(event)} noValidate>
        <fieldset className="review-fieldset">
          <legend>Passphrase (optional)</legend>
          <p id={`${ids}-passphrase-hint`} className="hint">
            If you give one, {author} needs it to open the file: tell them it another way (in person or by phone), not in the same email.
            At least {sharingLimits.passphraseMin} characters.
          </p>
          <div className="review-form__row">
            <div className="field">
              <label htmlFor={`${ids}-passphrase`}>Passphrase</label>
              <input
                ref={passphraseField}
                id={`${ids}-passphrase`}
                className="input"
                type="password"
                autoComplete="new-password"
                maxLength={sharingLimits.passphraseMax}
                value={passphrase}
                onChange={(event) => setPassphrase(event.target.value)}
                aria-invalid={problem?.field === 'passphrase' ? true : undefined}
                aria-describedby={describedBy('passphrase')}
              />
            </div>
            <div className="field">
              <label htmlFor={`${ids}-again`}>Passphrase again</label>
              <input
                id={`${ids}-again`}
                className="input"
                type="password"
                autoComplete="new-password"
                maxLength={sharingLimits.passphraseMax}
                value={again}
                onChange={(event) => setAgain(event.target.value)}
                aria-invalid={problem?.field === 'again' ? true : undefined}
                aria-describedby={describedBy('again')}
              />
            </div>
          </div>
        </fieldset>
        {problem ? (
          <p id={`${ids}-problem`} className="notice notice--error" role="alert">
            {problem.message}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-busy={busy}>
            Save feedback file
          </button>
          <p className="confirmation" role="status" data-testid="feedback-saved">
            {savedAt ? `Feedback saved on ${formatDateTime(summary.lastSentAt ?? savedAt)}; send the file to ${author} by email or Teams.` : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
