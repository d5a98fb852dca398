import type { Extensions } from '@tiptap/core';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';
import { ideaNodeType, planNodeType } from '../../../shared/portfolio/weeklyLog.js';
import type { EvidenceTag } from '../../../shared/frameworks/framework.js';
import { CaretOnFocus } from './CaretOnFocus.js';
import { EvidenceMark } from './EvidenceMark.js';
import { IdeaBlock } from './IdeaBlock.js';
import { ItemIds } from './ItemIds.js';
import { MentorCommentHighlights } from './MentorCommentHighlights.js';
import { newItemId } from './newItemId.js';
import { PrivacyHighlights } from './PrivacyHighlights.js';
import type { PrivacySource } from '../privacy/PrivacyStore.js';

function planCheckboxLabel(text: string): string {
  return `Plan done: ${text.trim() || 'empty plan'}`;
}

/**
 * Every section's editor has the same schema, so whatever a saved week holds can be shown and
 * saved back whole; sections differ only in how they start and which shortcuts they offer. Ideas are
 * numbered across weekly logs, so only a weekly log's sections offer the idea shortcut
 * (`ideaShortcut`); a reflection still shows an idea block pasted into it. With a `privacy` source,
 * possible identifiers are underlined as the user writes (the author's own editors, not a mentor's view).
 */
export function sectionExtensions(
  sectionId: string,
  isItemIdUsedElsewhere: (id: string) => boolean,
  codeOf: (tag: EvidenceTag) => string = (tag) => tag.outcome,
  ideaShortcut = true,
  privacy: PrivacySource | null = null,
): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [3] },
      link: { openOnClick: false, autolink: false, linkOnPaste: false },
      trailingNode: false,
    }),
    TaskList,
    TaskItem.configure({ nested: false, a11y: { checkboxLabel: (node) => planCheckboxLabel(node.textContent) } }),
    IdeaBlock.configure({ insertShortcut: ideaShortcut && sectionId !== 'nextWeekPlans' }),
    ItemIds.configure({ types: [ideaNodeType, planNodeType], newId: newItemId, isUsedElsewhere: isItemIdUsedElsewhere }),
    EvidenceMark.configure({ codeOf }),
    CaretOnFocus,
    MentorCommentHighlights,
    PrivacyHighlights.configure({ source: privacy }),
  ];
}
