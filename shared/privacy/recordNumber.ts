import type { PrivacyFinding } from './findings.js';

/**
 * Hospital, case and record numbers: a number or code ("K123456", "2023/0456", "00451234",
 * "RXH-0042871") right after words that say what it is ("hospital number", "MRN", "case no.",
 * "patient ID", "Mosaic ID", "Datix", "ref"), allowing a few words between ("the hospital number
 * was J778812") and a list ("unit numbers A112233 and A112238"). National Insurance numbers
 * ("QQ 12 34 56 C") are flagged by their shape alone. Only the code is flagged, so a fix keeps the words.
 */

const label = [
  'hospital\\s+(?:numbers?|nos?\\b\\.?|num\\b\\.?)',
  'hosp\\.?\\s*no\\b\\.?',
  'unit\\s+(?:numbers?|nos?\\b\\.?)',
  'case\\s+(?:numbers?|nos?\\b\\.?|ref(?:erence)?\\b\\.?)',
  '(?:medical\\s+)?records?\\s+(?:numbers?|nos?\\b\\.?)',
  'MRNs?',
  '(?:patient|client|service\\s+user|resident|person)\\s+(?:ID|numbers?|nos?\\b\\.?)',
  '(?:Mosaic|EMIS|SystmOne|Rio|LAS|PAS|Liquidlogic|LCS)\\s+(?:ID|numbers?|nos?\\b\\.?|ref(?:erence)?\\b\\.?)',
  'CHI(?:\\s+(?:numbers?|nos?\\b\\.?))?',
  'H&C\\s+(?:numbers?|nos?\\b\\.?)',
  'Datix(?:\\s+(?:ID|numbers?|nos?\\b\\.?|ref(?:erence)?\\b\\.?))?',
  '(?:incident|referral)\\s+(?:numbers?|nos?\\b\\.?|ref(?:erence)?\\b\\.?)',
  '(?:reference|ref)(?:\\s+(?:numbers?|nos?\\b\\.?))?\\.?',
  '(?:NI|national\\s+insurance)\\s+(?:numbers?|nos?\\b\\.?)',
  'URN',
].join('|');

/** A label, then up to one linking word ("is", "was", "as") and punctuation, up to where a code may start. */
const labelled = new RegExp(`(?<![\\p{L}\\p{N}])(?:${label})(?![\\p{L}])(?:[\\s:#=(,]*(?:is|was|as|of|being)(?=\\s))?[\\s:#=(,]*`, 'giu');
/** A code: capitals and digits, with / or - inside ("K123456", "SC/2024/1187", "CAD 240617-0081"), or a National Insurance number. */
const code = /(?:[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]|(?:[A-Z]{2,4} (?=\d{3}))?[A-Z\d](?:[A-Z\d/-]*[A-Z\d])?)(?![\p{L}\p{N}])/uy;
const listJoin = /\s*(?:,|and|or|&)\s*/y;
const nationalInsurance = /(?<![\p{L}\p{N}])[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\p{L}\p{N}])/gu;

const digitCount = (text: string) => text.replace(/\D/g, '').length;
const looksLikeACode = (found: string) => digitCount(found) >= 4 || (/^[A-Z]/.test(found) && digitCount(found) >= 3);

function codeAt(text: string, at: number): string | null {
  code.lastIndex = at;
  const match = code.exec(text);
  return match !== null && looksLikeACode(match[0]) ? match[0] : null;
}

export function findRecordNumbers(text: string): PrivacyFinding[] {
  const findings: PrivacyFinding[] = [];
  for (const match of text.matchAll(labelled)) {
    const labelText = match[0].replace(/[\s:#=(,]+$/, '').replace(/\s+(?:is|was|as|of|being)$/i, '');
    let at = match.index + match[0].length;
    let found = codeAt(text, at);
    while (found !== null) {
      findings.push({
        start: at,
        end: at + found.length,
        kind: 'record-number',
        confidence: 'high',
        text: found,
        reason: `A number after ‘${labelText}’, so it may identify someone’s record.`,
      });
      at += found.length;
      listJoin.lastIndex = at;
      const join = listJoin.exec(text);
      if (join === null) break;
      found = codeAt(text, at + join[0].length);
      if (found !== null) at += join[0].length;
    }
  }
  for (const match of text.matchAll(nationalInsurance)) {
    const start = match.index;
    if (findings.some((finding) => finding.start === start)) continue;
    findings.push({
      start,
      end: start + match[0].length,
      kind: 'record-number',
      confidence: 'medium',
      text: match[0],
      reason: 'Looks like a National Insurance number.',
    });
  }
  return findings;
}
