import type { Editor } from '@tiptap/core';
import { useEditor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { type WeeklyLogSectionId, weeklyLogSectionIds } from '../../../shared/portfolio/weeklyLog.js';
import type { EvidenceTag } from '../../../shared/frameworks/framework.js';
import { docHoldsItemId } from '../editor/docHoldsItemId.js';
import { sectionEditorOptions } from '../editor/sectionEditorOptions.js';
import { sectionExtensions } from '../editor/sectionExtensions.js';
import { privacyStoreOf } from '../privacy/PrivacyStore.js';
import { useSession } from '../session/SessionContext.js';

export type WeekEditors = Record<WeeklyLogSectionId, Editor>;

type IsUsedElsewhere = (ownSection: WeeklyLogSectionId, id: string) => boolean;

function useSectionEditor(sectionId: WeeklyLogSectionId, isUsedElsewhere: IsUsedElsewhere, codeOf: (tag: EvidenceTag) => string): Editor {
  const session = useSession();
  return useEditor(sectionEditorOptions(sectionId, sectionExtensions(sectionId, (id) => isUsedElsewhere(sectionId, id), codeOf, true, privacyStoreOf(session))), []);
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
