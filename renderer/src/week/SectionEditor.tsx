import type { Editor } from '@tiptap/core';
import { EditorContent } from '@tiptap/react';
import type { KeyboardEvent, ReactNode } from 'react';
import { nextFocusableAfter } from '../focus/nextFocusableAfter.js';
import { sectionHeadingId, sectionHintId } from '../editor/sectionEditorOptions.js';

interface SectionEditorProps {
  /** The template section's id (a weekly log's, or a reflection template's). */
  sectionId: string;
  title: string;
  editor: Editor;
  hint: string;
  /** Buttons shown beside the heading (not part of it, so the editor's name stays the heading). */
  actions?: ReactNode;
  /** Shown under the editor (the tags at the cursor). */
  footer?: ReactNode;
}

/** After Escape has left the editor (focus is on the section), Tab moves on past the editor, not back into it. */
function tabPastEditor(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab' || event.shiftKey || event.target !== event.currentTarget) return;
  const next = nextFocusableAfter(event.currentTarget);
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/** One section of an entry: its heading, the template's prompt as a hint, then its own editor named by that heading. */
export function SectionEditor({ sectionId, title, editor, hint, actions, footer }: SectionEditorProps) {
  const headingId = sectionHeadingId(sectionId);
  return (
    <section
      className={`log-section log-section--${sectionId}`}
      aria-labelledby={headingId}
      tabIndex={-1}
      onKeyDown={tabPastEditor}
      data-testid={`section-${sectionId}`}
    >
      <div className="log-section__header">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      <p id={sectionHintId(sectionId)} className="hint log-section__hint">
        {hint}
      </p>
      <EditorContent editor={editor} className="log-section__editor" />
      {footer}
    </section>
  );
}
