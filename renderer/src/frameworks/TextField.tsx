import type { ReactNode } from 'react';

interface TextFieldProps {
  id: string;
  /** What the field is called on screen ("Code"), with any words only a screen reader needs. */
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Why the field stops the draft being saved, shown beside it. */
  problem: string | null;
  /** The caller shows the problem (with id `<id>-problem`) somewhere wider, such as under a narrow field's row. */
  problemShownElsewhere?: boolean;
  hint?: string;
  /** Shown beside the label but not part of it, such as an "Archived" badge. */
  aside?: ReactNode;
  /** `short` is one line (codes, numbers); `wrapping` grows to show all of a title on one paragraph; `paragraph` allows line breaks. */
  shape?: 'short' | 'wrapping' | 'paragraph';
  className?: string;
}

export function fieldProblemId(fieldId: string): string {
  return `${fieldId}-problem`;
}

/** A labelled field whose problem, when it has one, is shown under its label and read with it. */
export function TextField({ id, label, value, onChange, problem, problemShownElsewhere = false, hint, aside, shape = 'short', className }: TextFieldProps) {
  const hintId = `${id}-hint`;
  const problemId = fieldProblemId(id);
  const describedBy = [hint ? hintId : null, problem ? problemId : null].filter((part) => part !== null).join(' ') || undefined;
  const shared = {
    id,
    value,
    className: `input input--${shape}`,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy,
    spellCheck: shape !== 'short',
  } as const;
  return (
    <div className={`field ${className ?? ''}`.trim()}>
      {aside ? (
        <div className="field__label-row">
          <label htmlFor={id}>{label}</label>
          {aside}
        </div>
      ) : (
        <label htmlFor={id}>{label}</label>
      )}
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {problem && !problemShownElsewhere ? (
        <p id={problemId} className="field__problem">
          {problem}
        </p>
      ) : null}
      {shape === 'short' ? (
        <input {...shared} type="text" autoComplete="off" onChange={(event) => onChange(event.target.value)} />
      ) : (
        <textarea
          {...shared}
          rows={1}
          // A title is one paragraph: it wraps to show all of itself, but Enter does not break it.
          onKeyDown={(event) => {
            if (shape === 'wrapping' && event.key === 'Enter') event.preventDefault();
          }}
          onChange={(event) => onChange(shape === 'wrapping' ? event.target.value.replace(/\r?\n/g, ' ') : event.target.value)}
        />
      )}
    </div>
  );
}
