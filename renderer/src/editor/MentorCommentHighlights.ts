import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** A passage a mentor commented on, as it sits in this section's document now. */
export interface CommentPassage {
  commentId: string;
  from: number;
  to: number;
  /** Resolved or withdrawn: not underlined, but still there to be shown. */
  settled: boolean;
}

interface CommentHighlights {
  passages: readonly CommentPassage[];
  /** The comment whose passage "Show passage" brought into view, drawn more strongly. */
  shown: string | null;
  decorations: DecorationSet;
}

export const mentorCommentHighlightsKey = new PluginKey<CommentHighlights>('mentorCommentHighlights');

type HighlightsMeta = { kind: 'passages'; passages: readonly CommentPassage[] } | { kind: 'shown'; commentId: string | null };

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    mentorCommentHighlights: {
      /** Underlines these passages (replacing any before); they are drawn over the text, never part of it. */
      setMentorCommentPassages: (passages: readonly CommentPassage[]) => ReturnType;
      /** Draws one comment's passage more strongly (the one just shown), or none. */
      setShownMentorComment: (commentId: string | null) => ReturnType;
    };
  }
}

export const mentorCommentPassageClass = 'mentor-comment-passage';

function withinDoc(doc: ProseMirrorNode, passage: CommentPassage): boolean {
  return Number.isInteger(passage.from) && Number.isInteger(passage.to) && passage.from >= 0 && passage.to <= doc.content.size && passage.from < passage.to;
}

function passageClass(passage: CommentPassage, shown: string | null): string {
  if (passage.commentId === shown) return `${mentorCommentPassageClass} ${mentorCommentPassageClass}--shown`;
  return passage.settled ? `${mentorCommentPassageClass}--settled` : mentorCommentPassageClass;
}

function draw(doc: ProseMirrorNode, passages: readonly CommentPassage[], shown: string | null): DecorationSet {
  return DecorationSet.create(
    doc,
    passages.map((passage) => Decoration.inline(passage.from, passage.to, { class: passageClass(passage, shown), 'data-comment-id': passage.commentId }, { commentId: passage.commentId })),
  );
}

/** Passages follow the text as it is edited: typing inside one widens it, typing at its edges does not, deleting it removes it. */
function mapped(passages: readonly CommentPassage[], tr: Transaction): CommentPassage[] {
  const kept: CommentPassage[] = [];
  for (const passage of passages) {
    const from = tr.mapping.map(passage.from, 1);
    const to = tr.mapping.map(passage.to, -1);
    if (from < to) kept.push({ ...passage, from, to });
  }
  return kept;
}

/** Asks the plugin to underline these passages instead of any before. */
export function setCommentPassagesMeta(tr: Transaction, passages: readonly CommentPassage[]): Transaction {
  return tr.setMeta(mentorCommentHighlightsKey, { kind: 'passages', passages } satisfies HighlightsMeta).setMeta('addToHistory', false);
}

/** Asks the plugin to draw one comment's passage more strongly, or none. */
export function setShownCommentMeta(tr: Transaction, commentId: string | null): Transaction {
  return tr.setMeta(mentorCommentHighlightsKey, { kind: 'shown', commentId } satisfies HighlightsMeta).setMeta('addToHistory', false);
}

/** The plugin holding and drawing the passages. */
export function mentorCommentHighlightsPlugin(): Plugin<CommentHighlights> {
  return new Plugin<CommentHighlights>({
    key: mentorCommentHighlightsKey,
    state: {
      init: (_config, state) => ({ passages: [], shown: null, decorations: DecorationSet.create(state.doc, []) }),
      apply: (tr, previous, _oldState, state) => {
        const meta = tr.getMeta(mentorCommentHighlightsKey) as HighlightsMeta | undefined;
        if (!meta && !tr.docChanged) return previous;
        let passages = tr.docChanged ? mapped(previous.passages, tr) : previous.passages;
        // The stronger drawing marks where "Show passage" went; once the text changes it has done its job.
        let shown = tr.docChanged ? null : previous.shown;
        if (meta?.kind === 'passages') passages = meta.passages.filter((passage) => withinDoc(state.doc, passage));
        if (meta?.kind === 'shown') shown = meta.commentId;
        if (shown !== null && !passages.some((passage) => passage.commentId === shown)) shown = null;
        return { passages, shown, decorations: draw(state.doc, passages, shown) };
      },
    },
    props: {
      decorations: (state) => mentorCommentHighlightsKey.getState(state)?.decorations ?? null,
    },
  });
}

/**
 * Mentor comments' passages underlined in a section editor. They are ProseMirror decorations:
 * drawn over the text, mapped through every edit, and never in the document, so nothing about a
 * comment is ever saved with the entry. Where each passage is comes from the comments panel, which
 * finds the quoted words in the text as it is now.
 */
export const MentorCommentHighlights = Extension.create({
  name: 'mentorCommentHighlights',

  addCommands() {
    return {
      setMentorCommentPassages:
        (passages) =>
        ({ tr, dispatch }) => {
          if (dispatch) setCommentPassagesMeta(tr, passages);
          return true;
        },
      setShownMentorComment:
        (commentId) =>
        ({ tr, dispatch }) => {
          if (dispatch) setShownCommentMeta(tr, commentId);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [mentorCommentHighlightsPlugin()];
  },
});

/** The passages underlined in an editor now (mapped through any edits since they were set). */
export function mentorCommentPassagesOf(state: EditorState): readonly CommentPassage[] {
  return mentorCommentHighlightsKey.getState(state)?.passages ?? [];
}
