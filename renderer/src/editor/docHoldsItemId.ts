import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** True when any node in the document carries this item id. */
export function docHoldsItemId(doc: ProseMirrorNode, id: string): boolean {
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    if (node.attrs['id'] === id) found = true;
    return !found && !node.isTextblock;
  });
  return found;
}
