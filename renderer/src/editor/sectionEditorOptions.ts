import type { Extensions } from '@tiptap/core';
import type { UseEditorOptions } from '@tiptap/react';

export function sectionHeadingId(sectionId: string): string {
  return `section-heading-${sectionId}`;
}

export function sectionHintId(sectionId: string): string {
  return `section-hint-${sectionId}`;
}

/**
 * The options every section editor is made with, on the week page and in a reflection: it starts
 * read-only until its text is in, is named by its section heading and described by its hint, and
 * Escape leaves the text (Tab may indent a list) so the keyboard can move on.
 */
export function sectionEditorOptions(sectionId: string, extensions: Extensions): UseEditorOptions {
  return {
    extensions,
    editable: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': sectionHeadingId(sectionId),
        'aria-describedby': sectionHintId(sectionId),
        class: `section-editor section-editor--${sectionId}`,
        'data-testid': `editor-${sectionId}`,
        spellcheck: 'true',
      },
      handleKeyDown: (view, event) => {
        if (event.key !== 'Escape') return false;
        const section = view.dom.closest('section');
        if (!(section instanceof HTMLElement)) return false;
        section.focus();
        return true;
      },
    },
  };
}
