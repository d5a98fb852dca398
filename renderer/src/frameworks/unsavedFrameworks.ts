import type { Framework } from '../../../shared/frameworks/framework.js';

/**
 * Drafts the back end does not hold yet: a new unit that still needs a title, changes that cannot
 * be sent until a field is fixed, or changes still on their way. Kept while the page is open, so
 * leaving the editor and coming back finds the draft as it was left.
 */
const drafts = new Map<string, Framework>();

export const unsavedFrameworks = {
  get: (frameworkId: string): Framework | undefined => drafts.get(frameworkId),
  all: (): Framework[] => [...drafts.values()],
  keep: (draft: Framework): void => {
    drafts.set(draft.id, draft);
  },
  /** Forgets the draft once `saved` is what it holds, unless it has changed since. */
  settle: (sent: Framework): void => {
    if (drafts.get(sent.id) === sent) drafts.delete(sent.id);
  },
  forget: (frameworkId: string): void => {
    drafts.delete(frameworkId);
  },
};
