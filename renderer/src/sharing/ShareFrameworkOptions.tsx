import type { Framework } from '../../../shared/frameworks/framework.js';
import { DateField } from '../export/DateField.js';
import { FrameworkSelect } from '../frameworks/FrameworkSelect.js';
import { routeHash } from '../routing/route.js';
import type { ShareDraft, ShareProblems } from './shareDraft.js';

interface ShareFrameworkOptionsProps {
  value: ShareDraft['framework'];
  onChange(value: ShareDraft['framework']): void;
  problems: ShareProblems;
  frameworks: readonly Framework[];
  /** The framework offered (the one chosen, or the first in use); null when there is none. */
  framework: Framework | null;
  loaded: boolean;
}

/** Evidence for a framework: which one, and optionally the dates the evidence is from. */
export function ShareFrameworkOptions({ value, onChange, problems, frameworks, framework, loaded }: ShareFrameworkOptionsProps) {
  if (!loaded) return <p className="muted">Finding your frameworks…</p>;
  if (!framework) {
    return (
      <p className="notice" data-testid="share-no-frameworks">
        There is no framework to share evidence for yet. Add one on the <a href={routeHash({ view: 'frameworks', frameworkId: null })}>Frameworks page</a>, then tag passages in your
        weekly logs and reflections.
      </p>
    );
  }
  return (
    <>
      <FrameworkSelect id="share-framework" label="Unit or framework" className="export-select" frameworks={frameworks} chosenId={framework.id} onChoose={(frameworkId) => onChange({ ...value, frameworkId })} />
      <fieldset className="export-fieldset">
        <legend>Evidence dated</legend>
        <p className="hint">Optional. Leave a date empty to include every entry before or after it.</p>
        <div className="export-dates__fields">
          <DateField id="share-from" label="From" value={value.from} onChange={(from) => onChange({ ...value, from })} problem={problems.get('from') ?? null} whenEmpty="From the start" max={value.to || undefined} />
          <DateField id="share-to" label="To" value={value.to} onChange={(to) => onChange({ ...value, to })} problem={problems.get('to') ?? null} whenEmpty="Up to now" min={value.from || undefined} />
        </div>
      </fieldset>
    </>
  );
}
