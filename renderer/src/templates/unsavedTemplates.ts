import type { Template } from '../../../shared/templates/template.js';

/**
 * Drafts the back end does not hold yet: changes that cannot be sent until a field is fixed, or
 * changes still on their way. Kept while the page is open, so leaving the editor and coming back
 * finds the draft as it was left.
 */
const drafts = new Map<string, Template>();

export const unsavedTemplates = {
  get: (templateId: string): Template | undefined => drafts.get(templateId),
  has: (templateId: string): boolean => drafts.has(templateId),
  keep: (draft: Template): void => {
    drafts.set(draft.id, draft);
  },
  /** Forgets the draft once it is saved, unless it has changed since it was sent. */
  settle: (sent: Template): void => {
    if (drafts.get(sent.id) === sent) drafts.delete(sent.id);
  },
  forget: (templateId: string): void => {
    drafts.delete(templateId);
  },
};
