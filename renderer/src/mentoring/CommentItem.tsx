import { useEffect, useRef, useState } from 'react';
import type { ReviewComment } from '../../../shared/api/contract.js';
import { CommentForm } from './CommentForm.js';
import { formatDateTime, sentStateLabels, shortQuote } from './reviewWords.js';

/** Where a comment is in the entry, as the list says it. */
export type CommentWhere = { kind: 'passage'; sectionTitle: string } | { kind: 'whole-entry' } | { kind: 'not-found' };

interface CommentItemProps {
  comment: ReviewComment;
  where: CommentWhere;
  authorName: string;
  active: boolean;
  editing: boolean;
  onShowPassage(): void;
  onEdit(): void;
  onCancelEdit(): void;
  onSaveEdit(text: string): Promise<string | null>;
  /** Deletes the comment; resolves to a problem to show, or null once deleted. */
  onDelete(): Promise<string | null>;
}

export function commentElementId(commentId: string): string {
  return `comment-${commentId}`;
}

/** One of the mentor's comments: what it is on, its words, whether it has been sent, and its actions. */
export function CommentItem({ comment, where, authorName, active, editing, onShowPassage, onEdit, onCancelEdit, onSaveEdit, onDelete }: CommentItemProps) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  /** Which button gets focus back when the confirmation or the edit form closes without a change. */
  const returnFocusTo = useRef<'delete' | 'edit' | null>(null);
  const quote = comment.anchor ? shortQuote(comment.anchor.quote) : null;
  const subject = quote ? `“${quote}”` : 'the whole entry';

  useEffect(() => {
    if (confirming) {
      keep.current?.focus();
      return;
    }
    const button = returnFocusTo.current === 'delete' ? deleteButton.current : returnFocusTo.current === 'edit' ? editButton.current : null;
    if (!button) return;
    returnFocusTo.current = null;
    button.focus();
  }, [confirming, editing]);

  const cancelEdit = () => {
    returnFocusTo.current = 'edit';
    onCancelEdit();
  };

  const confirmDelete = async () => {
    const outcome = await onDelete();
    if (outcome !== null) setProblem(outcome);
  };

  return (
    <li id={commentElementId(comment.id)} tabIndex={-1} className={`review-comment${active ? ' review-comment--active' : ''}`} data-testid="review-comment">
      <p className="review-comment__where">
        {where.kind === 'whole-entry' ? <strong>On the whole entry</strong> : null}
        {where.kind === 'passage' ? (
          <>
            On <q className="review-comment__quote">{quote}</q> <span className="muted">in {where.sectionTitle}</span>
          </>
        ) : null}
        {where.kind === 'not-found' ? (
          <>
            On <q className="review-comment__quote">{quote}</q> <span className="muted">(these words are not in the entry)</span>
          </>
        ) : null}
      </p>
      {editing ? (
        <CommentForm subject={subject} initialText={comment.text} submitLabel="Save changes" onSave={onSaveEdit} onCancel={cancelEdit} />
      ) : (
        <>
          <div className="review-comment__text">
            {comment.text.split('\n').map((line, index) => (
              <p key={index}>{line}</p>
            ))}
          </div>
          <p className="review-comment__meta">
            <span className={`sent-state sent-state--${comment.sent}`}>{sentStateLabels[comment.sent]}</span>
            <span className="muted">
              {comment.updatedAt !== comment.createdAt ? `Changed ${formatDateTime(comment.updatedAt)}` : `Written ${formatDateTime(comment.createdAt)}`}
            </span>
          </p>
          {confirming ? (
            <div className="review-comment__confirm" role="group" aria-label="Delete this comment?">
              <p>
                <strong>Delete this comment?</strong>{' '}
                {comment.sent === 'not-sent'
                  ? 'It has not been sent, so it is simply gone.'
                  : `You have sent it: your next feedback file withdraws it from ${authorName}’s portfolio.`}
              </p>
              {problem ? (
                <p className="field__problem" role="alert">
                  {problem}
                </p>
              ) : null}
              <div className="form-actions">
                <button ref={keep} type="button" className="button" onClick={() => {
                    returnFocusTo.current = 'delete';
                    setConfirming(false);
                    setProblem(null);
                  }}>
                  Keep it
                </button>
                <button type="button" className="button button--danger" onClick={() => void confirmDelete()}>
                  Delete comment
                </button>
              </div>
            </div>
          ) : (
            <div className="review-comment__actions">
              {where.kind === 'passage' ? (
                <button type="button" className="button button--quiet" onClick={onShowPassage} aria-label={`Show in the text: ${quote ?? ''}`}>
                  Show in the text
                </button>
              ) : null}
              <button ref={editButton} type="button" className="button button--quiet" onClick={onEdit} aria-label={`Edit comment on ${subject}`}>
                Edit
              </button>
              <button ref={deleteButton} type="button" className="button button--quiet" onClick={() => setConfirming(true)} aria-label={`Delete comment on ${subject}`}>
                Delete
              </button>
            </div>
          )}
        </>
      )}
    </li>
  );
}
