import { z } from 'zod';
import { type Template, type TemplateSection, otherNotesSection, sectionRoles, templateLimits } from './template.js';
import { isObject, jsonTypeWords, listedProblems, valueAt, withThousands } from '../files/fileProblems.js';
import type { Same } from '../types/same.js';

/**
 * Schemas for templates, and the template file a user shares: {"format":
 * "reflective-portfolio-template", "version": 1, "template": {...}}. Reading a file never throws:
 * everything wrong with it comes back as sentences for the user, and nothing is returned unless the
 * whole file is good. The template's id is never taken from a file (every import gets a fresh one,
 * so it cannot replace a template already in the portfolio); section ids are kept, since they are
 * what lets text move across when an entry switches template.
 */

/** Letters, digits, "_" and "-"; never a name that means something to a JavaScript object. */
const reservedIds = new Set(['__proto__', 'constructor', 'prototype']);
export const templateIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/)
  .refine((id) => !reservedIds.has(id), { message: 'is a reserved word' });

const { maxSections, maxNameLength, maxTitleLength, maxPromptLength, maxSummaryLength, maxNoticeLength } = templateLimits;

export const templateSectionSchema = z.object({
  id: templateIdSchema,
  title: z.string().trim().min(1).max(maxTitleLength),
  prompt: z.string().max(maxPromptLength),
  role: z.enum(sectionRoles),
});

/** Adds an issue for every section whose id an earlier section already uses. */
function uniqueSectionIds(sections: readonly { id?: string | undefined }[], context: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  sections.forEach((section, index) => {
    if (section.id === undefined) return;
    const earlier = seen.get(section.id);
    if (section.id === otherNotesSection.id) context.addIssue({ code: 'custom', path: ['sections', index, 'id'], message: `is kept for the Other notes section; choose another id` });
    else if (earlier !== undefined) context.addIssue({ code: 'custom', path: ['sections', index, 'id'], message: `is the same as section ${earlier + 1}’s; each section needs its own id` });
    else seen.set(section.id, index);
  });
}

export const templateSchema = z
  .object({
    id: templateIdSchema,
    version: z.number().int().min(1),
    name: z.string().trim().min(1).max(maxNameLength),
    summary: z.string().max(maxSummaryLength),
    sections: z.array(templateSectionSchema).min(1).max(maxSections),
    notice: z.string().trim().min(1).max(maxNoticeLength).nullable(),
    linkedFramework: templateIdSchema.nullable(),
    asksForCpd: z.boolean(),
  })
  .superRefine((template, context) => uniqueSectionIds(template.sections, context));

const schemasMatchTypes: [Same<z.infer<typeof templateSectionSchema>, TemplateSection>, Same<z.infer<typeof templateSchema>, Template>] = [true, true];
void schemasMatchTypes;

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

export type TemplateImport = { ok: true; template: Template } | { ok: false; problems: string[] };

export const templateFileFormat = 'reflective-portfolio-template';

/** The envelope version this app writes; a file with a higher one came from a newer app. */
const templateFileVersion = 1;

/** Far larger than any real template (40 sections of 2,000 characters is under 100 KB). */
const maxFileLength = templateLimits.maxFileChars;

/**
 * What the template in a file may hold. Looser than templateSchema where a hand-written file would
 * reasonably differ: the template id is ignored; section ids (a fresh one is made for each one
 * left out), version, summary, prompts, roles, notice, linked framework and CPD flag may be left out.
 */
const fileSectionSchema = z.object({
  id: templateIdSchema.optional(),
  title: z.string().trim().min(1).max(maxTitleLength),
  prompt: z.string().max(maxPromptLength).optional(),
  role: z.enum(sectionRoles).optional(),
});

const fileTemplateSchema = z
  .object({
    version: z.number().int().min(1).optional(),
    name: z.string().trim().min(1).max(maxNameLength),
    summary: z.string().max(maxSummaryLength).optional(),
    sections: z.array(fileSectionSchema).min(1).max(maxSections),
    notice: z.string().max(maxNoticeLength).nullable().optional(),
    linkedFramework: templateIdSchema.nullable().optional(),
    asksForCpd: z.boolean().optional(),
  })
  .superRefine((template, context) => uniqueSectionIds(template.sections, context));

const fieldWords: Record<string, string> = {
  id: 'id',
  version: 'version',
  name: 'name',
  summary: 'summary',
  sections: 'sections',
  title: 'title',
  prompt: 'prompt',
  role: 'role',
  notice: 'notice',
  linkedFramework: 'linked framework',
  asksForCpd: 'asks for CPD',
};

