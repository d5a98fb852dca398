import search from 'approx-string-match';
import type { EditorDoc, EditorNode } from '../document/editorJson.js';
import type { EntrySections } from '../portfolio/weeklyLog.js';
import type { TextAnchor } from './sharing.js';
import { sharingLimits } from './sharingLimits.js';

/**
 * Comments are anchored to words, not positions (W3C Web Annotation's TextQuoteSelector): the
 * quoted passage with a little text either side. These functions work on the editor's stored JSON
 * and give ProseMirror positions, so the same code places a passage in the mentor's read-only view,
 * in the author's live editor and in an export.
 */

/** Nodes with no content of their own: one position each. */
const leafTypes = new Set(['hardBreak', 'horizontalRule', 'image']);
/** Nodes holding text directly; their text is followed by a newline. */
const textBlockTypes = new Set(['paragraph', 'heading', 'codeBlock', 'ideaBlock']);

/** How much text either side of a quote an anchor keeps. */
export const anchorContextChars = 32;

/**
 * A section's text, one character per character of the document, with the ProseMirror position
 * before each. Each block of text ends in "\n" (placed at the block's end); a line break is "\n".
 */
export interface SectionText {
  text: string;
  /** positions[i] is the document position before text[i]. */
  positions: number[];
}

export function sectionText(doc: EditorNode): SectionText {
  const chars: string[] = [];
  const positions: number[] = [];
  /** Lays `node` out starting at document position `at`; returns its size. */
  const layOut = (node: EditorNode, at: number): number => {
    if (node.type === 'text') {
      const text = node.text ?? '';
      for (let i = 0; i < text.length; i += 1) {
        chars.push(text[i] as string);
        positions.push(at + i);
      }
      return text.length;
    }
    if (leafTypes.has(node.type)) {
      if (node.type === 'hardBreak') {
        chars.push('\n');
        positions.push(at);
      }
      return 1;
    }
    let size = 0;
    for (const child of node.content ?? []) size += layOut(child, at + 1 + size);
    const holdsText = textBlockTypes.has(node.type) || (node.content ?? []).some((child) => child.type === 'text');
    if (holdsText) {
      chars.push('\n');
      positions.push(at + 1 + size);
    }
    return size + 2;
  };
  // The document node itself has no opening position: its content starts at 0.
  let size = 0;
  for (const child of doc.content ?? []) size += layOut(child, size);
  return { text: chars.join(''), positions };
}

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

/**
 * The anchor for the document range from `from` to `to` (ProseMirror positions), trimmed of
 * surrounding white space; null when the range holds no text.
 */
export function anchorForRange(doc: EditorDoc, sectionId: string, from: number, to: number): TextAnchor | null {
  const { text, positions } = sectionText(doc);
  let start = positions.findIndex((position) => position >= from);
  if (start < 0) return null;
  let end = start;
  while (end < positions.length && (positions[end] as number) < to) end += 1;
  while (start < end && isSpace(text[start])) start += 1;
  while (end > start && isSpace(text[end - 1])) end -= 1;
  if (end <= start) return null;
  // A very long selection keeps its start: enough to find it again, and a reader sees where it begins.
  const quoteEnd = Math.min(end, start + sharingLimits.quote);
  return {
    sectionId,
    quote: text.slice(start, quoteEnd),
    prefix: text.slice(Math.max(0, start - anchorContextChars), start),
    suffix: text.slice(quoteEnd, quoteEnd + anchorContextChars),
  };
}

/**
 * Where an anchor is now:
 * - `exact`: the quoted words are there unchanged (perhaps moved, perhaps in another section);
 * - `edited`: the passage is there but its words have changed; `text` is what it says now;
 * - `gone`: the passage cannot be found; the comment belongs to the entry as a whole.
 */
export type AnchorMatch = { state: 'exact' | 'edited'; sectionId: string; from: number; to: number; text: string } | { state: 'gone' };

