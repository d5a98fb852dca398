import { combineTransactionSteps } from '@tiptap/core';
import { Fragment, type Node as ProseMirrorNode, Slice } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { type ItemOccurrence, chooseIdsToReplace } from './chooseIdsToReplace.js';
import { isItemId } from './isItemId.js';

export interface ItemIdsPluginOptions {
  /** Node types that carry an id (ideas and plans). */
  types: readonly string[];
  newId: () => string;
  /** True when one of the week's other sections already holds this id. */
  isUsedElsewhere: (id: string) => boolean;
}

export const itemIdsPluginKey = new PluginKey('itemIds');

/** Ids of the items most recently cut on this page: pasting them back is a move, so they keep their id. */
let recentlyCutIds = new Set<string>();

function itemsIn(doc: ProseMirrorNode, types: ReadonlySet<string>): ItemOccurrence[] {
  const found: ItemOccurrence[] = [];
  doc.descendants((node, position) => {
    if (types.has(node.type.name)) found.push({ position, id: node.attrs['id'] });
    return !node.isTextblock;
  });
  return found;
}

function idsInFragment(fragment: Fragment, types: ReadonlySet<string>): string[] {
  const ids: string[] = [];
  fragment.descendants((node) => {
    const id = node.attrs['id'];
    if (types.has(node.type.name) && isItemId(id)) ids.push(id);
    return !node.isTextblock;
  });
  return ids;
}

function withoutIds(fragment: Fragment, types: ReadonlySet<string>, keep: (id: string) => boolean): Fragment {
  const children: ProseMirrorNode[] = [];
  fragment.forEach((child) => {
    if (child.isText) {
      children.push(child);
      return;
    }
    const content = withoutIds(child.content, types, keep);
    const id = child.attrs['id'];
    const dropId = types.has(child.type.name) && !(isItemId(id) && keep(id));
    children.push(dropId ? child.type.create({ ...child.attrs, id: null }, content, child.marks) : child.copy(content));
  });
  return Fragment.fromArray(children);
}

/**
 * Keeps ids unique after every change (replacing missing and duplicated ones, keeping the
 * original's), strips ids from pasted copies, and lets a cut-and-paste keep them.
 */
export function itemIdsPlugin({ types: typeNames, newId, isUsedElsewhere }: ItemIdsPluginOptions): Plugin {
  const types = new Set(typeNames);
  return new Plugin({
    key: itemIdsPluginKey,
    appendTransaction: (transactions, oldState, newState) => {
      if (!transactions.some((transaction) => transaction.docChanged)) return null;
      const { mapping } = combineTransactionSteps(oldState.doc, [...transactions]);
      const previousPositions = new Map<string, number>();
      for (const { id, position } of itemsIn(oldState.doc, types)) {
        if (!isItemId(id)) continue;
        const mapped = mapping.mapResult(position, 1);
        if (!mapped.deleted && !previousPositions.has(id)) previousPositions.set(id, mapped.pos);
      }
      const replace = chooseIdsToReplace(itemsIn(newState.doc, types), previousPositions);
      if (replace.length === 0) return null;
      const transaction = newState.tr;
      for (const position of replace) transaction.setNodeAttribute(position, 'id', newId());
      return transaction;
    },
    props: {
      handleDOMEvents: {
        cut: (view) => {
          recentlyCutIds = new Set(idsInFragment(view.state.selection.content().content, types));
          return false;
        },
      },
      transformPasted: (slice, view) => {
        if (view.dragging) return slice;
        const inThisDoc = new Set(itemsIn(view.state.doc, types).map((item) => item.id));
        const keep = (id: string) => recentlyCutIds.has(id) && !inThisDoc.has(id) && !isUsedElsewhere(id);
        return new Slice(withoutIds(slice.content, types, keep), slice.openStart, slice.openEnd);
      },
    },
  });
}
