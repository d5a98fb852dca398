import { describe, expect, it } from 'vitest';
import { builtInTemplates } from '../../shared/templates/builtInTemplates.js';
import { templateSchema } from '../../shared/templates/templateSchemas.js';
import { sectionRoles } from '../../shared/templates/template.js';
import { sectionRoleLabels } from '../../renderer/src/templates/sectionRoleLabels.js';
import {
  addSection,
  deleteSection,
  fieldKeys,
  moveSection,
  newSectionId,
  templateProblems,
  templateToSend,
  undoDeleteSection,
} from '../../renderer/src/templates/templateDraft.js';

const gibbs = { ...builtInTemplates.find((template) => template.id === 'gibbs')!, id: 'custom-1' };
const ids = (template: typeof gibbs) => template.sections.map((section) => section.id);

describe('template editor drafts', () => {
  it('names every section role in plain words', () => {
    expect(Object.keys(sectionRoleLabels).sort()).toEqual([...sectionRoles].sort());
  });

  it('makes section ids of letters and digits that the schema accepts and the template does not use', () => {
    const id = newSectionId(gibbs);
    expect(id).toMatch(/^section-[a-z0-9]{10}$/);
    const added = addSection(gibbs, { id, title: 'Supervision', prompt: '', role: 'other' });
    expect(templateSchema.safeParse(added).success).toBe(true);
  });

  it('moves a section one place and leaves the ends alone', () => {
    expect(ids(moveSection(gibbs, 'analysis', -1))).toEqual(['description', 'feelings', 'analysis', 'evaluation', 'conclusion', 'action-plan']);
    expect(moveSection(gibbs, 'description', -1)).toBe(gibbs);
    expect(moveSection(gibbs, 'action-plan', 1)).toBe(gibbs);
  });

  it('puts a deleted section back where it was, and never deletes the last one', () => {
    const result = deleteSection(gibbs, 'evaluation');
    expect(result && ids(result.template)).not.toContain('evaluation');
    expect(ids(undoDeleteSection(result!.template, result!.deleted))).toEqual(ids(gibbs));
    const one = { ...gibbs, sections: gibbs.sections.slice(0, 1) };
    expect(deleteSection(one, 'description')).toBeNull();
  });

  it('finds an empty name and title, and a notice of only spaces is sent as none', () => {
    const problems = templateProblems({ ...gibbs, name: '  ', sections: [{ ...gibbs.sections[0]!, title: '' }] });
    expect([...problems]).toEqual([
      [fieldKeys.name, 'Give the template a name.'],
      [fieldKeys.sectionTitle('description'), 'Give section 1 a title.'],
    ]);
    expect(templateProblems(gibbs).size).toBe(0);
    expect(templateToSend({ ...gibbs, notice: '   ' }).notice).toBeNull();
  });
});
