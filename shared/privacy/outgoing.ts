import type { EditorNode } from '../document/editorJson.js';
import type { FindingConfidence, FindingKind, ScanOptions } from './findings.js';
import { type PortfolioPrivacy, dismissedKeys, occurrenceIn, occurrenceKey } from './privacySettings.js';
import { scanText } from './scanner.js';

/**
 * The check before anything leaves the machine (a Word file, a share file, a feedback file): the
 * scanner runs over exactly the text that will leave, paragraph by paragraph, each paragraph with
 * the place a reader would find it. Occurrences the user dismissed in the editor are not listed again.
 */

/** A run of paragraphs that leave together, and where they are ("Weekly log, w/c 7 Oct 2019 › What happened"). */
export interface OutgoingPiece {
  place: string;
  paragraphs: readonly string[];
}

export interface OutgoingFinding {
  kind: FindingKind;
  confidence: FindingConfidence;
  text: string;
  reason: string;
  place: string;
  /** A few words either side, so the list shows the finding in its sentence ("…" where the paragraph goes on). */
  before: string;
  after: string;
}

export interface OutgoingCheck {
  /** At most `outgoingFindingsShown` of them, in the order they leave. */
  findings: OutgoingFinding[];
  /** How many there are in all (more than are listed when there are very many). */
  total: number;
  /** How many findings were left out because the user had dismissed them. */
  dismissed: number;
  /** Changes whenever the findings do: a confirmation names the findings it saw. */
  fingerprint: string;
}

/** At most this many findings are listed; `total` says how many there are. */
export const outgoingFindingsShown = 500;

const contextChars = 40;

/** Leaf nodes with no text of their own. A line break reads as a new line. */
const leafText = (node: EditorNode) => (node.type === 'hardBreak' ? '\n' : '');

/**
 * The text of each paragraph (each block holding text) of an editor document, in order, and after
 * them the address of every link (decoded), which leaves with the text though nobody reads it there.
 */
export function docParagraphs(doc: EditorNode): string[] {
  const paragraphs: string[] = [];
  const links: string[] = [];
  const linksOf = (node: EditorNode) => {
    for (const mark of node.marks ?? []) {
      const href = mark.type === 'link' ? mark.attrs?.['href'] : undefined;
      if (typeof href === 'string' && href.trim() !== '' && !links.includes(href)) links.push(href);
    }
  };
  const visit = (node: EditorNode): void => {
    const children = node.content ?? [];
    if (children.some((child) => child.type === 'text' || child.type === 'hardBreak') || node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock') {
      children.forEach(linksOf);
      const text = children.map((child) => (child.type === 'text' ? (child.text ?? '') : leafText(child))).join('');
      if (text.trim() !== '') paragraphs.push(text);
      return;
    }
    for (const child of children) visit(child);
  };
  visit(doc);
  return [...paragraphs, ...links.map(readableAddress)];
}

/** A link's address as a person would read it: percent-escapes decoded where they are valid. */
export function readableAddress(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/** A short, stable fingerprint (53-bit FNV-style hash, hex): not a security measure, a "same list?" check. */
export function fingerprintOf(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

export const scanListsOf = (privacy: PortfolioPrivacy): ScanOptions => ({ alwaysFlag: privacy.alwaysFlag, neverFlag: privacy.neverFlag });

/** Runs the scanner over every paragraph that will leave. */
export function checkOutgoing(pieces: Iterable<OutgoingPiece>, privacy: PortfolioPrivacy): OutgoingCheck {
  const options = scanListsOf(privacy);
  const skip = dismissedKeys(privacy.dismissed);
  const findings: OutgoingFinding[] = [];
  let dismissed = 0;
  let total = 0;
  const keys: string[] = [];
  for (const piece of pieces) {
    for (const paragraph of piece.paragraphs) {
      for (const finding of scanText(paragraph, options)) {
        if (skip.has(occurrenceKey(occurrenceIn(paragraph, finding)))) {
          dismissed += 1;
          continue;
        }
        total += 1;
        keys.push(`${finding.kind}\u0000${finding.text}\u0000${piece.place}`);
        if (findings.length >= outgoingFindingsShown) continue;
        findings.push({
          kind: finding.kind,
          confidence: finding.confidence,
          text: finding.text,
          reason: finding.reason,
          place: piece.place,
          before: (finding.start > contextChars ? '…' : '') + paragraph.slice(Math.max(0, finding.start - contextChars), finding.start),
          after: paragraph.slice(finding.end, finding.end + contextChars) + (finding.end + contextChars < paragraph.length ? '…' : ''),
        });
      }
    }
  }
  return { findings, total, dismissed, fingerprint: fingerprintOf(`${total}\u0001${keys.join('\u0001')}`) };
}

/** Whether a confirmation still stands: it named exactly the findings there are now, or there are none. */
export const confirmationStands = (check: OutgoingCheck, confirmed: string | null): boolean => check.findings.length === 0 || confirmed === check.fingerprint;
