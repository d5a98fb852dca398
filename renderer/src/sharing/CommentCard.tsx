import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { CommentPlace } from '../../../shared/api/contract.js';
import type { ReceivedComment } from '../../../shared/share/sharing.js';
import { useSession } from '../session/SessionContext.js';
import { commentPlaceNote } from './commentPlaceNote.js';
import { reviewerName, ukDateOfTime } from './receivedDates.js';

interface CommentCardProps {
  comment: ReceivedComment;
  /** Where its passage is now. */
  place: CommentPlace;
  /** The card's heading level: 3 beside an entry, 4 in the Sharing page's list. */
  headingLevel: 3 | 4;
  /** Offered when the passage is in an editor on this page: selects it and scrolls to it. */
  onShowPassage?: () => void;
  /** The comment as saved after a reply, or resolved or reopened. */
  onChanged(comment: ReceivedComment): void;
  /** Shown under the heading, such as the section the passage is in. */
  where?: string;
}

/** Text kept as the mentor or author typed it: paragraphs at blank lines, line breaks kept. */
function PlainText({ text, className }: { text: string; className: string }) {
  return (
    <div className={className}>
      {text.split(/\n{2,}/).map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}

/**
 * A mentor's comment as the author reads it: who wrote it and when, the passage it is on (and
 * whether that passage has changed since), the comment, the author's replies, a reply box and
 * Resolve / Reopen. Everything from the file is shown as plain text.
 */
export function CommentCard({ comment, place, headingLevel, onShowPassage, onChanged, where }: CommentCardProps) {
  const session = useSession();
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const replyButton = useRef<HTMLButtonElement>(null);
  const replyBox = useRef<HTMLTextAreaElement>(null);
  const idBase = `comment-${comment.id}`;
  const headingId = `${idBase}-heading`;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const RepliesHeading = headingLevel === 3 ? 'h4' : 'h5';
  const note = commentPlaceNote(place);

  /** Set when the reply box closes: focus goes back to the button that opened it. */
  const returnFocus = useRef(false);
  useEffect(() => {
    if (replying) replyBox.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      replyButton.current?.focus();
    }
  }, [replying]);

  const closeReply = () => {
    returnFocus.current = true;
    setReplying(false);
    setReply('');
    setProblem(null);
  };

  const saveReply = async () => {
    if (busy) return;
    if (reply.trim() === '') {
      setProblem('Write your reply first.');
      replyBox.current?.focus();
      return;
    }
    setBusy(true);
    const result = await session.client.call('feedback.reply', { commentId: comment.id, text: reply });
    setBusy(false);
    if (!result.ok) {
      setProblem(`Your reply was not saved: ${result.error.message}`);
      return;
    }
    onChanged(result.value);
    setAnnouncement('Reply saved.');
    closeReply();
  };

  const setResolved = async (resolved: boolean) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const result = await session.client.call('feedback.setResolved', { commentId: comment.id, resolved });
    setBusy(false);
    if (!result.ok) {
      setProblem(`${resolved ? 'Not marked resolved' : 'Not reopened'}: ${result.error.message}`);
      return;
    }
    onChanged(result.value);
    setAnnouncement(resolved ? 'Marked resolved.' : 'Reopened.');
  };

  const replyKeys = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      closeReply();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void saveReply();
    }
  };

  const states = [comment.resolved ? 'Resolved' : null, comment.withdrawn ? 'Withdrawn by the mentor' : null].filter((state) => state !== null);
  return (
    <article
      className={`comment-card${comment.resolved ? ' comment-card--resolved' : ''}${comment.withdrawn ? ' comment-card--withdrawn' : ''}`}
      aria-labelledby={headingId}
      data-testid="comment-card"
      data-comment-id={comment.id}
    >
      <div className="comment-card__header">
        <Heading id={headingId} className="comment-card__who">
          {reviewerName(comment.reviewer)}
        </Heading>
        <p className="comment-card__meta">
          {ukDateOfTime(comment.updatedAt)}
          {comment.updatedAt !== comment.createdAt ? ' (edited by the mentor)' : ''}
          {where ? ` · ${where}` : ''}
        </p>
        {states.length > 0 ? (
          <ul className="comment-card__states" aria-label="State">
            {states.map((state) => (
              <li key={state} className={`comment-card__state comment-card__state--${state === 'Resolved' ? 'resolved' : 'withdrawn'}`}>
                {state}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {comment.anchor ? (
        <blockquote className="comment-card__quote" data-testid="comment-quote">
          {comment.anchor.quote.split('\n').map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </blockquote>
      ) : null}
      {note ? (
        <p className={`comment-card__place comment-card__place--${place.state}`} data-testid="comment-place">
          {note}
        </p>
      ) : null}
      {onShowPassage ? (
        <button type="button" className="button comment-card__show" onClick={onShowPassage} aria-describedby={headingId}>
          Show passage
        </button>
      ) : null}
      <PlainText text={comment.text} className="comment-card__text" />
      {comment.replies.length > 0 ? (
        <section className="comment-card__replies" aria-labelledby={`${idBase}-replies`}>
          <RepliesHeading id={`${idBase}-replies`} className="comment-card__replies-heading">
            {comment.replies.length === 1 ? 'Your reply' : 'Your replies'}
          </RepliesHeading>
          <ol>
            {comment.replies.map((saved) => (
              <li key={saved.id} className="comment-card__reply" data-testid="comment-reply">
                <PlainText text={saved.text} className="comment-card__reply-text" />
                <p className="comment-card__reply-date">{ukDateOfTime(saved.at)}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {replying ? (
        <form
          className="comment-card__reply-form"
          onSubmit={(event) => {
            event.preventDefault();
            void saveReply();
          }}
        >
          <label htmlFor={`${idBase}-reply`}>Your reply to {comment.reviewer.name}</label>
          <p id={`${idBase}-reply-hint`} className="hint">
            Kept in your portfolio beside the comment (it does not go back to your mentor).
          </p>
          <textarea
            ref={replyBox}
            id={`${idBase}-reply`}
            className="input comment-card__reply-box"
            rows={3}
            value={reply}
            onChange={(event) => setReply(event.target.value)}
            onKeyDown={replyKeys}
            aria-describedby={`${idBase}-reply-hint`}
            aria-invalid={problem !== null && reply.trim() === '' ? true : undefined}
          />
          <div className="comment-card__actions">
            <button type="submit" className="button button--primary" aria-disabled={busy ? true : undefined}>
              Save reply
            </button>
            <button type="button" className="button" onClick={closeReply}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="comment-card__actions">
          <button ref={replyButton} type="button" className="button" onClick={() => setReplying(true)} aria-describedby={headingId}>
            Reply
          </button>
          <button type="button" className="button" onClick={() => void setResolved(!comment.resolved)} aria-describedby={headingId} aria-disabled={busy ? true : undefined}>
            {comment.resolved ? 'Reopen' : 'Mark resolved'}
          </button>
        </div>
      )}
      {problem ? (
        <p className="notice notice--error comment-card__problem" role="alert">
          {problem}
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </article>
  );
}
