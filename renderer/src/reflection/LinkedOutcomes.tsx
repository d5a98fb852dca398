import { type EvidenceTag, type Framework, frameworkDisplayName } from '../../../shared/frameworks/framework.js';

interface LinkedOutcomesProps {
  /** The framework the template is linked to (the NMC Code's themes, the HCPC CPD standards). */
  frameworkId: string;
  frameworks: readonly Framework[];
  /** The entry's whole-entry tags, from any framework. */
  tags: readonly EvidenceTag[];
  onChange(tags: EvidenceTag[]): void;
}

/**
 * The choice a regulator's form asks for (one or more of the Code's four themes, or the CPD
 * standards the activity meets) as checkboxes. Each is a whole-entry tag, so it shows in
 * coverage like any other evidence; tags from other frameworks are kept as they are.
 */
export function LinkedOutcomes({ frameworkId, frameworks, tags, onChange }: LinkedOutcomesProps) {
  const framework = frameworks.find((candidate) => candidate.id === frameworkId);
  if (!framework) return null;
  const isChosen = (outcomeId: string) => tags.some((tag) => tag.framework === frameworkId && tag.outcome === outcomeId && tag.criterion === null);
  const toggle = (outcomeId: string) => {
    const others = tags.filter((tag) => !(tag.framework === frameworkId && tag.outcome === outcomeId && tag.criterion === null));
    onChange(isChosen(outcomeId) ? others : [...tags, { framework: frameworkId, outcome: outcomeId, criterion: null }]);
  };
  const outcomes = framework.outcomes.filter((outcome) => !outcome.archived || isChosen(outcome.id));
  return (
    <fieldset className="linked-outcomes" data-testid="linked-outcomes">
      <legend>{frameworkDisplayName(framework)}: which does this relate to?</legend>
      <p className="hint">Choose one or more. They count as evidence for the whole reflection.</p>
      <ul className="linked-outcomes__list">
        {outcomes.map((outcome) => {
          const id = `linked-${frameworkId}-${outcome.id}`;
          return (
            <li key={outcome.id}>
              <input type="checkbox" id={id} checked={isChosen(outcome.id)} onChange={() => toggle(outcome.id)} />
              <label htmlFor={id}>
                <span className="linked-outcomes__code">{outcome.code}</span> {outcome.title}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
