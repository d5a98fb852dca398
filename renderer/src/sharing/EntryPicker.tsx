import { fieldProblemId } from '../frameworks/TextField.js';
import type { PickableEntry } from './shareDraft.js';

interface EntryPickerProps {
  entries: readonly PickableEntry[];
  picked: readonly string[];
  onChange(picked: string[]): void;
  problem: string | null;
  loaded: boolean;
}

/** Entries I pick: every weekly log and reflection, newest first, as a list of checkboxes. */
export function EntryPicker({ entries, picked, onChange, problem, loaded }: EntryPickerProps) {
  if (!loaded) return <p className="muted">Finding your weekly logs and reflections…</p>;
  if (entries.length === 0) {
    return (
      <p className="notice" data-testid="share-no-entries">
        There are no weekly logs or reflections to share yet.
      </p>
    );
  }
  const chosen = new Set(picked);
  const toggle = (key: string, on: boolean) => onChange(on ? [...picked.filter((candidate) => candidate !== key), key] : picked.filter((candidate) => candidate !== key));
  const countId = 'share-picked-count';
  return (
    <fieldset className="export-fieldset share-picker" aria-describedby={problem ? `${countId} ${fieldProblemId('share-picked')}` : countId}>
      <legend>Entries to share</legend>
      <div className="share-picker__bar">
        <p id={countId} className="share-picker__count" aria-live="polite">
          {chosen.size === 0 ? 'None ticked yet' : `${chosen.size.toLocaleString('en-GB')} ticked`}
        </p>
        <button type="button" className="button button--quiet" onClick={() => onChange(entries.map((entry) => entry.key))} disabled={chosen.size === entries.length}>
          Tick all
        </button>
        <button type="button" className="button button--quiet" onClick={() => onChange([])} disabled={chosen.size === 0}>
          Clear
        </button>
      </div>
      {problem ? (
        <p id={fieldProblemId('share-picked')} className="field__problem">
          {problem}
        </p>
      ) : null}
      <ul className="share-picker__list" data-testid="share-picker">
        {entries.map((entry) => {
          const id = `share-pick-${entry.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
          return (
            <li key={entry.key} className={`share-picker__item share-picker__item--${entry.kind}`}>
              <input type="checkbox" id={id} checked={chosen.has(entry.key)} onChange={(event) => toggle(entry.key, event.target.checked)} aria-labelledby={`${id}-name`} aria-describedby={`${id}-details`} />
              <label htmlFor={id}>
                <span className="share-picker__name" id={`${id}-name`}>
                  {entry.name}
                </span>
                <span className="share-picker__details" id={`${id}-details`}>
                  {entry.details}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
