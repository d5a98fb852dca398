import type { BuiltInFrameworkListing } from '../../../shared/api/contract.js';
import type { Framework } from '../../../shared/frameworks/framework.js';

interface BuiltInListProps {
  builtIns: readonly BuiltInFrameworkListing[];
  frameworks: readonly Framework[];
  /** The built-in being added, if any. */
  adding: string | null;
  onAdd: (builtIn: BuiltInFrameworkListing) => void;
}

/**
 * The frameworks that come with the app. One already in use shows "Added"; one added and later
 * archived can be added again, which brings the portfolio's copy back as it was.
 */
export function BuiltInList({ builtIns, frameworks, adding, onAdd }: BuiltInListProps) {
  return (
    <ul className="builtin-list">
      {builtIns.map((builtIn) => {
        const copy = frameworks.find((framework) => framework.id === builtIn.id);
        const inUse = builtIn.added && copy !== undefined && !copy.archived;
        const busy = adding === builtIn.id;
        return (
          <li key={builtIn.id} className="builtin-item" data-testid="builtin-item">
            <div className="builtin-item__about">
              <h3 className="builtin-item__name">{builtIn.title}</h3>
              <p className="builtin-item__summary">{builtIn.summary}</p>
              {builtIn.added && copy?.archived ? <p className="builtin-item__note">Your copy is archived. Adding it again brings it back as you left it.</p> : null}
            </div>
            {/* Stays a focusable button once added, so focus is not lost when it changes. */}
            <button
              type="button"
              className={`button${inUse ? ' button--done' : ''}`}
              aria-label={inUse ? `${builtIn.title}: added` : `Add ${builtIn.title}`}
              aria-disabled={inUse || busy ? true : undefined}
              onClick={() => {
                if (!inUse && !busy) onAdd(builtIn);
              }}
            >
              {inUse ? (
                <>
                  <span aria-hidden="true">✓ </span>Added
                </>
              ) : busy ? (
                'Adding…'
              ) : (
                'Add'
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
