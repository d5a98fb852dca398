/**
 * Learning-outcome frameworks: a course unit the user defines (LO1..LOn with P/M/D criteria) or a
 * professional framework shipped with the app (the NMC Code's themes, HCPC's CPD standards…).
 * Ids never change once given, so evidence tagged against an outcome survives renames, reordering
 * and archiving. zod-free: the page imports this module.
 */
export interface Criterion {
  id: string;
  /** Short code as the specification writes it: "P1", "M2", "D1", "A.P1". */
  code: string;
  text: string;
  archived: boolean;
}

export interface Outcome {
  id: string;
  /** Short code: "LO3", "C1", "Theme 2". */
  code: string;
  title: string;
  archived: boolean;
  criteria: Criterion[];
}

/** Which shipped framework a portfolio's copy came from. Updates to shipped data never rewrite the copy. */
export interface BuiltInSource {
  id: string;
  version: number;
}

export interface Framework {
  id: string;
  title: string;
  /** A unit's number ("26"), or '' when the framework has none. */
  number: string;
  archived: boolean;
  builtIn: BuiltInSource | null;
  outcomes: Outcome[];
}

/** One piece of evidence points at an outcome, or at one of its assessment criteria. */
export interface EvidenceTag {
  framework: string;
  outcome: string;
  criterion: string | null;
}

/** The tiptap mark that tags a passage: one mark per tag, so overlapping passages keep every tag. */
export const evidenceMarkType = 'evidence';

/** A tag as one string ("framework/outcome" or "framework/outcome/criterion"); ids never hold "/". */
export type TagKey = string;

export function tagKey(tag: EvidenceTag): TagKey {
  return tag.criterion === null ? `${tag.framework}/${tag.outcome}` : `${tag.framework}/${tag.outcome}/${tag.criterion}`;
}

export function parseTagKey(key: TagKey): EvidenceTag | null {
  const parts = key.split('/');
  if (parts.length < 2 || parts.length > 3) return null;
  return tagFromMarkAttrs({ framework: parts[0], outcome: parts[1], criterion: parts[2] ?? null });
}

/** The outcome-level key a tag counts towards ("fw/lo3/p5" counts towards "fw/lo3"). */
export function outcomeKeyOf(tag: EvidenceTag): TagKey {
  return `${tag.framework}/${tag.outcome}`;
}

/** What every framework, outcome and criterion id looks like (the same rule as frameworkIdSchema). */
const idPattern = /^[A-Za-z0-9_-]{1,100}$/;

export function isFrameworkId(value: unknown): value is string {
  return typeof value === 'string' && idPattern.test(value);
}

/**
 * The tag an evidence mark's attributes describe, or null if they are not a valid tag. Marks can
 * arrive from pasted HTML, so anything that is not a well-formed id is not a tag.
 */
export function tagFromMarkAttrs(attrs: Record<string, unknown> | undefined): EvidenceTag | null {
  const framework = attrs?.['framework'];
  const outcome = attrs?.['outcome'];
  const criterion = attrs?.['criterion'] ?? null;
  if (!isFrameworkId(framework) || !isFrameworkId(outcome)) return null;
  if (criterion !== null && !isFrameworkId(criterion)) return null;
  return { framework, outcome, criterion };
}

export function sameTag(a: EvidenceTag, b: EvidenceTag): boolean {
  return a.framework === b.framework && a.outcome === b.outcome && a.criterion === b.criterion;
}

/** "Unit 26: Supporting team and partnership working", or just the title when there is no number. */
export function frameworkDisplayName(framework: Pick<Framework, 'title' | 'number'>): string {
  return framework.number.trim() === '' ? framework.title : `Unit ${framework.number.trim()}: ${framework.title}`;
}

export interface ResolvedTag {
  tag: EvidenceTag;
  framework: Framework;
  outcome: Outcome;
  criterion: Criterion | null;
  /** "LO3" or "LO3 P5". */
  code: string;
  /** "LO3 Understand the outcomes of partnership working" or "P5 Explain…". */
  label: string;
}

/** Looks a tag up in the portfolio's frameworks; null when the framework, outcome or criterion is gone. */
export function resolveTag(frameworks: readonly Framework[], tag: EvidenceTag): ResolvedTag | null {
  const framework = frameworks.find((candidate) => candidate.id === tag.framework);
  const outcome = framework?.outcomes.find((candidate) => candidate.id === tag.outcome);
  if (!framework || !outcome) return null;
  if (tag.criterion === null) return { tag, framework, outcome, criterion: null, code: outcome.code, label: `${outcome.code} ${outcome.title}` };
  const criterion = outcome.criteria.find((candidate) => candidate.id === tag.criterion);
  if (!criterion) return null;
  return { tag, framework, outcome, criterion, code: `${outcome.code} ${criterion.code}`, label: `${outcome.code} ${criterion.code} ${criterion.text}` };
}

/** Every tag a framework offers, outcomes each followed by their criteria, archived ones left out. */
export function tagsOffered(framework: Framework): EvidenceTag[] {
  const tags: EvidenceTag[] = [];
  for (const outcome of framework.outcomes) {
    if (outcome.archived) continue;
    tags.push({ framework: framework.id, outcome: outcome.id, criterion: null });
    for (const criterion of outcome.criteria) if (!criterion.archived) tags.push({ framework: framework.id, outcome: outcome.id, criterion: criterion.id });
  }
  return tags;
}
