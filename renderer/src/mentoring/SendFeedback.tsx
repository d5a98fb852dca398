import { type FormEvent, useId, useRef, useState } from 'react';
import type { OutgoingCheck } from '../../../shared/privacy/outgoing.js';
import { PrivacyCheckDialog } from '../privacy/PrivacyCheckDialog.js';
import type { ReviewView as ReviewData } from '../../../shared/api/contract.js';
import { sharingLimits } from '../../../shared/share/sharingLimits.js';
import { plural } from '../coverage/coverageCells.js';
import { downloadBase64File } from '../frameworks/downloadTextFile.js';
import { PassphraseFields } from '../sharing/PassphraseFields.js';
import { passphraseProblems } from '../sharing/shareDraft.js';
import { useSession } from '../session/SessionContext.js';
import { formatDateTime } from './reviewWords.js';

interface SendFeedbackProps {
  review: ReviewData;
  /** The id of the reviewer's name field, to send the mentor to when their details are missing. */
  reviewerNameFieldId: string;
  reload(): Promise<void>;
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
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  /** A problem with the passphrase, shown at its field once saving has been tried. */
  const [passphraseProblem, setPassphraseProblem] = useState<ReadonlyMap<string, string>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [check, setCheck] = useState<OutgoingCheck | null>(null);
  const saveButton = useRef<HTMLButtonElement>(null);

  const { summary, comments, signOffs } = review;
  const author = summary.authorName;
  const changedItems = [...comments, ...signOffs].filter((item) => item.sent !== 'sent').length;
  const withdrawals = Math.max(0, summary.unsent - changedItems);
  const holds = listOf([comments.length > 0 ? plural(comments.length, 'comment') : null, signOffs.length > 0 ? plural(signOffs.length, 'sign-off') : null]);

  const save = async (event: FormEvent | null, confirmedFindings: string | null = null) => {
    event?.preventDefault();
    if (busy) return;
    setSavedAt(null);
    if (!review.reviewer) {
      setProblem('Save your details (your name at least) before saving a feedback file.');
      document.getElementById(reviewerNameFieldId)?.focus();
      return;
    }
    const problems = passphraseProblems(passphrase, again);
    setPassphraseProblem(problems);
    if (problems.size > 0) {
      setProblem(null);
      document.getElementById(problems.has('passphrase') ? `${passphraseIds}-passphrase` : `${passphraseIds}-passphrase-again`)?.focus();
      return;
    }
    setBusy(true);
    const result = await session.client.call('review.feedbackFile', { reviewId: summary.reviewId, passphrase: passphrase === '' ? null : passphrase, confirmedFindings });
    if (!result.ok) {
      setBusy(false);
      setProblem(result.error.message);
      return;
    }
    if (result.value.state === 'check') {
      setBusy(false);
      setCheck(result.value.check);
      return;
    }
    setCheck(null);
    downloadBase64File(result.value, 'application/octet-stream');
    setProblem(null);
    setPassphrase('');
    setAgain('');
    setSavedAt(new Date().toISOString());
    await reload();
    setBusy(false);
  };

  const passphraseIds = `feedback-${summary.reviewId}`;

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
        <PassphraseFields
          idPrefix={passphraseIds}
          passphrase={passphrase}
          again={again}
          onChange={(nextPassphrase, nextAgain) => {
            setPassphrase(nextPassphrase);
            setAgain(nextAgain);
          }}
          problems={passphraseProblem}
          hint={`If you give one, ${author} needs it to open the file. At least ${sharingLimits.passphraseMin} characters; a few unrelated words are easy to read out and hard to guess.`}
        />
        {problem ? (
          <p id={`${ids}-problem`} className="notice notice--error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="form-actions">
          <button ref={saveButton} type="submit" className="button button--primary" aria-busy={busy}>
            Save feedback file
          </button>
          <p className="confirmation" role="status" data-testid="feedback-saved">
            {savedAt ? `Feedback saved on ${formatDateTime(summary.lastSentAt ?? savedAt)}; send the file to ${author} by email or Teams.` : ''}
          </p>
        </div>
      </form>
      {check ? (
        <PrivacyCheckDialog
          check={check}
          what="feedback file"
          onConfirm={(fingerprint) => {
            setCheck(null);
            void save(null, fingerprint);
          }}
          onCancel={() => {
            setCheck(null);
            setProblem('Nothing was saved. Reword the comments or sign-offs listed, then save the feedback file again.');
            saveButton.current?.focus();
          }}
        />
      ) : null}
    </section>
  );
}
