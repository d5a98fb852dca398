import { fieldKeys } from './templateDraft.js';

/** Element ids on the Templates pages, so focus can be put back on a control after a change. Fields use their field key. */
export const templateDomIds = {
  name: fieldKeys.name,
  addSection: 'template-add-section',
  undoDelete: 'template-undo-delete',
  asksForCpd: 'template-asks-for-cpd',
  newTemplate: 'template-new',
  yourTemplatesHeading: 'your-templates-heading',
  section: (sectionId: string, part: 'up' | 'down' | 'delete' | 'role' | 'heading') => `template-section-${sectionId}-${part}`,
  listItem: (templateId: string, part: 'link' | 'duplicate' | 'export' | 'delete' | 'confirm-delete') => `template-item-${templateId}-${part}`,
};
