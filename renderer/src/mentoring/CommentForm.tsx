import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { sharingLimits } from '../../../shared/share/sharingLimits.js';

interface CommentFormProps {
  /** What the comment is on, for the field's label: "“the words”" or "the whole entry". */
  subject: string;
  initialText: string;
  submitLabel: string;
  /** Saves the comment; resolves to a problem to show, or null once saved. */
  onSave(text: string): Promise<string | null>;
  onCancel(): void;
}

/** A comment being written or changed: a labelled text box, Save and Cancel. Focus starts in the box. */
export function CommentForm({ subject, initialText, submitLabel, onSave, onCancel }: CommentFormProps) {
  const ids = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initialText);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    field.current?.focus();
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (text.trim() === '') {
      setProblem('Write something first, or choose Cancel.');
      field.current?.focus();
      return;
    }
    setBusy(true);
    const outcome = await onSave(text.trim());
    setBusy(false);
    if (outcome !== null) {
      setProblem(outcome);
      field.current?.focus();
    }
  };

  return (
    <form className="comment-form" onSubmit={(event) => void save(event)} noValidate data-testid="comment-form">
      <label htmlFor={`${ids}-text`} className="comment-form__label">
        Your comment on {subject}
      </label>
      <textarea
        ref={field}
        id={`${ids}-text`}
        className="input comment-form__text"
        rows={5}
        maxLength={sharingLimits.commentText}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save(event);
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${ids}-hint${problem ? ` ${ids}-problem` : ''}`}
      />
      <p id={`${ids}-hint`} className="hint">
        Control and Enter saves; Escape cancels.
      </p>
      {problem ? (
        <p id={`${ids}-problem`} className="field__problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-busy={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
