/**
 * A sentence ends at ".", "!" or "?" followed by space and a capital or digit, or at a line break;
 * not after a title or a single letter ("Dr. Lee", "D.O.B. 12/03/48", "Mr J. Smith").
 */
const sentenceEnd = /\n|(?<![\s(.][A-Za-z]|\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|St|Sr|no|No|approx|e\.g|i\.e|D\.O\.B|d\.o\.b))[.!?]+["'”’)]*\s+(?=[\p{Lu}\d"'“‘(])/u;

/** Whether the text between two places crosses the end of a sentence. */
export const crossesSentence = (text: string, from: number, to: number): boolean => sentenceEnd.test(text.slice(from, to));
