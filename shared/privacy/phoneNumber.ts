import type { PrivacyFinding } from './findings.js';

/**
 * UK phone numbers: 07… mobiles, 01/02/03/08 landlines and service numbers, in the groupings
 * people write ("0161 496 0000", "(0161) 496 0000", "020 7946 0018", "07700 900123",
 * "+44 (0)7700 900112", "0044 7700 900517"). Within a run of digit groups, each group that could
 * start a number is read forward and the longest run of whole groups that makes a UK number is
 * taken, so "07700 900123 3 times" finds the number and "0700-1930 shifts" finds none. Short codes
 * (bleeps, extensions, "REF 0123-4567") are too short to be numbers. Whether a number is in use is
 * not checked: a mistyped or made-up number still reads as a phone number to anyone who sees it.
 */

const groupRun = /(?<![\p{L}\p{N}+./:-])(?:(?:\+|00)44[ -]?(?:\(0\)[ -]?)?|\(0\d{2,5}\)[ -]?)?\d+(?:[ -]\d+)*/gu;
const internationalPrefix = /^(?:\+|00)44[ -]?(?:\(0\)[ -]?)?/;
const digitGroup = /\d+/g;
const phoneWords = /\b(?:phone[ds]?|tel|telephone|mobile|call(?:ed|ing)?|ring|rang|text(?:ed)?|contact|landline|number)\b[^\d]{0,15}$/i;
const mostGroups = 4;

/** How many characters at the start of `run` make the longest UK phone number of whole digit groups, or 0. */
function numberLength(run: string): number {
  const prefix = internationalPrefix.exec(run)?.[0] ?? '';
  const international = prefix !== '';
  if (!international && !/^\(?0/.test(run)) return 0;
  let digits = '';
  let firstGroup = 0;
  let longest = 0;
  let count = 0;
  for (const group of run.slice(prefix.length).matchAll(digitGroup)) {
    count += 1;
    if (count > mostGroups || (count > 1 && group[0].length < 2)) break;
    if (count === 1) firstGroup = group[0].length;
    digits += group[0];
    const national = international ? digits.replace(/^0/, '') : digits.slice(1);
    if (national.length > 10) break;
    const fits = /^[1235789]/.test(national) && (national.length === 10 || (national.length === 9 && /^(?:1|80)/.test(national)));
    const grouped = count === 1 || international || (firstGroup >= 3 && firstGroup <= 6);
    if (fits && grouped) longest = prefix.length + group.index + group[0].length;
  }
  return longest;
}

export function findPhoneNumbers(text: string): PrivacyFinding[] {
  const findings: PrivacyFinding[] = [];
  for (const match of text.matchAll(groupRun)) {
    const run = match[0];
    let offset = 0;
    while (offset < run.length) {
      const length = numberLength(run.slice(offset));
      if (length === 0) {
        const next = /[ -]+/.exec(run.slice(offset));
        if (next === null) break;
        offset += next.index + next[0].length;
        continue;
      }
      const start = match.index + offset;
      const end = start + length;
      const found = text.slice(start, end);
      const mobile = /^(?:(?:\+|00)44[ -]?(?:\(0\)[ -]?)?|0)7/.test(found);
      const worded = phoneWords.test(text.slice(Math.max(0, start - 40), start));
      findings.push({
        start,
        end,
        kind: 'phone',
        confidence: mobile || worded ? 'high' : 'medium',
        text: found,
        reason: mobile ? 'Looks like a UK mobile phone number.' : 'Looks like a UK phone number.',
      });
      offset += length;
    }
  }
  return findings;
}