/** How many characters of `context` match `text` next to the quote, reading away from it. */
function contextScore(context: string, text: string, index: number, direction: 'before' | 'after'): number {
  let score = 0;
  if (direction === 'before') {
    while (score < context.length && index - score - 1 >= 0 && context[context.length - 1 - score] === text[index - score - 1]) score += 1;
  } else {
    while (score < context.length && index + score < text.length && context[score] === text[index + score]) score += 1;
  }
  return score;
}

interface Candidate {
  start: number;
  end: number;
  score: number;
}

const maxOccurrences = 1_000;

function exactMatches(text: string, anchor: TextAnchor): Candidate[] {
  const found: Candidate[] = [];
  let at = text.indexOf(anchor.quote);
  while (at >= 0 && found.length < maxOccurrences) {
    const end = at + anchor.quote.length;
    found.push({ start: at, end, score: contextScore(anchor.prefix, text, at, 'before') + contextScore(anchor.suffix, text, end, 'after') });
    at = text.indexOf(anchor.quote, at + 1);
  }
  return found;
}

/**
 * The quote with up to a quarter of its characters changed. Candidates are weighed as Hypothesis
 * weighs them: closeness of the words most, then how much of each neighbour still matches. A short
 * quote found only loosely needs its neighbours to agree, or any similar words would do.
 */
function fuzzyMatch(text: string, anchor: TextAnchor): Candidate | null {
  if (anchor.quote.length < 4 || text.length === 0) return null;
  const maxErrors = Math.floor(anchor.quote.length / 4);
  if (maxErrors === 0) return null;
  const share = (matched: number, length: number) => (length === 0 ? 1 : matched / length);
  let best: (Candidate & { rank: number }) | null = null;
  for (const match of search(text, anchor.quote, maxErrors).slice(0, maxOccurrences)) {
    const before = contextScore(anchor.prefix, text, match.start, 'before');
    const after = contextScore(anchor.suffix, text, match.end, 'after');
    if (anchor.quote.length < 20 && before + after < 8) continue;
    const rank = 50 * (1 - match.errors / anchor.quote.length) + 20 * share(before, anchor.prefix.length) + 20 * share(after, anchor.suffix.length);
    if (!best || rank > best.rank) best = { start: match.start, end: match.end, score: before + after, rank };
  }
  return best ? widenToContext(text, anchor, best, maxErrors) : null;
}

/**
 * The matcher reports the closest stretch of text, which can stop short of an edited word's end
 * ("said sorr" for "said sorrie"); where the anchor's neighbours sit just beyond, the match is
 * widened to meet them.
 */
function widenToContext(text: string, anchor: TextAnchor, candidate: Candidate, slack: number): Candidate {
  const probe = 8;
  let { start, end } = candidate;
  if (anchor.suffix.length >= probe) {
    const suffixAt = text.indexOf(anchor.suffix.slice(0, probe), end);
    if (suffixAt >= 0 && suffixAt - end <= slack) end = suffixAt;
  }
  if (anchor.prefix.length >= probe) {
    const prefixAt = text.lastIndexOf(anchor.prefix.slice(-probe), start - probe);
    if (prefixAt >= 0 && start - (prefixAt + probe) <= slack && prefixAt + probe <= start) start = prefixAt + probe;
  }
  return { ...candidate, start, end };
}

/** The text between the anchor's prefix and suffix, when both (or the section's edge) are still there. */
function bracketMatch(text: string, anchor: TextAnchor): Candidate | null {
  const minContext = 8;
  const prefix = anchor.prefix.slice(-anchorContextChars);
  const suffix = anchor.suffix.slice(0, anchorContextChars);
  if (prefix.length < minContext && suffix.length < minContext) return null;
  const maxGap = anchor.quote.length * 3 + 200;
  const starts: number[] = [];
  if (prefix.length >= minContext) {
    for (let at = text.indexOf(prefix); at >= 0 && starts.length < maxOccurrences; at = text.indexOf(prefix, at + 1)) starts.push(at + prefix.length);
  } else if (anchor.prefix.length === 0) {
    starts.push(0);
  }
  let best: Candidate | null = null;
  for (const start of starts) {
    let end: number;
    if (suffix.length >= minContext) {
      end = text.indexOf(suffix, start);
      if (end < 0) continue;
    } else if (anchor.suffix.trim().length === 0) {
      end = text.length;
    } else {
      continue;
    }
    if (end - start > maxGap || end <= start) continue;
    if (!best || end - start < best.end - best.start) best = { start, end, score: 0 };
  }
  return best;
}

