import type { PrivacyFinding, ScanOptions } from './findings.js';

/**
 * The user's own lists: names always flagged wherever they appear as whole words, whatever their
 * case (a patient's surname, "Jean Hartley"), and names never flagged (the user's own name, public
 * figures): a finding whose text holds one of those as a whole word is dropped. Each list is turned
 * into one regular expression once and kept while the same lists come back.
 */

interface CompiledLists {
  alwaysFlag: RegExp | null;
  neverFlag: RegExp | null;
}

const keptLists = new Map<string, CompiledLists>();

/** A pattern matching `phrase` literally, any run of spaces in it matching any run of spaces. */
const phrasePattern = (phrase: string): string =>
  phrase
    .trim()
    .split(/\s+/u)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');

const mostListsKept = 8;

function wholeWordsPattern(names: readonly string[]): RegExp | null {
  const phrases = [...new Set(names.map((name) => name.trim()).filter((name) => /[\p{L}\p{N}]/u.test(name)))].sort((a, b) => b.length - a.length);
  if (phrases.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.map(phrasePattern).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

function compiled(options: ScanOptions): CompiledLists {
  const key = JSON.stringify([options.alwaysFlag, options.neverFlag]);
  let lists = keptLists.get(key);
  if (lists === undefined) {
    lists = { alwaysFlag: wholeWordsPattern(options.alwaysFlag), neverFlag: wholeWordsPattern(options.neverFlag) };
    if (keptLists.size >= mostListsKept) keptLists.delete(keptLists.keys().next().value ?? '');
    keptLists.set(key, lists);
  }
  return lists;
}

export function findListedNames(text: string, options: ScanOptions): PrivacyFinding[] {
  const pattern = compiled(options).alwaysFlag;
  if (pattern === null) return [];
  return [...text.matchAll(pattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    kind: 'listed-name' as const,
    confidence: 'high' as const,
    text: match[0],
    reason: `‘${match[0]}’ is on your list of names to always flag.`,
  }));
}

/** Whether the text holds a name from the never-flag list as a whole word. */
export function holdsNeverFlagName(text: string, options: ScanOptions): boolean {
  const pattern = compiled(options).neverFlag;
  if (pattern === null) return false;
  pattern.lastIndex = 0;
  return pattern.test(text);
}
