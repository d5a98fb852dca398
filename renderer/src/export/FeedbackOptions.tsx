import { type Framework, frameworkDisplayName } from '../../../shared/frameworks/framework.js';
import { routeHash } from '../routing/route.js';
import { DateField } from './DateField.js';
import type { DraftProblems, ExportDraft } from './exportDraft.js';

interface FeedbackOptionsProps {
  value: ExportDraft['feedback'];
  onChange(value: ExportDraft['feedback']): void;
  problems: DraftProblems;
  frameworks: readonly Framework[];
  /** The framework chosen, or null for every framework. */
  framework: Framework | null;
  loaded: boolean;
}

/** Where the feedback comes from, said above the options. */
export function FeedbackAbout() {
  return (
    <p className="hint export-options__about">
      Feedback arrives as files from your mentors; import them on the <a href={routeHash({ view: 'sharing' })}>Sharing page</a>. Sign-offs a mentor withdrew are left out.
    </p>
  );
}

/**
 * Mentor feedback and sign-offs: one framework's record or every framework's, the dates of the
 * entries whose comments are included, and whether resolved comments are.
 */
export function FeedbackOptions({ value, onChange, problems, frameworks, framework, loaded }: FeedbackOptionsProps) {
  const set = (change: Partial<ExportDraft['feedback']>) => onChange({ ...value, ...change });
  return (
    <>
      {loaded ? (
        <div className="field">
          <label htmlFor="export-feedback-framework">Framework</label>
          <p className="hint" id="export-feedback-framework-hint">
            Choose one to list all its outcomes, signed off or not, and only comments on entries with evidence for it.
          </p>
          <select
            id="export-feedback-framework"
            className="export-select"
            aria-describedby="export-feedback-framework-hint"
            value={framework?.id ?? ''}
            onChange={(event) => set({ frameworkId: event.target.value })}
          >
            <option value="">Every framework a mentor signed against</option>
            {frameworks.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {frameworkDisplayName(candidate)}
                {candidate.archived ? ' (archived)' : ''}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="muted">Finding your frameworks…</p>
      )}
      <fieldset className="export-fieldset">
        <legend>Comments on entries dated</legend>
        <p className="hint">Leave a date empty to include every entry before or after it. Sign-offs are listed whatever their date.</p>
        <div className="export-dates__fields">
          <DateField id="export-from" label="From" value={value.from} onChange={(from) => set({ from })} problem={problems.get('from') ?? null} whenEmpty="From the start" max={value.to || undefined} />
          <DateField id="export-to" label="To" value={value.to} onChange={(to) => set({ to })} problem={problems.get('to') ?? null} whenEmpty="Up to now" min={value.from || undefined} />
        </div>
      </fieldset>
      <div className="field export-check">
        <input id="export-include-resolved" type="checkbox" checked={value.includeResolved} aria-describedby="export-include-resolved-hint" onChange={(event) => set({ includeResolved: event.target.checked })} />
        <div>
          <label htmlFor="export-include-resolved">Include resolved comments</label>
          <p id="export-include-resolved-hint" className="hint">
            Comments you have marked resolved, with your replies.
          </p>
        </div>
      </div>
    </>
  );
}
