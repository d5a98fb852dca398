import type { Editor } from '@tiptap/core';
import { useEditor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { type WeeklyLogSectionId, weeklyLogSectionIds } from '../../../shared/portfolio/weeklyLog.js';
import type { EvidenceTag } from '../../../shared/frameworks/framework.js';
import { docHoldsItemId } from '../editor/docHoldsItemId.js';
import { sectionExtensions } from '../editor/sectionExtensions.js';

export type WeekEditors = Record<WeeklyLogSectionId, Editor>;

export function sectionHeadingId(sectionId: string): string {
  return `section-heading-${sectionId}`;
}

export function sectionHintId(sectionId: string): string {
  return `section-hint-${sectionId}`;
}

type IsUsedElsewhere = (ownSection: WeeklyLogSectionId, id: string) => boolean;

function useSectionEditor(sectionId: WeeklyLogSectionId, isUsedElsewhere: IsUsedElsewhere, codeOf: (tag: EvidenceTag) => string): Editor {
  return useEditor(
    {
      extensions: sectionExtensions(sectionId, (id) => isUsedElsewhere(sectionId, id), codeOf),
      editable: false,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        // The editable element's accessible name is its section heading.
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
          // Escape leaves the text (Tab may indent a list), so the keyboard can move on.
          const section = view.dom.closest('section');
          if (!(section instanceof HTMLElement)) return false;
          section.focus();
          return true;
        },
      },
    },
    [],
  );
}

/**
 * The four section editors of the week view, kept for the life of the view and refilled per week.
 * `codeOf` names a tag on hover; it is read when labels are drawn, so it may change.
 */
export function useWeekEditors(codeOf: (tag: EvidenceTag) => string): WeekEditors {
  const latestCodeOf = useRef(codeOf);
  latestCodeOf.current = codeOf;
  const codeOfLatest = useCallback((tag: EvidenceTag) => latestCodeOf.current(tag), []);
  const current = useRef<Partial<WeekEditors>>({});
  const isUsedElsewhere = useCallback<IsUsedElsewhere>((ownSection, id) => {
    for (const sectionId of weeklyLogSectionIds) {
      const editor = current.current[sectionId];
      if (sectionId !== ownSection && editor && !editor.isDestroyed && docHoldsItemId(editor.state.doc, id)) return true;
    }
    return false;
  }, []);
  const thisWeek = useSectionEditor('thisWeek', isUsedElsewhere, codeOfLatest);
  const keyThoughts = useSectionEditor('keyThoughts', isUsedElsewhere, codeOfLatest);
  const achievements = useSectionEditor('achievements', isUsedElsewhere, codeOfLatest);
  const nextWeekPlans = useSectionEditor('nextWeekPlans', isUsedElsewhere, codeOfLatest);
  const editors = useMemo(() => ({ thisWeek, keyThoughts, achievements, nextWeekPlans }), [thisWeek, keyThoughts, achievements, nextWeekPlans]);
  useEffect(() => {
    current.current = editors;
  }, [editors]);
  return editors;
}
