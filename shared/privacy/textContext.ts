/**
 * Small helpers the scanner's detectors share for looking around a match: whether two places are
 * in the same sentence, and whether a piece of text is a whole word.
 */

/**
 * A sentence ends at ".", "!" or "?" followed by space and a capital or digit, or at a line break;
 * not after a title or a single letter ("Dr. Lee", "D.O.B. 12/03/48", "Mr J. Smith").
 */
const sentenceEnd = /\n|(?<![\s(.][A-Za-z]|\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|St|Sr|no|No|approx|e\.g|i\.e|D\.O\.B|d\.o\.b))[.!?]+["'”’)]*\s+(?=[\p{Lu}\d"'“‘(])/u;

const sentenceEnds = new RegExp(sentenceEnd.source, 'gu');

/** Whether the text between two places crosses the end of a sentence. */
export const crossesSentence = (text: string, from: number, to: number): boolean => sentenceEnd.test(text.slice(from, to));

/** Up to `chars` characters before `at`, cut at the start of the sentence `at` is in. */
export function sentenceBefore(text: string, at: number, chars: number): string {
  const window = text.slice(Math.max(0, at - chars), at);
  let cut = 0;
  for (const match of window.matchAll(sentenceEnds)) cut = match.index + match[0].length;
  return window.slice(cut);
}

/** Up to `chars` characters after `at`, cut at the end of the sentence `at` is in. */
export function sentenceAfter(text: string, at: number, chars: number): string {
  const window = text.slice(at, at + chars);
  const end = sentenceEnd.exec(window);
  return end === null ? window : window.slice(0, end.index + 1);
}

const wordCharacter = /[\p{L}\p{N}]/u;

/** Whether the characters either side of [start, end) are not letters or digits. */
export const isWholeWord = (text: string, start: number, end: number): boolean =>
  !wordCharacter.test(text.charAt(start - 1)) && !wordCharacter.test(text.charAt(end));

/** A regular-expression source matching `phrase` literally, with any run of spaces matching any run of spaces. */
export const phrasePattern = (phrase: string): string =>
  phrase
    .trim()
    .split(/\s+/u)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
