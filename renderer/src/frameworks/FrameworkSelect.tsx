import { type Framework, frameworkDisplayName } from '../../../shared/frameworks/framework.js';

interface FrameworkSelectProps {
  id: string;
  label: string;
  frameworks: readonly Framework[];
  chosenId: string;
  onChoose(frameworkId: string): void;
  className?: string;
}

/** A labelled list of the portfolio's frameworks, archived ones marked so. */
export function FrameworkSelect({ id, label, frameworks, chosenId, onChoose, className }: FrameworkSelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className={className} value={chosenId} onChange={(event) => onChoose(event.target.value)}>
        {frameworks.map((framework) => (
          <option key={framework.id} value={framework.id}>
            {frameworkDisplayName(framework)}
            {framework.archived ? ' (archived)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
