import type { FindingKind, PrivacyFinding } from './findings.js';

/**
 * What a finding is replaced with when the user fixes it: "[patient A]", "[patient B]"… for names
 * (the same name keeps its letter through an entry), and a plain label for everything else.
 */

const labels: Record<Exclude<FindingKind, 'titled-name' | 'listed-name'>, string> = {
  'nhs-number': '[NHS number]',
  'date-of-birth': '[date of birth]',
  postcode: '[postcode]',
  phone: '[phone number]',
  email: '[email address]',
  'record-number': '[record number]',
};

const isName = (kind: FindingKind): kind is 'titled-name' | 'listed-name' => kind === 'titled-name' || kind === 'listed-name';

/** A, B, … Z, then AA, AB, … as spreadsheet columns go. */
export function patientLetter(index: number): string {
  let letters = '';
  for (let rest = Math.max(0, Math.floor(index)) + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** The placeholder for a kind; names take a letter (0 → "[patient A]"). */
export function placeholderFor(kind: FindingKind, letterIndex = 0): string {
  return isName(kind) ? `[patient ${patientLetter(letterIndex)}]` : labels[kind];
}

const title = /^(?:mrs|mr|ms|miss|mx|master|dr|doctor|prof|professor|sister|sr|nurse)\.?\s+/iu;
const initials = /^(?:\p{Lu}(?:\.\s*|\s+))+/u;

/**
 * Who a name finding names, for giving the same person the same letter: the last word without the
 * title and initials, in small letters ("Mrs Patel", "Mr R. Patel" and a listed "patel" are all "patel").
 */
export function nameKey(text: string): string {
  const bare = text.trim().replace(title, '').replace(initials, '').replace(/[’]/g, "'");
  const words = bare.split(/\s+/u).filter((word) => word !== '');
  return (words.at(-1) ?? bare).toLocaleLowerCase('en-GB');
}

export interface Placeholder {
  placeholder: string;
  /** The names replaced so far in this text, in order of their letters, including this one. */
  names: readonly string[];
}

/**
 * The placeholder for a finding, given the names already replaced in the same entry (as `nameKey`s,
 * in letter order): a name seen before gets its letter again, a new name the next letter.
 */
export function placeholderForFinding(finding: Pick<PrivacyFinding, 'kind' | 'text'>, namesSoFar: readonly string[]): Placeholder {
  if (!isName(finding.kind)) return { placeholder: placeholderFor(finding.kind), names: namesSoFar };
  const key = nameKey(finding.text);
  const known = namesSoFar.indexOf(key);
  if (known !== -1) return { placeholder: placeholderFor(finding.kind, known), names: namesSoFar };
  return { placeholder: placeholderFor(finding.kind, namesSoFar.length), names: [...namesSoFar, key] };
}

const placedLetter = /\[patient ([A-Z]{1,3})\]/g;

/** The index of a letter as `patientLetter` writes it: "A" → 0, "AA" → 26. */
export function letterIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/**
 * The names list to start from in a text that already holds "[patient X]" placeholders (from an
 * earlier session, when the names themselves are gone): each letter in use keeps its place, so a
 * new name never takes a letter already standing for someone else.
 */
export function replacedNamesIn(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(placedLetter)) {
    const index = letterIndex(match[1] ?? 'A');
    while (names.length <= index) names.push(`[patient ${patientLetter(names.length)}]`);
  }
  return names;
}
