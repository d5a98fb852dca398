import type { SectionRole } from '../../../shared/templates/template.js';

/** What each section role means, in the words the role select offers. */
export const sectionRoleLabels: Record<SectionRole, string> = {
  context: 'Background and context',
  event: 'What happened',
  feelings: 'Feelings',
  evaluation: 'What went well and less well',
  analysis: 'Making sense of it',
  learning: 'What I learned',
  conclusion: 'Conclusion',
  action: 'Action plan',
  'practice-change': 'Change to practice',
  relevance: 'Relevance to the Code or standards',
  'benefit-practice': 'Benefit to my practice',
  'benefit-service-users': 'Benefit to service users',
  other: 'Other (moves only to a section with the same id)',
};
