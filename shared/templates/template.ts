/**
 * Reflection templates: a reflective model (Gibbs, Borton, the NMC form…) as data. A template is a
 * list of sections, each with a title and a prompt shown as a hint while the section is empty.
 * Built-in templates are versioned (builtInTemplates.ts); an entry records the template and version
 * it was written with, so a later version never reshapes an old entry. zod-free: the page imports
 * this module; the schemas are in templateSchemas.ts.
 */

/**
 * What a section is for, whatever the model calls it. Switching an entry to another template moves
 * each section's text to a section with the same role (see switchTemplate.ts). 'other' means the
 * section has no counterpart in other models: its text only moves by id, or into Other notes.
 */
export const sectionRoles = [
  'context',
  'event',
  'feelings',
  'evaluation',
  'analysis',
  'learning',
  'conclusion',
  'action',
  'practice-change',
  'relevance',
  'benefit-practice',
  'benefit-service-users',
  'other',
] as const;

export type SectionRole = (typeof sectionRoles)[number];

export interface TemplateSection {
  /** Stable within its template: an entry's text is stored under it. Never reuse one for a different purpose. */
  id: string;
  title: string;
  /** A hint shown in the empty section; never text the user has to delete. May be ''. */
  prompt: string;
  /** What the section is for, used to carry text across when switching templates. */
  role: SectionRole;
}

export interface Template {
  id: string;
  version: number;
  name: string;
  /** One line explaining the model, shown in the template picker. */
  summary: string;
  sections: TemplateSection[];
  /** A rule shown at the top of the form (the NMC identifying-information rule), or null. */
  notice: string | null;
  /** Built-in framework whose outcomes the form offers as whole-entry tags (nmc-code-themes, hcpc-cpd-standards), or null. */
  linkedFramework: string | null;
  /** Whether the form asks for CPD hours and activity details up front. */
  asksForCpd: boolean;
}

/**
 * The section that keeps text with nowhere else to go after a template switch. It belongs to no
 * template: an entry shows it after the template's own sections whenever it holds text.
 */
export const otherNotesSection: TemplateSection = {
  id: 'other-notes',
  title: 'Other notes',
  prompt: 'Text from an earlier template that has no matching section here. Move it where it belongs, or leave it.',
  role: 'other',
};

/** Limits on a template, shared by the schema and the messages the file import gives. */
export const templateLimits = {
  maxSections: 40,
  maxNameLength: 200,
  maxTitleLength: 200,
  maxPromptLength: 2_000,
  maxSummaryLength: 500,
  maxNoticeLength: 2_000,
  /** Larger template files are refused before they are read (1 MB; a real one is under 100 KB). */
  maxFileChars: 1_048_576,
} as const;
