import type { EditorDoc, EditorNode } from './editorJson.js';

/**
 * Gives every node of the named types an id that is unique across the given documents, keeping
 * ids that are already unique. Returns new documents; the inputs are not changed.
 */
export function assignItemIds<K extends string>(docs: Record<K, EditorDoc>, nodeTypes: ReadonlySet<string>, newId: () => string): Record<K, EditorDoc> {
  const seen = new Set<string>();
  const visit = (node: EditorNode): EditorNode => {
    let current = node;
    if (nodeTypes.has(node.type)) {
      const id = node.attrs?.['id'];
      if (typeof id === 'string' && id !== '' && !seen.has(id)) {
        seen.add(id);
      } else {
        const fresh = newId();
        seen.add(fresh);
        current = { ...node, attrs: { ...node.attrs, id: fresh } };
      }
    }
    if (!current.content) return current;
    return { ...current, content: current.content.map(visit) };
  };
  const result = {} as Record<K, EditorDoc>;
  for (const key of Object.keys(docs) as K[]) result[key] = visit(docs[key]) as EditorDoc;
  return result;
}
