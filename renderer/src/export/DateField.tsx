import { type CalendarDate, formatUkDate, isCalendarDate } from '../../../shared/dates/weeks.js';
import { fieldProblemId } from '../frameworks/TextField.js';

interface DateFieldProps {
  id: string;
  label: string;
  /** The field's value as the date input gives it: YYYY-MM-DD, or '' when empty or half typed. */
  value: string;
  onChange(value: string): void;
  problem: string | null;
  /** Said beside the date when there is none, e.g. "No limit". */
  whenEmpty: string;
  /** How the chosen date reads in words; "2 September 2019" unless given. */
  describe?: (day: CalendarDate) => string;
  min?: string;
  max?: string;
}

/**
 * A date input with the date written out as the UK writes it beside it ("2 September 2019"),
 * since the browser may show the digits month first.
 */
export function DateField({ id, label, value, onChange, problem, whenEmpty, describe = formatUkDate, min, max }: DateFieldProps) {
  const wordsId = `${id}-in-words`;
  const problemId = fieldProblemId(id);
  return (
    <div className="field date-field">
      <label htmlFor={id}>{label}</label>
      <div className="date-field__row">
        <input
          id={id}
          type="date"
          className="input"
          value={value}
          min={min}
          max={max}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${wordsId} ${problemId}` : wordsId}
          onChange={(event) => onChange(event.target.value)}
        />
        <span id={wordsId} className="date-field__words" data-testid={`${id}-in-words`}>
          {isCalendarDate(value) ? describe(value) : whenEmpty}
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
