import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** A commented passage in this section, in the section's document positions. */
export interface CommentPassage {
  commentId: string;
  from: number;
  to: number;
}

interface Highlights {
  passages: readonly CommentPassage[];
  /** The comment being read or written: its passage is marked more strongly. */
  active: string | null;
  decorations: DecorationSet;
}

export const commentHighlightsKey = new PluginKey<Highlights>('commentHighlights');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    commentHighlights: {
      /** Marks the passages comments are on; `active` names the one to mark more strongly. */
      setCommentPassages: (passages: readonly CommentPassage[], active: string | null) => ReturnType;
    };
  }
}

function draw(doc: ProseMirrorNode, passages: readonly CommentPassage[], active: string | null): DecorationSet {
  const size = doc.content.size;
  const decorations = passages
    .filter((passage) => passage.from >= 0 && passage.to <= size && passage.from < passage.to)
    .map((passage) =>
      Decoration.inline(passage.from, passage.to, {
        class: passage.commentId === active ? 'comment-passage comment-passage--active' : 'comment-passage',
        'data-comment-id': passage.commentId,
      }),
    );
  return DecorationSet.create(doc, decorations);
}

/**
 * Shades the passages a mentor has commented on (ProseMirror decorations: nothing is added to
 * the text), from positions worked out by resolveAnchor.
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',

  addCommands() {
    return {
      setCommentPassages:
        (passages, active) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(commentHighlightsKey, { passages, active }).setMeta('addToHistory', false);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<Highlights>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ passages: [], active: null, decorations: DecorationSet.empty }),
          apply: (transaction, previous, _old, state) => {
            const meta = transaction.getMeta(commentHighlightsKey) as { passages: readonly CommentPassage[]; active: string | null } | undefined;
            if (!meta) return previous;
            return { passages: meta.passages, active: meta.active, decorations: draw(state.doc, meta.passages, meta.active) };
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
      }),
    ];
  },
});
