import { type CalendarDate, shiftWeeks } from '../../../shared/dates/weeks.js';
import { DateField } from '../export/DateField.js';
import { type QuickDateChoice, QuickDates } from '../export/QuickDates.js';
import { type ShareDraft, type ShareProblems, lastTwelveWeeksToToday } from './shareDraft.js';

interface ShareRangeOptionsProps {
  value: ShareDraft['range'];
  onChange(value: ShareDraft['range']): void;
  problems: ShareProblems;
  thisWeek: CalendarDate;
  today: CalendarDate;
  /** The first and last days with an entry, or null when there are none. */
  written: { first: CalendarDate; last: CalendarDate } | null;
}

/** Entries in a date range: the first and last day, both included, with quick choices. */
export function ShareRangeOptions({ value, onChange, problems, thisWeek, today, written }: ShareRangeOptionsProps) {
  const choices: QuickDateChoice[] = [
    { label: 'Last 4 weeks', from: shiftWeeks(thisWeek, -3), to: today },
    { label: 'Last 12 weeks', ...lastTwelveWeeksToToday(thisWeek, today) },
    ...(written ? [{ label: 'Everything written', from: written.first, to: written.last > today ? written.last : today }] : []),
  ];
  return (
    <div className="export-dates">
      <div className="export-dates__fields">
        <DateField id="share-from" label="From" value={value.from} onChange={(from) => onChange({ ...value, from })} problem={problems.get('from') ?? null} whenEmpty="No date yet" max={value.to || undefined} />
        <DateField id="share-to" label="To" value={value.to} onChange={(to) => onChange({ ...value, to })} problem={problems.get('to') ?? null} whenEmpty="No date yet" min={value.from || undefined} />
      </div>
      <QuickDates choices={choices} from={value.from} to={value.to} onChoose={(choice) => onChange({ from: choice.from, to: choice.to })} />
      <p className="hint">Both days are included. A weekly log is dated by its Monday; a reflection by the day it is about.</p>
    </div>
  );
}
