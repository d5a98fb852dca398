import type { Framework } from '../../../shared/frameworks/framework.js';
import { FrameworkSelect } from '../frameworks/FrameworkSelect.js';
import { TextField } from '../frameworks/TextField.js';
import { routeHash } from '../routing/route.js';
import { DateField } from './DateField.js';
import { FieldWithWords } from './FieldWithWords.js';
import { type DraftProblems, type ExportDraft, readWordLimit } from './exportDraft.js';

interface AssignmentOptionsProps {
  value: ExportDraft['assignment'];
  onChange(value: ExportDraft['assignment']): void;
  problems: DraftProblems;
  frameworks: readonly Framework[];
  /** The framework offered (the one chosen, or the first in use); null when there is none. */
  framework: Framework | null;
  loaded: boolean;
}

/**
 * Assignment evidence: the unit, the cover page's details, the word limit, an optional period,
 * the student's commentary for each outcome and their references.
 */
export function AssignmentOptions({ value, onChange, problems, frameworks, framework, loaded }: AssignmentOptionsProps) {
  if (!loaded) return <p className="muted">Finding your frameworks…</p>;
  if (!framework) {
    return (
      <p className="notice" data-testid="export-no-frameworks">
        There is no framework to gather evidence for yet. Create your course unit or add one on the <a href={routeHash({ view: 'frameworks', frameworkId: null })}>Frameworks page</a>, then
        tag passages in your weekly logs and reflections.
      </p>
    );
  }
  const set = (change: Partial<ExportDraft['assignment']>) => onChange({ ...value, ...change });
  const wordLimit = readWordLimit(value.wordLimit);
  const outcomes = framework.outcomes.filter((outcome) => !outcome.archived);
  return (
    <>
      <FrameworkSelect id="export-framework" label="Unit or framework" className="export-select" frameworks={frameworks} chosenId={framework.id} onChoose={(frameworkId) => set({ frameworkId })} />
      <TextField id="export-course" label="Course" hint="As it should read on the cover, e.g. BTEC Level 5 HND in Healthcare Practice. Optional." value={value.course} onChange={(course) => set({ course })} problem={problems.get('course') ?? null} />
      <div className="export-row">
        <DateField id="export-submission" label="Submission date" value={value.submissionDate} onChange={(submissionDate) => set({ submissionDate })} problem={problems.get('submissionDate') ?? null} whenEmpty="Not on the cover" />
        <FieldWithWords
          id="export-word-limit"
          label="Word limit"
          words={typeof wordLimit === 'number' ? `${wordLimit.toLocaleString('en-GB')} words` : wordLimit === null ? 'No limit' : ''}
          problem={problems.get('wordLimit') ?? null}
          input={{ type: 'text', inputMode: 'numeric', autoComplete: 'off', value: value.wordLimit, onChange: (event) => set({ wordLimit: event.target.value }), className: 'input--number' }}
        />
      </div>
      <fieldset className="export-fieldset">
        <legend>Evidence dated</legend>
        <p className="hint">Leave a date empty to include every entry before or after it.</p>
        <div className="export-dates__fields">
          <DateField id="export-from" label="From" value={value.from} onChange={(from) => set({ from })} problem={problems.get('from') ?? null} whenEmpty="From the start" max={value.to || undefined} />
          <DateField id="export-to" label="To" value={value.to} onChange={(to) => set({ to })} problem={problems.get('to') ?? null} whenEmpty="Up to now" min={value.from || undefined} />
        </div>
      </fieldset>
      <fieldset className="export-fieldset">
        <legend>Commentary for each outcome</legend>
        <p className="hint">Optional: your own words introducing the evidence for each outcome, printed before its quoted passages. Leave a blank line between paragraphs.</p>
        {outcomes.map((outcome) => (
          <TextField
            key={outcome.id}
            id={`export-commentary-${outcome.id}`}
            label={`${outcome.code} ${outcome.title}`}
            value={value.commentary[outcome.id] ?? ''}
            onChange={(text) => set({ commentary: { ...value.commentary, [outcome.id]: text } })}
            problem={problems.get(`commentary:${outcome.id}`) ?? null}
            shape="paragraph"
          />
        ))}
      </fieldset>
      <TextField
        id="export-references"
        label="References"
        hint="One per line, as your course asks you to write them. Listed at the end of the document."
        value={value.references}
        onChange={(references) => set({ references })}
        problem={problems.get('references') ?? null}
        shape="paragraph"
      />
    </>
  );
}
