import { type ShareKind, shareKinds } from './shareDraft.js';
import '../styles/reflection.css';

const kindText: Record<ShareKind, { label: string; explanation: string }> = {
  range: { label: 'Entries in a date range', explanation: 'Every weekly log and reflection dated between two days.' },
  framework: { label: 'Evidence for a framework', explanation: 'The entries tagged as evidence for a unit or framework, with its outcomes, for a mentor to sign off.' },
  entries: { label: 'Entries I pick', explanation: 'Tick the weekly logs and reflections to share, one by one.' },
};

interface ShareKindChoiceProps {
  chosen: ShareKind;
  onChoose(kind: ShareKind): void;
}

/** What to share, as radio buttons drawn as the reflection template picker is (arrow keys move between them). */
export function ShareKindChoice({ chosen, onChoose }: ShareKindChoiceProps) {
  return (
    <fieldset className="template-choice share-kind-choice">
      <legend>What to share</legend>
      <ul className="template-choice__list">
        {shareKinds.map((kind) => {
          const id = `share-kind-${kind}`;
          return (
            <li key={kind} className="template-choice__item">
              <input type="radio" name="share-kind" id={id} value={kind} checked={chosen === kind} onChange={() => onChoose(kind)} aria-labelledby={`${id}-name`} aria-describedby={`${id}-explanation`} />
              <label htmlFor={id} className="template-choice__label">
                <span className="template-choice__name" id={`${id}-name`}>
                  {kindText[kind].label}
                </span>
                <span className="template-choice__summary" id={`${id}-explanation`}>
                  {kindText[kind].explanation}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function shareKindLabel(kind: ShareKind): string {
  return kindText[kind].label;
}
