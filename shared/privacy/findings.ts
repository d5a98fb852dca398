/**
 * What the privacy scanner reports: places in a plain text that may identify a patient, service
 * user or colleague. The scanner itself is `scanText` in ./scanner.ts (pure: text in, findings out).
 */
export const findingKinds = ['nhs-number', 'date-of-birth', 'postcode', 'phone', 'email', 'titled-name', 'record-number', 'listed-name'] as const;
export type FindingKind = (typeof findingKinds)[number];

/** How sure the scanner is: `high` when the shape and its context agree, `medium` on shape alone. */
export type FindingConfidence = 'high' | 'medium';

export interface PrivacyFinding {
  /** UTF-16 offsets into the scanned text, `end` exclusive. */
  start: number;
  end: number;
  kind: FindingKind;
  confidence: FindingConfidence;
  /** The matched text, exactly as it appears. */
  text: string;
  /** One plain UK-English sentence saying why this was flagged, e.g. "Looks like an NHS number: ten digits that pass the NHS check digit." */
  reason: string;
}

export interface ScanOptions {
  /** Words or names always flagged where they appear as whole words, case-insensitively (e.g. patients' surnames). */
  alwaysFlag: readonly string[];
  /**
   * Names never flagged (e.g. the user's own name, public figures): a name with a title that holds
   * one is dropped. It clears nothing else, and never a name on the always-flag list.
   */
  neverFlag: readonly string[];
}

export const noScanLists: ScanOptions = { alwaysFlag: [], neverFlag: [] };

/** Names for each kind, as the interface shows them. */
export const findingKindNames: Record<FindingKind, string> = {
  'nhs-number': 'NHS number',
  'date-of-birth': 'Date of birth',
  postcode: 'Postcode',
  phone: 'Phone number',
  email: 'Email address',
  'titled-name': 'Name',
  'record-number': 'Hospital or case number',
  'listed-name': 'Name on your always-flag list',
};
