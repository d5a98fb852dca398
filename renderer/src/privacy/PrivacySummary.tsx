import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import type { EntryPrivacy } from './EntryPrivacy.js';
import { isNextIdentifierShortcut, nextIdentifierShortcut } from './nextIdentifierShortcut.js';
import '../styles/privacy.css';

interface PrivacySummaryProps {
  privacy: EntryPrivacy;
  /** "this week" or "this reflection", as the words name the entry. */
  entryLabel: string;
  /** False while the entry loads: the count would be of the last one. */
  ready: boolean;
}

/**
 * Above an entry's sections: how many possible identifiers it holds, as a button that takes the
 * caret to the next one (also Ctrl+Alt+P from anywhere on the page). Quiet when there are none.
 */
export function PrivacySummary({ privacy, entryLabel, ready }: PrivacySummaryProps) {
  const count = useSyncExternalStore(privacy.subscribe, privacy.snapshot);
  const settings = useSyncExternalStore(privacy.store.subscribe, privacy.store.snapshot);
  const [said, setSaid] = useState('');
  const hintId = useId();
  const shortcut = nextIdentifierShortcut();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isNextIdentifierShortcut(event) || event.repeat || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      event.stopPropagation();
      const next = privacy.goToNext();
      setSaid(next ? '' : `No possible identifiers in ${entryLabel}.`);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [privacy, entryLabel]);

  if (!ready || settings.config === null) return null;
  return (
    <div className="privacy-summary" data-testid="privacy-summary">
      {count > 0 ? (
        <>
          <button
            type="button"
            className="button button--quiet privacy-summary__next"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => privacy.goToNext()}
            aria-keyshortcuts={shortcut.aria}
            aria-describedby={hintId}
            data-testid="privacy-next"
          >
            <svg className="privacy-summary__mark" width="20" height="8" viewBox="0 0 20 8" aria-hidden="true" focusable="false">
              <path d="M1 4 Q 3.25 0.5 5.5 4 T 10 4 T 14.5 4 T 19 4" fill="none" stroke="currentColor" strokeWidth="1.6" />
            </svg>
            Possible identifiers: {count.toLocaleString('en-GB')}
          </button>
          <span className="privacy-summary__hint" id={hintId}>
            Goes to the next one ({shortcut.shown})
          </span>
        </>
      ) : (
        <p className="privacy-summary__none">No possible identifiers found in {entryLabel}.</p>
      )}
      {settings.error ? <p className="privacy-summary__none">Your always-flag and never-flag lists could not be read, so only the usual checks are made.</p> : null}
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </div>
  );
}
