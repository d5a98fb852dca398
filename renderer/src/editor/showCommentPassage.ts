import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { mentorCommentPassagesOf } from './MentorCommentHighlights.js';

/**
 * Selects the passage a mentor's comment is on, draws it more strongly, focuses the editor and
 * scrolls the passage to the middle of the window (as showPassage does for evidence). False when
 * the editor does not underline that comment's passage.
 */
export function showCommentPassage(editor: Editor, commentId: string): boolean {
  const passage = mentorCommentPassagesOf(editor.state).find((candidate) => candidate.commentId === commentId);
  if (!passage) return false;
  editor
    .chain()
    .command(({ tr }) => Boolean(tr.setSelection(TextSelection.create(tr.doc, passage.from, passage.to)).scrollIntoView()))
    .setShownMentorComment(commentId)
    .run();
  editor.view.focus();
  editor.view.dom.querySelector(`.mentor-comment-passage--shown`)?.scrollIntoView({ block: 'center' });
  return true;
}
