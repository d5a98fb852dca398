import type { EvidenceTag, Framework } from '../../../shared/frameworks/framework.js';
import { tagKey } from '../../../shared/frameworks/framework.js';
import { tagEvidenceShortcut } from '../format/keyboardShortcutText.js';
import { tagLabel } from './tagLabels.js';

interface WeekEvidenceBarProps {
  frameworks: readonly Framework[];
  /** Tags that make the whole week evidence. */
  weekTags: readonly EvidenceTag[];
  disabled: boolean;
  /** A sentence about the last attempt to tag ("Select the words…"), shown until the next one. */
  notice: string | null;
  onTagSelection(): void;
  onTagWeek(): void;
  onRemoveWeekTag(tag: EvidenceTag): void;
  /** What the whole entry is called: "week" for a weekly log, "reflection" for a reflection. */
  wholeName?: string;
}

/** Above the sections: "Tag evidence" for the selected words, and the tags on the whole week (or reflection). */
export function WeekEvidenceBar({ frameworks, weekTags, disabled, notice, onTagSelection, onTagWeek, onRemoveWeekTag, wholeName = 'week' }: WeekEvidenceBarProps) {
  const shortcut = tagEvidenceShortcut();
  return (
    <section className="week-evidence" aria-labelledby="week-evidence-heading" data-testid="week-evidence">
      <h2 id="week-evidence-heading" className="visually-hidden">
        Evidence
      </h2>
      <div className="week-evidence__row">
        <button
          type="button"
          className="button button--quiet"
          onClick={onTagSelection}
          // A mouse click keeps the editor's selection.
          onMouseDown={(event) => event.preventDefault()}
          disabled={disabled}
          aria-keyshortcuts={shortcut.aria}
          title={`Select some words, then choose Tag evidence (${shortcut.shown})`}
          data-testid="tag-evidence"
        >
          Tag evidence
        </button>
        <div className="week-evidence__week">
          <span className="week-evidence__label" id="week-tags-label">
            Whole {wholeName}:
          </span>
          {weekTags.length === 0 ? <span className="muted">not tagged</span> : null}
          <ul className="week-evidence__tags" aria-labelledby="week-tags-label">
            {weekTags.map((tag) => {
              const label = tagLabel(frameworks, tag);
              return (
                <li key={tagKey(tag)} className="tag-chip" title={`${label.label} (${label.framework})`}>
                  <span className="tag-chip__code">{label.code}</span>
                  <button type="button" className="tag-chip__remove" aria-label={`Remove tag ${label.code} from the whole ${wholeName}`} onClick={() => onRemoveWeekTag(tag)} disabled={disabled}>
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" className="button button--quiet" onClick={onTagWeek} disabled={disabled} data-testid="tag-week">
            {weekTags.length === 0 ? `Tag the whole ${wholeName}` : `Change whole-${wholeName} tags`}
          </button>
        </div>
      </div>
      <p className="week-evidence__notice" role="status">
        {notice ?? ''}
      </p>
    </section>
  );
}
