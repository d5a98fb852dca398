import type { Editor } from '@tiptap/core';
import { EditorContent } from '@tiptap/react';
import type { ReactNode } from 'react';
import type { WeeklyLogSectionId } from '../../../shared/portfolio/weeklyLog.js';
import { sectionHeadingId, sectionHintId } from './useWeekEditors.js';

interface SectionEditorProps {
  sectionId: WeeklyLogSectionId;
  title: string;
  editor: Editor;
  hint: string;
  /** Buttons shown beside the heading (not part of it, so the editor's name stays the heading). */
  actions?: ReactNode;
}

/** One section of the weekly log: its heading, then its own editor named by that heading. */
export function SectionEditor({ sectionId, title, editor, hint, actions }: SectionEditorProps) {
  const headingId = sectionHeadingId(sectionId);
  return (
    <section className={`log-section log-section--${sectionId}`} aria-labelledby={headingId} tabIndex={-1} data-testid={`section-${sectionId}`}>
      <div className="log-section__header">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      <p id={sectionHintId(sectionId)} className="hint log-section__hint">
        {hint}
      </p>
      <EditorContent editor={editor} className="log-section__editor" />
    </section>
  );
}
