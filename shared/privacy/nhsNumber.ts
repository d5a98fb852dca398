import type { PrivacyFinding } from './findings.js';

/**
 * NHS numbers: ten digits, written 3-3-4 with spaces or hyphens, or unbroken, whose last digit is
 * the Modulus 11 check digit of the first nine. About one random ten-digit number in eleven passes,
 * so the words "NHS number" (or "NHS no", "NHS #", "NHS:") just before or after raise confidence.
 * Ten digits that fail the check are left alone unless they sit right by those words: then they are
 * most likely a mistyped NHS number, which identifies a patient almost as well as the right one.
 */

/** The Modulus 11 check digit for the first nine digits, or null where none is possible (a remainder of 1). */
export function nhsCheckDigit(digits: string): number | null {
  let sum = 0;
  for (let index = 0; index < 9; index += 1) sum += (digits.charCodeAt(index) - 48) * (10 - index);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? null : check;
}

/** Whether ten digits (separators allowed) make a valid NHS number. */
export function isValidNhsNumber(text: string): boolean {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  return nhsCheckDigit(digits) === digits.charCodeAt(9) - 48;
}

/** Ten digits, 3-3-4 with one kind of separator or none, not part of a longer run of digits. */
const nhsShape = /(?<!\d|\d[-./,])\d{3}([ -]?)\d{3}\1\d{4}(?!\d|[-./,]\d)/g;
const labelBefore = /\bNHS(?:(?:\s*(?:no\b\.?|num\b\.?|number|#|:)|#)[^\d\n]{0,25}|\s+)$/i;
const labelAfter = /^[\s(]{0,3}NHS\s*(?:no\b|num\b|number)/i;

export function findNhsNumbers(text: string): PrivacyFinding[] {
  const findings: PrivacyFinding[] = [];
  for (const match of text.matchAll(nhsShape)) {
    const start = match.index;
    const end = start + match[0].length;
    const labelled = labelBefore.test(text.slice(Math.max(0, start - 60), start)) || labelAfter.test(text.slice(end, end + 20));
    if (isValidNhsNumber(match[0])) {
      findings.push({
        start,
        end,
        kind: 'nhs-number',
        confidence: labelled ? 'high' : 'medium',
        text: match[0],
        reason: labelled
          ? 'Looks like an NHS number: ten digits that pass the NHS check digit, next to the words ‘NHS number’.'
          : 'Looks like an NHS number: ten digits that pass the NHS check digit.',
      });
    } else if (labelled) {
      findings.push({
        start,
        end,
        kind: 'nhs-number',
        confidence: 'medium',
        text: match[0],
        reason: 'Ten digits next to the words ‘NHS number’ that fail the NHS check digit: perhaps a mistyped NHS number.',
      });
    }
  }
  return findings;
}
