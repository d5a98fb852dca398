import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { type ReactNode, useEffect, useRef } from 'react';
import type { EditorDoc } from '../../../shared/document/editorJson.js';
import type { EvidenceTag } from '../../../shared/frameworks/framework.js';
import type { CommentPassage } from '../editor/MentorCommentHighlights.js';
import { sectionHeadingId, sectionHintId } from '../editor/sectionEditorOptions.js';
import { readSelectionNow } from '../editor/readSelectionNow.js';
import { sectionExtensions } from '../editor/sectionExtensions.js';
import { ReadOnlyText } from './ReadOnlyText.js';
import { commentShortcut } from './reviewWords.js';
import '../styles/sharing.css';

interface ReadOnlySectionProps {
  sectionId: string;
  title: string;
  /** The section's text, already checked against the editor's schema. */
  doc: EditorDoc;
  /** The number the section's first idea has (weekly logs number ideas across the portfolio). */
  firstIdeaNumber: number | null;
  passages: readonly CommentPassage[];
  activeCommentId: string | null;
  codeOf(tag: EvidenceTag): string;
  onReady(sectionId: string, editor: Editor | null): void;
  /** The selection changed; null when nothing is selected. */
  onSelect(sectionId: string, range: { from: number; to: number } | null): void;
  /** Ctrl+Alt+M (⌘⌥M): comment on the selected words. */
  onCommentShortcut(sectionId: string): void;
  /** Shown under the text: the section's comment button. */
  footer: ReactNode;
}

/**
 * One section of a shared entry, drawn by the same editor (and extensions) as the author's, so it
 * looks the same and anything the author could write is shown, but read-only: the text can be
 * read, moved through and selected by keyboard, never changed. Content arrives as editor JSON and
 * is parsed by the editor's schema, so nothing in a share file is ever treated as HTML.
 */
export function ReadOnlySection({ sectionId, title, doc, firstIdeaNumber, passages, activeCommentId, codeOf, onReady, onSelect, onCommentShortcut, footer }: ReadOnlySectionProps) {
  const latest = useRef({ codeOf, onSelect, onCommentShortcut });
  latest.current = { codeOf, onSelect, onCommentShortcut };
  const headingId = sectionHeadingId(sectionId);
  const editorRef = useRef<Editor | null>(null);
  const editor = useEditor(
    {
      extensions: [...sectionExtensions(sectionId, () => false, (tag) => latest.current.codeOf(tag), false), ReadOnlyText],
      content: doc,
      editable: true,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-readonly': 'true',
          'aria-multiline': 'true',
          'aria-labelledby': headingId,
          'aria-describedby': sectionHintId(sectionId),
          class: `section-editor section-editor--read-only section-editor--${sectionId}`,
          'data-testid': `review-text-${sectionId}`,
          spellcheck: 'false',
        },
        handleKeyDown: (view, event) => {
          const commentShortcut = (event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM';
          // Leaving the text (Tab, Escape) or commenting: the last Shift+Arrow may not have been read yet.
          if ((event.key === 'Tab' || event.key === 'Escape' || commentShortcut) && editorRef.current) readSelectionNow(editorRef.current);
          if (event.key === 'Escape') {
            const section = view.dom.closest('section');
            if (section instanceof HTMLElement) section.focus();
            return true;
          }
          if (commentShortcut) {
            event.preventDefault();
            latest.current.onCommentShortcut(sectionId);
            return true;
          }
          return false;
        },
      },
    },
    [],
  );
  editorRef.current = editor;

  useEffect(() => {
    if (firstIdeaNumber !== null) editor.commands.setIdeaNumberStart(firstIdeaNumber);
    const selectionChanged = () => {
      const { from, to, empty } = editor.state.selection;
      latest.current.onSelect(sectionId, empty ? null : { from, to });
    };
    editor.on('selectionUpdate', selectionChanged);
    onReady(sectionId, editor);
    return () => {
      editor.off('selectionUpdate', selectionChanged);
      onReady(sectionId, null);
    };
    // The editor lives as long as the section: its text never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);

  // The passages commented on are underlined as on the author's side (one extension for both), the active one more strongly.
  useEffect(() => {
    editor.commands.setMentorCommentPassages(passages);
  }, [editor, passages]);

  useEffect(() => {
    editor.commands.setShownMentorComment(activeCommentId);
  }, [editor, passages, activeCommentId]);

  return (
    <section className={`log-section review-section log-section--${sectionId}`} aria-labelledby={headingId} tabIndex={-1} data-testid={`review-section-${sectionId}`}>
      <div className="log-section__header">
        <h2 id={headingId}>{title}</h2>
      </div>
      <p id={sectionHintId(sectionId)} className="visually-hidden">
        Read only. Select words with Shift and the arrow keys, then press {commentShortcut().shown} to comment on them.
      </p>
      <EditorContent editor={editor} className="log-section__editor" />
      {footer}
    </section>
  );
}
