import type { PrivacyFinding } from './findings.js';

/**
 * Full UK postcodes (outward code, optional space, inward code: "SW1A 1AA", "M1 1AE", "DN55 1PT"),
 * in the letters each position allows. In capitals they are flagged as they are; in small letters
 * only when spaced and not ending like an ordinal ("b12 2nd dose" is not a postcode), or when the
 * word "postcode" is close by. An outward code alone ("LS6") is flagged only next to "postcode".
 */

const outward = '(?:[A-PR-UWYZ][A-HK-Y]\\d[ABEHMNPRVWXY]|[A-PR-UWYZ]\\d[A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y]\\d\\d?|[A-PR-UWYZ]\\d\\d?|GIR)';
const inward = '\\d[ABD-HJLNP-UW-Z]{2}';
const fullPostcode = new RegExp(`(?<![\\p{L}\\p{N}])${outward}( ?)${inward}(?![\\p{L}\\p{N}])`, 'giu');
const outwardOnly = new RegExp(`(?<![\\p{L}\\p{N}])${outward}(?![\\p{L}\\p{N}])`, 'gu');
const ordinalEnding = /\d(?:st|nd|rd|th)$/i;
const postcodeBefore = /\bpost\s?codes?\b(?:\s+(?:area|district|is|was|of|covers?))*[\s:]*$/i;
const postcodeAfter = /^\s+post\s?codes?\b/i;
const addressNear = /\b(?:post\s?code|address|lives?|living|lived|moved)\b/i;

export function findPostcodes(text: string): PrivacyFinding[] {
  const findings: PrivacyFinding[] = [];
  for (const match of text.matchAll(fullPostcode)) {
    const start = match.index;
    const end = start + match[0].length;
    const found = match[0];
    const nearby = text.slice(Math.max(0, start - 40), start);
    const capitals = found === found.toUpperCase();
    const spaced = match[1] === ' ';
    if (!capitals && !(spaced && !ordinalEnding.test(found)) && !/post\s?code/i.test(nearby)) continue;
    const context = addressNear.test(nearby);
    findings.push({
      start,
      end,
      kind: 'postcode',
      confidence: context ? 'high' : 'medium',
      text: found,
      reason: context ? 'Looks like a full UK postcode, next to words about where someone lives.' : 'Looks like a full UK postcode.',
    });
  }
  if (/post\s?code/i.test(text)) {
    for (const match of text.matchAll(outwardOnly)) {
      const start = match.index;
      const end = start + match[0].length;
      if (findings.some((finding) => finding.start <= start && finding.end >= end)) continue;
      if (!postcodeBefore.test(text.slice(Math.max(0, start - 40), start)) && !postcodeAfter.test(text.slice(end, end + 20))) continue;
      findings.push({
        start,
        end,
        kind: 'postcode',
        confidence: 'medium',
        text: match[0],
        reason: 'Looks like the first half of a UK postcode, next to the word ‘postcode’.',
      });
    }
  }
  return findings;
}
