import { type EditorNode, countWords } from '../document/editorJson.js';
import { type EvidenceTag, type TagKey, evidenceMarkType, tagFromMarkAttrs, tagKey } from '../frameworks/framework.js';
import type { EntrySections, EvidenceCount } from '../portfolio/weeklyLog.js';

/**
 * A passage is a stretch of text that carries one evidence tag without a break: text without the
 * tag ends it, a block boundary does not (a tag laid over two list items is one passage, its
 * blocks joined by a line break). Each tag has its own passages, so overlapping tags each keep
 * their whole stretch.
 */
export interface TaggedPassage {
  /** The id of the template section holding it. */
  section: string;
  tag: EvidenceTag;
  key: TagKey;
  /** Which passage with this tag in this section it is, from 0: what a jump to it names. */
  occurrence: number;
  text: string;
  words: number;
}

const blockTypes = new Set(['paragraph', 'heading', 'listItem', 'taskItem', 'blockquote', 'ideaBlock', 'codeBlock']);

interface OpenRun {
  tag: EvidenceTag;
  parts: string[];
  /** A block ended since the last tagged text: the next tagged text starts a new line. */
  pendingBreak: boolean;
}

/** The passages of one section's document, in the order they start. */
export function passagesInDoc(doc: EditorNode, section: string): TaggedPassage[] {
  const finished: { start: number; tag: EvidenceTag; key: TagKey; text: string }[] = [];
  const open = new Map<TagKey, OpenRun & { start: number }>();
  let order = 0;

  const close = (key: TagKey) => {
    const run = open.get(key);
    if (!run) return;
    open.delete(key);
    const text = run.parts.join('').trim();
    if (text !== '') finished.push({ start: run.start, tag: run.tag, key, text });
  };

  const visit = (node: EditorNode): void => {
    if (node.type === 'text') {
      const here = new Map<TagKey, EvidenceTag>();
      for (const mark of node.marks ?? []) {
        if (mark.type !== evidenceMarkType) continue;
        const tag = tagFromMarkAttrs(mark.attrs);
        if (tag) here.set(tagKey(tag), tag);
      }
      for (const key of [...open.keys()]) if (!here.has(key)) close(key);
      for (const [key, tag] of here) {
        let run = open.get(key);
        if (!run) {
          run = { tag, parts: [], pendingBreak: false, start: order };
          open.set(key, run);
        }
        if (run.pendingBreak && run.parts.length > 0) run.parts.push('\n');
        run.pendingBreak = false;
        run.parts.push(node.text ?? '');
      }
      order += 1;
      return;
    }
    if (node.type === 'hardBreak') {
      for (const run of open.values()) run.pendingBreak = true;
      return;
    }
    for (const child of node.content ?? []) visit(child);
    if (blockTypes.has(node.type)) for (const run of open.values()) run.pendingBreak = true;
  };
  visit(doc);
  for (const key of [...open.keys()]) close(key);

  finished.sort((a, b) => a.start - b.start);
  const occurrences = new Map<TagKey, number>();
  return finished.map(({ tag, key, text }) => {
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    return { section, tag, key, occurrence, text, words: countWords(text) };
  });
}

/** Every tagged passage of an entry, section by section in the order `sections` lists them. */
export function passagesInSections(sections: Readonly<EntrySections>): TaggedPassage[] {
  return Object.entries(sections).flatMap(([section, doc]) => passagesInDoc(doc, section));
}

/** Passage and word counts per tag, kept in the entry's summary so coverage needs no body files. */
export function countEvidence(passages: readonly TaggedPassage[]): EvidenceCount[] {
  const counts = new Map<TagKey, EvidenceCount>();
  for (const passage of passages) {
    const count = counts.get(passage.key) ?? { tag: passage.key, passages: 0, words: 0 };
    count.passages += 1;
    count.words += passage.words;
    counts.set(passage.key, count);
  }
  return [...counts.values()];
}
