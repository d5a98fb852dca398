import type { PrivacyFinding } from './findings.js';

/**
 * Email addresses, found from each "@" outwards (so a long word with no "@" costs nothing): a local
 * part of letters, digits and . _ % + ' - before it, a domain with at least one dot after it.
 */

const localCharacter = /[A-Za-z0-9._%+'-]/;
const domainCharacter = /[A-Za-z0-9.-]/;
const topLevel = /\.[A-Za-z]{2,}$/;

export function findEmailAddresses(text: string): PrivacyFinding[] {
  const findings: PrivacyFinding[] = [];
  let at = text.indexOf('@');
  let searchedTo = 0;
  while (at !== -1) {
    let start = at;
    while (start > searchedTo && localCharacter.test(text.charAt(start - 1))) start -= 1;
    while (start < at && /[.'-]/.test(text.charAt(start))) start += 1;
    let end = at + 1;
    while (end < text.length && domainCharacter.test(text.charAt(end))) end += 1;
    while (end > at + 1 && /[.-]/.test(text.charAt(end - 1))) end -= 1;
    const domain = text.slice(at + 1, end);
    if (start < at && domain.includes('.') && topLevel.test(domain) && !domain.includes('..')) {
      findings.push({ start, end, kind: 'email', confidence: 'high', text: text.slice(start, end), reason: 'Looks like an email address.' });
      searchedTo = end;
    } else {
      searchedTo = at + 1;
    }
    at = text.indexOf('@', Math.max(at + 1, searchedTo));
  }
  return findings;
}