/** "Section 3: title is missing." from a zod issue at ['sections', 2, 'title']. */
function issueProblem(issue: z.core.$ZodIssue, root: unknown): string {
  const path = issue.path;
  let place = '';
  let field: string | null = null;
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i];
    const next = path[i + 1];
    if (key === 'sections' && typeof next === 'number') {
      place = `Section ${next + 1}`;
      i += 1;
    } else {
      field = typeof key === 'number' ? `item ${key + 1}` : (fieldWords[String(key)] ?? String(key));
    }
  }
  const value = valueAt(root, path);

  let predicate: string;
  if (issue.code === 'invalid_type') predicate = value === undefined || value === null ? 'is missing' : `should be ${jsonTypeWords[issue.expected] ?? issue.expected}`;
  else if (issue.code === 'too_small' && issue.origin === 'string') predicate = 'is empty';
  else if (issue.code === 'too_big' && issue.origin === 'string') predicate = `is too long (at most ${withThousands(Number(issue.maximum))} characters)`;
  else if (issue.code === 'too_small' && issue.origin === 'array') predicate = 'is empty (a template needs at least one section)';
  else if (issue.code === 'too_big' && issue.origin === 'array') predicate = `has too many entries (at most ${withThousands(Number(issue.maximum))})`;
  else if (issue.code === 'invalid_value') predicate = field === 'role' ? `is not one the app knows (it should be one of ${sectionRoles.join(', ')})` : 'is not a value the app knows';
  else if (issue.code === 'invalid_format') predicate = 'may only use letters, digits, “_” and “-”';
  else if (issue.code === 'too_small' || issue.code === 'too_big') predicate = 'is out of range';
  else predicate = issue.message;

  if (field === null) {
    if (place === '') return `The template ${predicate}.`;
    return issue.code === 'invalid_type' && value !== undefined && value !== null ? `${place} should be an object with an id and a title.` : `${place} ${predicate}.`;
  }
  if (field === 'sections' && issue.code === 'too_big') return `There are too many sections (at most ${withThousands(Number(issue.maximum))}).`;
  if (place === '') return `${field.charAt(0).toUpperCase()}${field.slice(1)} ${predicate}.`;
  return `${place}: ${field} ${predicate}.`;
}

function failed(problems: readonly string[]): TemplateImport {
  return { ok: false, problems: listedProblems(problems) };
}

/** Reads a template file as templateFileText writes it. The template gets the id newId() returns. */
export function importTemplateJson(text: string, newId: () => string): TemplateImport {
  try {
    return readTemplateFile(text, newId);
  } catch {
    return failed(['The file could not be read as a template (something unexpected went wrong).']);
  }
}

function readTemplateFile(raw: string, newId: () => string): TemplateImport {
  if (raw.length > maxFileLength) return failed(['The file is too large to be a template file (it is over 1 MB).']);
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') return failed(['The file is empty.']);
  if (text.includes('\u0000')) return failed(['The file is not a text file (it holds binary data).']);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return failed(['The file is not JSON.']);
  }
  if (!isObject(parsed) || parsed['format'] !== templateFileFormat) return failed(['The file is not a Reflective Portfolio template file.']);
  const version = parsed['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return failed(['The file does not say which version of the template format it uses.']);
  if (version > templateFileVersion) {
    return failed([`The file was made by a newer version of Reflective Portfolio (template format ${version}; this version reads format ${templateFileVersion}). Update the app to import it.`]);
  }
  const body = parsed['template'];
  if (!isObject(body)) return failed(['The file has no template in it.']);

  const read = fileTemplateSchema.safeParse(body);
  if (!read.success) return failed(read.error.issues.map((issue) => issueProblem(issue, body)));
  const file = read.data;
  const notice = file.notice?.trim() ?? '';
  const template: Template = {
    id: newId(),
    version: file.version ?? 1,
    name: file.name,
    summary: file.summary ?? '',
    sections: file.sections.map((section) => ({ id: section.id ?? newId(), title: section.title, prompt: section.prompt ?? '', role: section.role ?? 'other' })),
    notice: notice === '' ? null : notice,
    linkedFramework: file.linkedFramework ?? null,
    asksForCpd: file.asksForCpd ?? false,
  };
  const checked = templateSchema.safeParse(template);
  if (!checked.success) return failed(checked.error.issues.map((issue) => issueProblem(issue, template)));
  return { ok: true, template: checked.data };
}

/** The template as a file to save or share: pretty JSON in the envelope importTemplateJson reads. */
export function templateFileText(template: Template): string {
  const file = {
    format: templateFileFormat,
    version: templateFileVersion,
    template: {
      id: template.id,
      version: template.version,
      name: template.name,
      summary: template.summary,
      sections: template.sections.map((section) => ({ id: section.id, title: section.title, prompt: section.prompt, role: section.role })),
      notice: template.notice,
      linkedFramework: template.linkedFramework,
      asksForCpd: template.asksForCpd,
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
