import { z } from 'zod';
import { type FindingKind, findingKinds } from './findings.js';

/** Limits on what the privacy settings may hold, so a damaged or hostile file cannot grow without end. */
export const privacyLimits = {
  listNames: 500,
  nameLength: 80,
  dismissals: 5_000,
  findingText: 200,
  context: 40,
} as const;

const listNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(privacyLimits.nameLength)
  .refine((name) => !/[\u0000-\u001f]/.test(name), 'A name cannot hold control characters.');

export const privacyListsSchema = z.object({
  /** Names or words always flagged, e.g. the surnames of people the user cares for. */
  alwaysFlag: z.array(listNameSchema).max(privacyLimits.listNames),
  /** Names or words never flagged, e.g. the user's own name and public figures. */
  neverFlag: z.array(listNameSchema).max(privacyLimits.listNames),
});
export type PrivacyLists = z.infer<typeof privacyListsSchema>;

/**
 * One flagged occurrence the user decided is not an identifier. It is known by what was flagged
 * and the words either side of it in the same paragraph, so it stays dismissed while the rest of
 * the entry changes, and the same passage is not flagged again when it leaves in a Word file.
 */
export const dismissedFindingSchema = z.object({
  id: z.string().min(1).max(64),
  entryId: z.string().min(1).max(64),
  kind: z.enum(findingKinds),
  text: z.string().min(1).max(privacyLimits.findingText),
  before: z.string().max(privacyLimits.context),
  after: z.string().max(privacyLimits.context),
  dismissedAt: z.string().max(40),
});
export type DismissedFinding = z.infer<typeof dismissedFindingSchema>;

export const portfolioPrivacySchema = privacyListsSchema.extend({
  dismissed: z.array(dismissedFindingSchema).max(privacyLimits.dismissals),
});
export type PortfolioPrivacy = z.infer<typeof portfolioPrivacySchema>;

export const emptyPrivacy = (): PortfolioPrivacy => ({ alwaysFlag: [], neverFlag: [], dismissed: [] });

/** The identity of an occurrence: its kind, its text and up to `context` characters either side in its paragraph. */
export interface Occurrence {
  kind: FindingKind;
  text: string;
  before: string;
  after: string;
}

/** The occurrence of `range` within one paragraph's text. */
export function occurrenceIn(blockText: string, range: { start: number; end: number; kind: FindingKind }): Occurrence {
  return {
    kind: range.kind,
    text: blockText.slice(range.start, range.end).slice(0, privacyLimits.findingText),
    before: blockText.slice(Math.max(0, range.start - privacyLimits.context), range.start),
    after: blockText.slice(range.end, range.end + privacyLimits.context),
  };
}

export const occurrenceKey = (occurrence: Occurrence): string => JSON.stringify([occurrence.kind, occurrence.text, occurrence.before, occurrence.after]);

/** Keys of every dismissed occurrence, for looking findings up as they are found. */
export function dismissedKeys(dismissed: readonly DismissedFinding[]): Set<string> {
  return new Set(dismissed.map(occurrenceKey));
}

/** Tidies a list as typed: trimmed, blanks dropped, duplicates (ignoring case) kept once, in the order given. */
export function tidyNameList(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const tidy: string[] = [];
  for (const raw of names) {
    const name = raw.replace(/\s+/g, ' ').trim();
    const key = name.toLocaleLowerCase('en-GB');
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    tidy.push(name);
  }
  return tidy;
}