/** Levenshtein distance, or null when the strings are too long to compare cheaply. */
function editDistance(a: string, b: string): number | null {
  if (a.length * b.length > 4_000_000) return null;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * Of the approximate match and the text between the neighbours, the one more like the passage as
 * it was: closeness of the words (half the weight), then whether each neighbour still adjoins it.
 * Words added inside a passage make the approximate match stop short; the neighbours then win.
 */
function closerOf(text: string, anchor: TextAnchor, fuzzy: Candidate | null, bracket: Candidate | null): Candidate | null {
  if (!fuzzy || !bracket) return fuzzy ?? bracket;
  const rank = (candidate: Candidate) => {
    const distance = editDistance(anchor.quote, text.slice(candidate.start, candidate.end));
    if (distance === null) return null;
    const longer = Math.max(anchor.quote.length, candidate.end - candidate.start, 1);
    const adjoins = (context: string, direction: 'before' | 'after') =>
      context.length === 0 ? 1 : contextScore(context, text, direction === 'before' ? candidate.start : candidate.end, direction) / context.length;
    return 50 * (1 - distance / longer) + 20 * adjoins(anchor.prefix, 'before') + 20 * adjoins(anchor.suffix, 'after');
  };
  const fuzzyRank = rank(fuzzy);
  const bracketRank = rank(bracket);
  if (fuzzyRank === null || bracketRank === null) return fuzzy;
  return bracketRank > fuzzyRank ? bracket : fuzzy;
}

function trimmed(text: string, candidate: Candidate): Candidate | null {
  let { start, end } = candidate;
  while (start < end && isSpace(text[start])) start += 1;
  while (end > start && isSpace(text[end - 1])) end -= 1;
  return end > start ? { ...candidate, start, end } : null;
}

function located(state: 'exact' | 'edited', sectionId: string, laidOut: SectionText, candidate: Candidate): AnchorMatch | { state: 'gone' } {
  const range = trimmed(laidOut.text, candidate);
  if (!range) return { state: 'gone' };
  return {
    state,
    sectionId,
    from: laidOut.positions[range.start] as number,
    to: (laidOut.positions[range.end - 1] as number) + 1,
    text: laidOut.text.slice(range.start, range.end),
  };
}

const bestOf = (candidates: Candidate[]) => candidates.reduce<Candidate | null>((best, candidate) => (!best || candidate.score > best.score ? candidate : best), null);

/**
 * Finds an anchor in an entry's sections as they are now: the exact words in the section they
 * were in, then in any other section, then the words as edited (approximately the same, or between
 * the same neighbours) in their own section.
 */
export function resolveAnchor(sections: Readonly<EntrySections>, anchor: TextAnchor): AnchorMatch {
  const texts = new Map<string, SectionText>();
  const textOf = (sectionId: string) => {
    let laidOut = texts.get(sectionId);
    const doc = sections[sectionId];
    if (!laidOut && doc) {
      laidOut = sectionText(doc);
      texts.set(sectionId, laidOut);
    }
    return laidOut;
  };
  const own = Object.hasOwn(sections, anchor.sectionId) ? textOf(anchor.sectionId) : undefined;
  if (own) {
    const best = bestOf(exactMatches(own.text, anchor));
    if (best) return located('exact', anchor.sectionId, own, best);
  }
  for (const sectionId of Object.keys(sections)) {
    if (sectionId === anchor.sectionId) continue;
    const laidOut = textOf(sectionId);
    const best = laidOut ? bestOf(exactMatches(laidOut.text, anchor)) : null;
    if (laidOut && best) return located('exact', sectionId, laidOut, best);
  }
  if (own) {
    const near = closerOf(own.text, anchor, fuzzyMatch(own.text, anchor), bracketMatch(own.text, anchor));
    if (near) return located('edited', anchor.sectionId, own, near);
  }
  return { state: 'gone' };
}
