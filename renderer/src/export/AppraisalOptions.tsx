import type { CalendarDate } from '../../../shared/dates/weeks.js';
import { quickPeriod, quickPeriodLabels } from '../cpd/cpdPeriod.js';
import { TextField } from '../frameworks/TextField.js';
import { DateField } from './DateField.js';
import type { DraftProblems, ExportDraft } from './exportDraft.js';
import { type QuickDateChoice, QuickDates } from './QuickDates.js';

interface AppraisalOptionsProps {
  value: ExportDraft['appraisal'];
  onChange(value: ExportDraft['appraisal']): void;
  problems: DraftProblems;
  today: CalendarDate;
}

/** Appraisal or revalidation: the period, and the role and registration number for the title page. */
export function AppraisalOptions({ value, onChange, problems, today }: AppraisalOptionsProps) {
  const choices: QuickDateChoice[] = (['last-12-months', 'last-3-years'] as const).map((choice) => {
    const period = quickPeriod(choice, today);
    return { label: quickPeriodLabels[choice], from: period.from ?? '', to: period.to ?? '' };
  });
  return (
    <>
      <div className="export-dates">
        <div className="export-dates__fields">
          <DateField id="export-from" label="From" value={value.from} onChange={(from) => onChange({ ...value, from })} problem={problems.get('from') ?? null} whenEmpty="No date yet" max={value.to || undefined} />
          <DateField id="export-to" label="To" value={value.to} onChange={(to) => onChange({ ...value, to })} problem={problems.get('to') ?? null} whenEmpty="No date yet" min={value.from || undefined} />
        </div>
        <QuickDates choices={choices} from={value.from} to={value.to} onChoose={(choice) => onChange({ ...value, from: choice.from, to: choice.to })} />
      </div>
      <TextField id="export-role" label="Job title or role" hint="For example, Staff nurse. Optional." value={value.role} onChange={(role) => onChange({ ...value, role })} problem={problems.get('role') ?? null} />
      <TextField
        id="export-registration"
        label="Registration number"
        hint="Your NMC PIN or HCPC number, if you want it on the title page. Optional."
        value={value.registration}
        onChange={(registration) => onChange({ ...value, registration })}
        problem={problems.get('registration') ?? null}
      />
    </>
  );
}
