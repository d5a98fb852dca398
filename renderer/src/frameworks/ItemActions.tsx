import type { Direction } from './frameworkDraft.js';

interface ItemActionsProps {
  /** How the buttons name the item: "LO2" or "LO2 P3". */
  name: string;
  domId: (part: 'up' | 'down' | 'archive' | 'delete') => string;
  isFirst: boolean;
  isLast: boolean;
  archived: boolean;
  onMove: (direction: Direction) => void;
  onToggleArchived: () => void;
  onDelete: () => void;
}

/**
 * Move, archive and delete for one outcome or criterion. A move button at the end of the list
 * stays focusable (aria-disabled, not disabled) so focus never drops off a moved item.
 */
export function ItemActions({ name, domId, isFirst, isLast, archived, onMove, onToggleArchived, onDelete }: ItemActionsProps) {
  return (
    <div className="item-actions">
      <button
        type="button"
        id={domId('up')}
        className="button button--small button--quiet"
        aria-label={`Move ${name} up`}
        aria-disabled={isFirst ? true : undefined}
        onClick={() => {
          if (!isFirst) onMove(-1);
        }}
      >
        <span aria-hidden="true">↑</span> Up
      </button>
      <button
        type="button"
        id={domId('down')}
        className="button button--small button--quiet"
        aria-label={`Move ${name} down`}
        aria-disabled={isLast ? true : undefined}
        onClick={() => {
          if (!isLast) onMove(1);
        }}
      >
        <span aria-hidden="true">↓</span> Down
      </button>
      <button type="button" id={domId('archive')} className="button button--small button--quiet" aria-label={`${archived ? 'Restore' : 'Archive'} ${name}`} onClick={onToggleArchived}>
        {archived ? 'Restore' : 'Archive'}
      </button>
      <button type="button" id={domId('delete')} className="button button--small button--quiet button--danger" aria-label={`Delete ${name}`} onClick={onDelete}>
        Delete
      </button>
    </div>
  );
}
