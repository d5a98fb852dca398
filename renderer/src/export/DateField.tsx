import { type CalendarDate, formatUkDate, isCalendarDate } from '../../../shared/dates/weeks.js';
import { FieldWithWords } from './FieldWithWords.js';

interface DateFieldProps {
  id: string;
  label: string;
  /** The field's value as the date input gives it: YYYY-MM-DD, or '' when empty or half typed. */
  value: string;
  onChange(value: string): void;
  problem: string | null;
  /** Said beside the field when there is no date, e.g. "Up to now". */
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
  return (
    <FieldWithWords
      id={id}
      label={label}
      words={isCalendarDate(value) ? describe(value) : whenEmpty}
      problem={problem}
      input={{ type: 'date', value, min, max, onChange: (event) => onChange(event.target.value) }}
    />
  );
}
