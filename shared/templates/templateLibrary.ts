import type { TemplateRef } from '../portfolio/weeklyLog.js';
import { builtInTemplates } from './builtInTemplates.js';
import type { Template } from './template.js';

/**
 * Finding templates by id and version, across the built-ins (every version ever shipped stays in
 * builtInTemplates) and the user's own (every version an entry was written with stays in the
 * portfolio). zod-free: the page imports it.
 */

/** Keeps the highest version of each id, in the order each id first appears. */
export function newestVersions(templates: readonly Template[]): Template[] {
  const newest = new Map<string, Template>();
  for (const template of templates) {
    const kept = newest.get(template.id);
    if (!kept || template.version > kept.version) newest.set(template.id, template);
  }
  return [...newest.values()];
}

export function isBuiltInTemplateId(id: string): boolean {
  return builtInTemplates.some((template) => template.id === id);
}

/** The newest version of a template, built-in or the user's. */
export function newestTemplate(custom: readonly Template[], id: string): Template | undefined {
  const pool = isBuiltInTemplateId(id) ? builtInTemplates : custom;
  return newestVersions(pool.filter((template) => template.id === id))[0];
}

/** The very version an entry was written with. */
export function templateVersion(custom: readonly Template[], ref: TemplateRef): Template | undefined {
  const pool = isBuiltInTemplateId(ref.id) ? builtInTemplates : custom;
  return pool.find((template) => template.id === ref.id && template.version === ref.version);
}

/** What the timeline and lists call an entry's template, even if it has since been deleted. */
export function templateName(custom: readonly Template[], ref: TemplateRef): string {
  return templateVersion(custom, ref)?.name ?? newestTemplate(custom, ref.id)?.name ?? 'Template no longer available';
}
