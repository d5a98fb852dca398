import { fieldKeys } from './draftProblems.js';

/** Element ids in the framework editor, so focus can be put back on a control after a change. Fields use their field key. */
export const editorDomIds = {
  title: fieldKeys.title,
  number: fieldKeys.number,
  addOutcome: 'framework-add-outcome',
  undoDelete: 'framework-undo-delete',
  outcome: (outcomeId: string, part: 'code' | 'title' | 'up' | 'down' | 'archive' | 'delete' | 'add-criterion' | 'heading') => `outcome-${outcomeId}-${part}`,
  criterion: (outcomeId: string, criterionId: string, part: 'code' | 'text' | 'up' | 'down' | 'archive' | 'delete') => `criterion-${outcomeId}-${criterionId}-${part}`,
};

/** Puts focus on an element of the editor once it is on the page; selects a field's text if asked. */
export function focusById(id: string, select = false): void {
  const element = document.getElementById(id);
  if (!element) return;
  element.focus();
  if (select && (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) element.select();
}
