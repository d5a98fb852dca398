import { type CalendarDate, formatWeekCommencingInSentence, weekCommencing } from '../../../shared/dates/weeks.js';
import { DateField } from './DateField.js';
import type { DraftProblems, ExportDraft } from './exportDraft.js';
import { lastTwelveWeeks } from './exportDraft.js';
import { type QuickDateChoice, QuickDates } from './QuickDates.js';

interface WeeksOptionsProps {
  value: ExportDraft['weeks'];
  onChange(value: ExportDraft['weeks']): void;
  problems: DraftProblems;
  thisWeek: CalendarDate;
  /** The first and last weeks with a log, or null when there are none. */
  loggedWeeks: { first: CalendarDate; last: CalendarDate } | null;
}

const inWords = (day: CalendarDate) => formatWeekCommencingInSentence(weekCommencing(day)).replace(/^w/, 'W');

/** Weekly logs: the first and last week (any day in each), with quick choices. */
export function WeeksOptions({ value, onChange, problems, thisWeek, loggedWeeks }: WeeksOptionsProps) {
  const choices: QuickDateChoice[] = [
    { label: 'This week', from: thisWeek, to: thisWeek },
    { label: 'Last 12 weeks', ...lastTwelveWeeks(thisWeek) },
    ...(loggedWeeks ? [{ label: 'Every weekly log', from: loggedWeeks.first, to: loggedWeeks.last }] : []),
  ];
  return (
    <div className="export-dates">
      <div className="export-dates__fields">
        <DateField id="export-from" label="First week" value={value.from} onChange={(from) => onChange({ ...value, from })} problem={problems.get('from') ?? null} whenEmpty="No date yet" describe={inWords} max={value.to || undefined} />
        <DateField id="export-to" label="Last week" value={value.to} onChange={(to) => onChange({ ...value, to })} problem={problems.get('to') ?? null} whenEmpty="No date yet" describe={inWords} min={value.from || undefined} />
      </div>
      <QuickDates choices={choices} from={value.from} to={value.to} onChoose={(choice) => onChange({ from: choice.from, to: choice.to })} />
      <p className="hint">Any day picks its whole week (Monday to Sunday). For one week, give the same week twice.</p>
    </div>
  );
}
