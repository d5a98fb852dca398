import type { Framework } from '../../../shared/frameworks/framework.js';

/**
 * Drafts the back end does not hold yet: a new unit that still needs a title, changes that cannot
 * be sent until a field is fixed, or changes still on their way. Kept while the page is open, so
 * leaving the editor and coming back finds the draft as it was left.
 */
const drafts = new Map<string, Framework>();
/** New units nobody has typed into yet: kept so the editor can open them, never listed as waiting. */
const untouched = new Set<string>();

export const unsavedFrameworks = {
  get: (frameworkId: string): Framework | undefined => drafts.get(frameworkId),
  /** Drafts holding something the user typed. */
  all: (): Framework[] => [...drafts.values()].filter((draft) => !untouched.has(draft.id)),
  /** A new unit about to open in the editor. */
  start: (draft: Framework): void => {
    drafts.set(draft.id, draft);
    untouched.add(draft.id);
  },
  keep: (draft: Framework): void => {
    drafts.set(draft.id, draft);
    untouched.delete(draft.id);
  },
  /** Forgets the draft once `saved` is what it holds, unless it has changed since. */
  settle: (sent: Framework): void => {
    if (drafts.get(sent.id) === sent) drafts.delete(sent.id);
  },
  forget: (frameworkId: string): void => {
    drafts.delete(frameworkId);
    untouched.delete(frameworkId);
  },
};
