import type { FeedbackSignOffView } from '../../../shared/api/contract.js';
import { formatUkDate, isCalendarDate } from '../../../shared/dates/weeks.js';
import { reviewerName } from './receivedDates.js';

/** Outcomes and criteria mentors have signed off, with what they said and who signed. */
export function SignOffList({ signOffs }: { signOffs: readonly FeedbackSignOffView[] }) {
  return (
    <section className="feedback-signoffs" aria-labelledby="feedback-signoffs-heading">
      <h3 id="feedback-signoffs-heading">Sign-offs</h3>
      {signOffs.length === 0 ? (
        <p className="muted">No sign-offs yet. When a mentor signs an outcome off, it is listed here and shown on the coverage matrix.</p>
      ) : (
        <ul className="signoff-list" data-testid="signoff-list">
          {signOffs.map((signOff) => (
            <li key={signOff.id} className={`signoff${signOff.withdrawn ? ' signoff--withdrawn' : ''}`} data-testid="signoff">
              <p className="signoff__label">{signOff.label}</p>
              <blockquote className="signoff__statement">
                {signOff.statement.split(/\n{2,}/).map((paragraph, index) => (
                  <p key={index}>{paragraph}</p>
                ))}
              </blockquote>
              <p className="signoff__signer">
                Signed by {reviewerName(signOff.signer)}
                {signOff.signer.registration ? ` (registration ${signOff.signer.registration})` : ''} on {isCalendarDate(signOff.date) ? formatUkDate(signOff.date) : signOff.date}
              </p>
              {signOff.withdrawn ? <p className="signoff__withdrawn">Withdrawn by the mentor</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
