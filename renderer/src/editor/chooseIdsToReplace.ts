import { isItemId } from './isItemId.js';

export interface ItemOccurrence {
  /** Where the item's node starts in the new document. */
  position: number;
  id: unknown;
}

/**
 * Which items need a fresh id: those without a valid id, and every copy of a duplicated id except
 * the one standing where that id stood before the change (so after a copy-paste or a split the
 * original keeps its id, its idea status and its plan reviews).
 */
export function chooseIdsToReplace(occurrences: readonly ItemOccurrence[], previousPositions: ReadonlyMap<string, number>): number[] {
  const counts = new Map<string, number>();
  for (const { id } of occurrences) if (isItemId(id)) counts.set(id, (counts.get(id) ?? 0) + 1);

  const keeperOf = new Map<string, number>();
  for (const { id, position } of occurrences) {
    if (!isItemId(id) || (counts.get(id) ?? 0) < 2) continue;
    if (previousPositions.get(id) === position) keeperOf.set(id, position);
  }
  for (const { id, position } of occurrences) {
    if (isItemId(id) && (counts.get(id) ?? 0) > 1 && !keeperOf.has(id)) keeperOf.set(id, position);
  }

  const replace: number[] = [];
  for (const { id, position } of occurrences) {
    if (!isItemId(id)) replace.push(position);
    else if ((counts.get(id) ?? 0) > 1 && keeperOf.get(id) !== position) replace.push(position);
  }
  return replace;
}
