import { type Framework, frameworkDisplayName } from '../../../shared/frameworks/framework.js';
import { routeHash } from '../routing/route.js';

interface FrameworkListItemProps {
  framework: Framework;
  /** The portfolio holds changes to it that are not saved yet (a field still needs fixing). */
  hasUnsavedChanges: boolean;
  busy: boolean;
  onExport: (framework: Framework) => void;
  onToggleArchived: (framework: Framework) => void;
}

function counted(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** "4 outcomes, 15 criteria", with archived ones mentioned but not counted. */
export function frameworkContents(framework: Framework): string {
  const outcomes = framework.outcomes.filter((outcome) => !outcome.archived);
  const criteria = outcomes.reduce((total, outcome) => total + outcome.criteria.filter((criterion) => !criterion.archived).length, 0);
  const archived = framework.outcomes.length - outcomes.length;
  const parts = [counted(outcomes.length, 'outcome', 'outcomes')];
  if (criteria > 0) parts.push(counted(criteria, 'criterion', 'criteria'));
  if (archived > 0) parts.push(`${counted(archived, 'outcome', 'outcomes')} archived`);
  return parts.join(', ');
}

export const listDomIds = {
  archiveToggle: (frameworkId: string) => `framework-${frameworkId}-archive`,
};

/** One framework in the list: what it is, and Edit, Export and Archive (or Restore). */
export function FrameworkListItem({ framework, hasUnsavedChanges, busy, onExport, onToggleArchived }: FrameworkListItemProps) {
  const name = frameworkDisplayName(framework);
  return (
    <li className={`framework-item${framework.archived ? ' framework-item--archived' : ''}`} data-testid="framework-item">
      <div className="framework-item__about">
        <h3 className="framework-item__name">{name}</h3>
        <p className="framework-item__meta">
          <span>{frameworkContents(framework)}</span>
          {framework.builtIn ? <span className="framework-badge">Built in</span> : null}
          {hasUnsavedChanges ? <span className="framework-badge framework-badge--warning">Changes not saved</span> : null}
        </p>
      </div>
      <div className="framework-item__actions">
        <a className="button" href={routeHash({ view: 'frameworks', frameworkId: framework.id })} aria-label={`Edit ${name}`}>
          Edit
        </a>
        <button type="button" className="button" aria-label={`Export ${name}`} onClick={() => onExport(framework)}>
          Export
        </button>
        <button
          type="button"
          id={listDomIds.archiveToggle(framework.id)}
          className="button"
          aria-label={`${framework.archived ? 'Restore' : 'Archive'} ${name}`}
          aria-disabled={busy ? true : undefined}
          onClick={() => {
            if (!busy) onToggleArchived(framework);
          }}
        >
          {framework.archived ? 'Restore' : 'Archive'}
        </button>
      </div>
    </li>
  );
}
