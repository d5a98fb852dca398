import { type Template, type TemplateSection, otherNotesSection, templateLimits } from '../../../shared/templates/template.js';

/** Changes the template editor makes to a draft. Each returns a new template, or the same one when nothing changed. */

export type Direction = -1 | 1;

const idAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `section-` and ten random letters and digits: never the Other notes id, never one the template already has. */
export function newSectionId(template: Template): string {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(10));
    const id = `section-${Array.from(bytes, (byte) => idAlphabet[byte % idAlphabet.length]).join('')}`;
    if (id !== otherNotesSection.id && !template.sections.some((section) => section.id === id)) return id;
  }
}

/** How buttons and announcements name a section: its title, or its place when it has none. */
export function sectionName(section: TemplateSection, index: number): string {
  const title = section.title.trim();
  return title === '' ? `Section ${index + 1}` : title;
}

export function changeSection(template: Template, sectionId: string, change: Partial<Pick<TemplateSection, 'title' | 'prompt' | 'role'>>): Template {
  return { ...template, sections: template.sections.map((section) => (section.id === sectionId ? { ...section, ...change } : section)) };
}

export function moveSection(template: Template, sectionId: string, direction: Direction): Template {
  const index = template.sections.findIndex((section) => section.id === sectionId);
  const target = index + direction;
  if (index < 0 || target < 0 || target >= template.sections.length) return template;
  const sections = [...template.sections];
  const [moved] = sections.splice(index, 1);
  if (!moved) return template;
  sections.splice(target, 0, moved);
  return { ...template, sections };
}

export function addSection(template: Template, section: TemplateSection): Template {
  if (template.sections.length >= templateLimits.maxSections) return template;
  return { ...template, sections: [...template.sections, section] };
}

export interface DeletedSection {
  section: TemplateSection;
  index: number;
}

/** Null when the section is not there or is the last one left (a template needs at least one). */
export function deleteSection(template: Template, sectionId: string): { template: Template; deleted: DeletedSection } | null {
  const index = template.sections.findIndex((section) => section.id === sectionId);
  const section = template.sections[index];
  if (!section || template.sections.length <= 1) return null;
  return { template: { ...template, sections: template.sections.filter((candidate) => candidate.id !== sectionId) }, deleted: { section, index } };
}

/** Puts a deleted section back where it was, unless a section with its id came back meanwhile. */
export function undoDeleteSection(template: Template, deleted: DeletedSection): Template {
  if (template.sections.some((section) => section.id === deleted.section.id) || template.sections.length >= templateLimits.maxSections) return template;
  const sections = [...template.sections];
  sections.splice(Math.min(deleted.index, sections.length), 0, deleted.section);
  return { ...template, sections };
}

/** The draft as the back end takes it: a notice of nothing but spaces is no notice. The draft keeps what was typed. */
export function templateToSend(draft: Template): Template {
  const notice = draft.notice === null || draft.notice.trim() === '' ? null : draft.notice;
  return notice === draft.notice ? draft : { ...draft, notice };
}

/** Field keys, used as the fields' element ids too. */
export const fieldKeys = {
  name: 'template-name',
  summary: 'template-summary',
  notice: 'template-notice',
  sectionTitle: (sectionId: string) => `template-section-${sectionId}-title`,
  sectionPrompt: (sectionId: string) => `template-section-${sectionId}-prompt`,
};

function withThousands(value: number): string {
  return value.toLocaleString('en-GB');
}

function tooLong(what: string, limit: number): string {
  return `${what} is too long: shorten it to ${withThousands(limit)} characters or fewer.`;
}

/** What stops the draft being saved, by field key, in the order the fields appear. Empty when it can be saved. */
export function templateProblems(template: Template): Map<string, string> {
  const problems = new Map<string, string>();
  const name = template.name.trim();
  if (name === '') problems.set(fieldKeys.name, 'Give the template a name.');
  else if (name.length > templateLimits.maxNameLength) problems.set(fieldKeys.name, tooLong('The name', templateLimits.maxNameLength));
  if (template.summary.length > templateLimits.maxSummaryLength) problems.set(fieldKeys.summary, tooLong('The summary', templateLimits.maxSummaryLength));
  if (template.notice !== null && template.notice.trim().length > templateLimits.maxNoticeLength) problems.set(fieldKeys.notice, tooLong('The notice', templateLimits.maxNoticeLength));
  template.sections.forEach((section, index) => {
    const title = section.title.trim();
    if (title === '') problems.set(fieldKeys.sectionTitle(section.id), `Give section ${index + 1} a title.`);
    else if (title.length > templateLimits.maxTitleLength) problems.set(fieldKeys.sectionTitle(section.id), tooLong('The title', templateLimits.maxTitleLength));
    if (section.prompt.length > templateLimits.maxPromptLength) problems.set(fieldKeys.sectionPrompt(section.id), tooLong('The prompt', templateLimits.maxPromptLength));
  });
  return problems;
}
