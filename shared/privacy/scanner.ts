import type { FindingKind, PrivacyFinding, ScanOptions } from './findings.js';
import { findDatesOfBirth } from './dateOfBirth.js';
import { findEmailAddresses } from './emailAddress.js';
import { findListedNames, holdsNeverFlagName } from './nameLists.js';
import { findNhsNumbers } from './nhsNumber.js';
import { findPhoneNumbers } from './phoneNumber.js';
import { findPostcodes } from './postcode.js';
import { findRecordNumbers } from './recordNumber.js';
import { findTitledNames } from './titledName.js';

/**
 * The privacy scanner: places in a plain text that may identify a patient, service user or
 * colleague (see docs/privacy-scan.md for what each kind covers). Pure and linear in the text:
 * every detector is a precompiled regular expression or a scan from a marker character, run only
 * when the text holds what it needs (a digit, an "@", a capital). Where two findings overlap, the
 * longer is kept (it holds the other: "Mrs Patel" over the listed "Patel", "+44 943 476 5919" over
 * an NHS-shaped tail); at equal length the surer, then the more specific kind.
 */

/** Which kind wins when two findings of the same length and confidence cover the same text. */
const precedence: readonly FindingKind[] = ['nhs-number', 'email', 'record-number', 'date-of-birth', 'phone', 'postcode', 'titled-name', 'listed-name'];
const hasDigit = /\d/;
const hasCapital = /\p{Lu}/u;
const hasTitle = /(?:^|[^\p{L}])(?:mr|mrs|ms|miss|mx|master|dr|doctor|prof|professor|sister|sr|nurse)\.?[ \t]/iu;

function candidates(text: string, options: ScanOptions): PrivacyFinding[] {
  const found: PrivacyFinding[] = [];
  if (hasDigit.test(text)) {
    found.push(...findNhsNumbers(text), ...findDatesOfBirth(text), ...findPhoneNumbers(text), ...findRecordNumbers(text));
    if (hasCapital.test(text) || /post\s?code/i.test(text)) found.push(...findPostcodes(text));
  }
  if (text.includes('@')) found.push(...findEmailAddresses(text));
  if (hasTitle.test(text)) found.push(...findTitledNames(text));
  found.push(...findListedNames(text, options));
  return found;
}

const rank = (finding: PrivacyFinding) => [-(finding.end - finding.start), finding.confidence === 'high' ? 0 : 1, precedence.indexOf(finding.kind), finding.start];

function compareRank(a: PrivacyFinding, b: PrivacyFinding): number {
  const left = rank(a);
  const right = rank(b);
  for (let index = 0; index < left.length; index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

const overlaps = (a: PrivacyFinding, b: PrivacyFinding) => a.start < b.end && b.start < a.end;

/** Among findings that overlap one another, the best by rank; a listed name inside a kept finding makes it sure. */
function resolveCluster(cluster: PrivacyFinding[], kept: PrivacyFinding[]): void {
  if (cluster.length === 1) {
    kept.push(...cluster);
    return;
  }
  const chosen: PrivacyFinding[] = [];
  for (const finding of cluster.sort(compareRank)) {
    const holder = chosen.findIndex((other) => overlaps(other, finding));
    const other = chosen[holder];
    if (other === undefined) {
      chosen.push(finding);
    } else if (finding.kind === 'listed-name' && other.confidence === 'medium' && other.start <= finding.start && other.end >= finding.end) {
      // A name the user listed inside a longer finding ("Dr Lee" with "Lee" listed) makes that finding sure.
      chosen[holder] = { ...other, confidence: 'high' };
    }
  }
  kept.push(...chosen);
}

/** Findings in `text`, sorted by where they start, none overlapping. */
export function scanText(text: string, options: ScanOptions): PrivacyFinding[] {
  // The never-flag list only clears names with a title: a name the user listed to always flag, an
  // email address or a number is never cleared by it.
  const found = candidates(text, options).filter((finding) => finding.kind !== 'titled-name' || !holdsNeverFlagName(finding.text, options));
  if (found.length < 2) return found;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PrivacyFinding[] = [];
  let cluster: PrivacyFinding[] = [];
  let clusterEnd = -1;
  for (const finding of found) {
    if (finding.start >= clusterEnd && cluster.length > 0) {
      resolveCluster(cluster, kept);
      cluster = [];
    }
    cluster.push(finding);
    clusterEnd = Math.max(clusterEnd, finding.end);
  }
  resolveCluster(cluster, kept);
  return kept.sort((a, b) => a.start - b.start);
}

export interface BlockScannerSettings {
  /** How many different block texts to remember (least recently seen forgotten first). */
  mostBlocksKept?: number;
  /** The scan run on a block not seen before (tests count calls through it). */
  scanBlock?: (text: string, options: ScanOptions) => PrivacyFinding[];
}

/**
 * Scans an editor's blocks (paragraphs) as the user types: each block's findings are remembered by
 * its text, so after a keystroke only the changed block is scanned again. Findings never span
 * blocks; their offsets are within their block. One scanner holds one set of lists: new lists, new scanner.
 */
export class BlockScanner {
  private readonly kept = new Map<string, readonly PrivacyFinding[]>();
  private readonly mostBlocksKept: number;
  private readonly scanBlock: (text: string, options: ScanOptions) => PrivacyFinding[];

  constructor(
    readonly lists: ScanOptions,
    settings: BlockScannerSettings = {},
  ) {
    this.mostBlocksKept = Math.max(1, settings.mostBlocksKept ?? 4096);
    this.scanBlock = settings.scanBlock ?? scanText;
  }

  /** One block's findings, or each block's findings in order. The arrays are shared: do not change them. */
  scan(block: string): readonly PrivacyFinding[];
  scan(blocks: readonly string[]): (readonly PrivacyFinding[])[];
  scan(blocks: string | readonly string[]): readonly PrivacyFinding[] | (readonly PrivacyFinding[])[] {
    if (typeof blocks === 'string') return this.findingsIn(blocks);
    return blocks.map((block) => this.findingsIn(block));
  }

  /** How many block texts are remembered now. */
  get size(): number {
    return this.kept.size;
  }

  private findingsIn(block: string): readonly PrivacyFinding[] {
    const known = this.kept.get(block);
    if (known !== undefined) {
      this.kept.delete(block);
      this.kept.set(block, known);
      return known;
    }
    const findings = Object.freeze(this.scanBlock(block, this.lists));
    this.kept.set(block, findings);
    if (this.kept.size > this.mostBlocksKept) this.kept.delete(this.kept.keys().next().value ?? '');
    return findings;
  }
}
