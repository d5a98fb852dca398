import type { InputHTMLAttributes } from 'react';
import { fieldProblemId } from '../frameworks/TextField.js';

interface FieldWithWordsProps {
  id: string;
  label: string;
  /** What the value means in words, shown beside the field and read with it ("2 September 2019", "3,000 words"). */
  words: string;
  problem: string | null;
  /** The input's own attributes: type, value, onChange, min, max… */
  input: InputHTMLAttributes<HTMLInputElement>;
}

/** A short field with what its value means written out beside it, and its problem below. */
export function FieldWithWords({ id, label, words, problem, input }: FieldWithWordsProps) {
  const wordsId = `${id}-in-words`;
  const problemId = fieldProblemId(id);
  return (
    <div className="field field-with-words">
      <label htmlFor={id}>{label}</label>
      <div className="field-with-words__row">
        <input {...input} id={id} className={`input ${input.className ?? ''}`.trim()} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${wordsId} ${problemId}` : wordsId} />
        <span id={wordsId} className="field-with-words__words" data-testid={wordsId}>
          {words}
        </span>
      </div>
      {problem ? (
        <p id={problemId} className="field__problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
