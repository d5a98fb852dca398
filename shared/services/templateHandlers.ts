import type { ApiHandlers } from '../api/contract.js';
import { failure, ok } from '../api/result.js';
import type { PortfolioData } from '../portfolio/portfolioData.js';
import type { PortfolioHost } from '../store/portfolioStore.js';
import { builtInTemplates } from '../templates/builtInTemplates.js';
import type { Template } from '../templates/template.js';
import { isBuiltInTemplateId, newestTemplate, newestVersions } from '../templates/templateLibrary.js';
import { importTemplateJson, templateFileText } from '../templates/templateSchemas.js';
import { portfolioUnavailable } from './unavailable.js';

type TemplateHandlers = Pick<ApiHandlers, 'templates.list' | 'templates.create' | 'templates.save' | 'templates.delete' | 'templates.import' | 'templates.exportFile'>;

/** The most templates of their own a user may keep (each id counts once, whatever its versions). */
export const maxCustomTemplates = 500;

function usageOf(data: PortfolioData): Record<string, number> {
  const usage = new Map<string, number>();
  for (const entry of data.entries) usage.set(entry.template.id, (usage.get(entry.template.id) ?? 0) + 1);
  // fromEntries defines own properties, so an id such as "toString" is counted like any other.
  return Object.fromEntries(usage);
}

function fileNameFor(template: Template): string {
  const slug = template.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'template'}.template.json`;
}

/**
 * Puts a new state of the user's template in the portfolio. While no entry was written with its
 * newest version, that version is changed in place; once one was, the change becomes a new
 * version, so entries already written keep exactly the sections they were written with.
 */
function withSaved(data: PortfolioData, template: Template): { data: PortfolioData; saved: Template } {
  const newest = newestTemplate(data.templates, template.id);
  if (!newest) return { data: { ...data, templates: [...data.templates, { ...template, version: 1 }] }, saved: { ...template, version: 1 } };
  const used = new Set(data.entries.filter((entry) => entry.template.id === newest.id).map((entry) => entry.template.version));
  if (used.has(newest.version)) {
    const saved = { ...template, version: newest.version + 1 };
    // Older versions no entry uses any more (all switched away or deleted) are dropped, so versions never pile up.
    const kept = data.templates.filter((candidate) => candidate.id !== template.id || used.has(candidate.version));
    return { data: { ...data, templates: [...kept, saved] }, saved };
  }
  const saved = { ...template, version: newest.version };
  return { data: { ...data, templates: data.templates.map((candidate) => (candidate === newest ? saved : candidate)) }, saved };
}

export function createTemplateHandlers(host: PortfolioHost, newId: () => string): TemplateHandlers {
  const customId = () => `custom-${newId()}`;
  const tooMany = (data: PortfolioData) => newestVersions(data.templates).length >= maxCustomTemplates;

  return {
    'templates.list': async () => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const data = store.read();
      return ok({ builtIns: newestVersions(builtInTemplates), custom: newestVersions(data.templates), usage: usageOf(data) });
    },
    'templates.create': async ({ fromTemplateId }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const data = store.read();
      if (tooMany(data)) return failure('invalid-argument', `A portfolio holds at most ${maxCustomTemplates} templates of your own. Delete one you no longer use first.`);
      let template: Template;
      if (fromTemplateId === null) {
        template = {
          id: customId(),
          version: 1,
          name: 'New template',
          summary: '',
          sections: [{ id: `section-${newId()}`, title: 'Section 1', prompt: '', role: 'other' }],
          notice: null,
          linkedFramework: null,
          asksForCpd: false,
        };
      } else {
        const source = newestTemplate(data.templates, fromTemplateId);
        if (!source) return failure('not-found', 'That template is no longer available.');
        if (source.id === 'weekly-log') {
          return failure('invalid-argument', 'The weekly log is written from the week’s page, with its ideas and plans; a copy could only be used for reflections. Duplicate a reflective model instead.');
        }
        // Section ids are kept, so an entry switched between the two keeps every section's text in place.
        template = { ...source, id: customId(), version: 1, name: `${source.name} (copy)`.slice(0, 200), sections: source.sections.map((section) => ({ ...section })) };
      }
      await store.update((current) => ({ ...current, templates: [...current.templates, template] }));
      return ok(template);
    },
    'templates.save': async ({ template }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      if (isBuiltInTemplateId(template.id)) return failure('invalid-argument', 'Built-in templates cannot be changed. Duplicate it and change the copy.');
      if (!newestTemplate(store.read().templates, template.id)) return failure('not-found', 'That template is no longer in this portfolio.');
      let saved: Template = template;
      await store.update((data) => {
        const result = withSaved(data, template);
        saved = result.saved;
        return result.data;
      });
      return ok(saved);
    },
    'templates.delete': async ({ templateId }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      if (isBuiltInTemplateId(templateId)) return failure('invalid-argument', 'Built-in templates cannot be deleted.');
      const data = store.read();
      if (!newestTemplate(data.templates, templateId)) return failure('not-found', 'That template is no longer in this portfolio.');
      const used = usageOf(data)[templateId] ?? 0;
      if (used > 0) {
        return failure('invalid-argument', `${used === 1 ? 'One entry was' : `${used.toLocaleString('en-GB')} entries were`} written with this template, so it cannot be deleted. Switch ${used === 1 ? 'it' : 'them'} to another template first.`);
      }
      await store.update((current) => ({ ...current, templates: current.templates.filter((candidate) => candidate.id !== templateId) }));
      return ok({ deleted: true as const });
    },
    'templates.import': async ({ text }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      if (tooMany(store.read())) return ok({ imported: false, problems: [`A portfolio holds at most ${maxCustomTemplates} templates of your own.`] });
      const read = importTemplateJson(text, customId);
      if (!read.ok) return ok({ imported: false, problems: read.problems });
      // Versions count changes in this portfolio; the file's version described another one.
      const template = { ...read.template, version: 1 };
      await store.update((current) => ({ ...current, templates: [...current.templates, template] }));
      return ok({ imported: true, template });
    },
    'templates.exportFile': async ({ templateId }) => {
      const store = host.store();
      if (!store) return portfolioUnavailable();
      const template = newestTemplate(store.read().templates, templateId);
      if (!template) return failure('not-found', 'That template is no longer available.');
      return ok({ fileName: fileNameFor(template), text: templateFileText(template) });
    },
  };
}
