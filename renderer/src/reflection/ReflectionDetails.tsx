import { useEffect, useState } from 'react';
import { type CalendarDate, isCalendarDate } from '../../../shared/dates/weeks.js';

interface ReflectionDetailsProps {
  title: string;
  date: CalendarDate;
  onSave(title: string, date: CalendarDate): void;
}

/**
 * A reflection's title and date. Each is saved when the user leaves the field or presses Enter;
 * a date that is not a real day is explained and not saved.
 */
export function ReflectionDetails({ title, date, onSave }: ReflectionDetailsProps) {
  const [titleText, setTitleText] = useState(title);
  const [dateText, setDateText] = useState(date);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => setTitleText(title), [title]);
  useEffect(() => setDateText(date), [date]);

  const saveTitle = () => {
    const trimmed = titleText.trim();
    if (trimmed !== title) onSave(trimmed, date);
  };

  const saveDate = (next: string) => {
    if (!isCalendarDate(next)) {
      setProblem('Enter the date the reflection is about, as day, month and year.');
      return;
    }
    setProblem(null);
    if (next !== date) onSave(title, next);
  };

  return (
    <fieldset className="reflection-details">
      <legend className="visually-hidden">Title and date</legend>
      <div className="field">
        <label htmlFor="reflection-title">Title</label>
        <input
          id="reflection-title"
          className="input reflection-details__title"
          type="text"
          value={titleText}
          maxLength={300}
          autoComplete="off"
          onChange={(event) => setTitleText(event.target.value)}
          onBlur={saveTitle}
          onKeyDown={(event) => {
            if (event.key === 'Enter') saveTitle();
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="reflection-date">Date</label>
        {problem ? (
          <p className="field__problem" id="reflection-date-problem">
            {problem}
          </p>
        ) : null}
        <input
          id="reflection-date"
          className="input"
          type="date"
          value={dateText}
          required
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'reflection-date-problem' : undefined}
          // Saved on leaving the field or Enter: while a year is typed it passes through other valid dates.
          onChange={(event) => setDateText(event.target.value)}
          onBlur={(event) => saveDate(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') saveDate(event.currentTarget.value);
          }}
        />
      </div>
    </fieldset>
  );
}
