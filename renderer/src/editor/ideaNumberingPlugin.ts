import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

interface IdeaNumbering {
  /** The number this section's first idea gets. */
  start: number;
  count: number;
  decorations: DecorationSet;
}

export const ideaNumberingKey = new PluginKey<IdeaNumbering>('ideaNumbering');

/** The decoration spec the idea block's view reads its number from. */
export interface IdeaNumberSpec {
  ideaNumber: number;
}

function numberIdeas(doc: ProseMirrorNode, typeName: string, start: number): IdeaNumbering {
  const decorations: Decoration[] = [];
  let next = start;
  doc.descendants((node, position) => {
    if (node.type.name === typeName) {
      const spec: IdeaNumberSpec = { ideaNumber: next };
      decorations.push(Decoration.node(position, position + node.nodeSize, { 'data-idea-number': String(next) }, spec));
      next += 1;
    }
    return !node.isTextblock;
  });
  return { start, count: next - start, decorations: DecorationSet.create(doc, decorations) };
}

/**
 * Idea numbers are derived, never stored: each idea block is decorated with its number, counted
 * from `start` (set by the week view from the portfolio's earlier ideas and earlier sections).
 */
export function ideaNumberingPlugin(typeName: string): Plugin<IdeaNumbering> {
  return new Plugin<IdeaNumbering>({
    key: ideaNumberingKey,
    state: {
      init: (_config, state) => numberIdeas(state.doc, typeName, 1),
      apply: (transaction, previous, _oldState, newState) => {
        const start: unknown = transaction.getMeta(ideaNumberingKey);
        const nextStart = typeof start === 'number' ? start : previous.start;
        if (!transaction.docChanged && nextStart === previous.start) return previous;
        return numberIdeas(newState.doc, typeName, nextStart);
      },
    },
    props: {
      decorations: (state) => ideaNumberingKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

/** How many ideas a section holds, and where its numbering starts. */
export function ideaNumberingOf(state: EditorState): { start: number; count: number } {
  const numbering = ideaNumberingKey.getState(state);
  return { start: numbering?.start ?? 1, count: numbering?.count ?? 0 };
}
