import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type EvidenceTag, type TagKey, evidenceMarkType, tagFromMarkAttrs, tagKey } from '../../../shared/frameworks/framework.js';

/** One stretch of a document carrying one evidence tag: the page's view of a tagged passage. */
export interface EvidenceRun {
  key: TagKey;
  tag: EvidenceTag;
  mark: Mark;
  from: number;
  to: number;
  /** Which run with this tag it is, from 0 — the same numbering as shared/evidence/passages.ts. */
  occurrence: number;
}

/** The evidence tags on one text node. */
export function evidenceMarksOf(marks: readonly Mark[]): { key: TagKey; tag: EvidenceTag; mark: Mark }[] {
  const found: { key: TagKey; tag: EvidenceTag; mark: Mark }[] = [];
  for (const mark of marks) {
    if (mark.type.name !== evidenceMarkType) continue;
    const tag = tagFromMarkAttrs(mark.attrs);
    if (tag) found.push({ key: tagKey(tag), tag, mark });
  }
  return found;
}

/**
 * Every run in a document, in the order they start. As in the stored form, text without the tag
 * ends a run and a block boundary does not; runs of nothing but spaces are not passages.
 */
export function evidenceRuns(doc: ProseMirrorNode): EvidenceRun[] {
  const open = new Map<TagKey, { tag: EvidenceTag; mark: Mark; from: number; to: number; text: string }>();
  const finished: Omit<EvidenceRun, 'occurrence'>[] = [];
  const close = (key: TagKey) => {
    const run = open.get(key);
    open.delete(key);
    if (run && run.text.trim() !== '') finished.push({ key, tag: run.tag, mark: run.mark, from: run.from, to: run.to });
  };
  doc.descendants((node, position) => {
    if (!node.isText) return true;
    const here = evidenceMarksOf(node.marks);
    const keys = new Set(here.map((found) => found.key));
    for (const key of [...open.keys()]) if (!keys.has(key)) close(key);
    for (const { key, tag, mark } of here) {
      const run = open.get(key);
      if (run) {
        run.to = position + node.nodeSize;
        run.text += node.text ?? '';
      } else open.set(key, { tag, mark, from: position, to: position + node.nodeSize, text: node.text ?? '' });
    }
    return false;
  });
  for (const key of [...open.keys()]) close(key);
  finished.sort((a, b) => a.from - b.from);
  const occurrences = new Map<TagKey, number>();
  return finished.map((run) => {
    const occurrence = occurrences.get(run.key) ?? 0;
    occurrences.set(run.key, occurrence + 1);
    return { ...run, occurrence };
  });
}

/** The runs a selection touches; an empty selection (the caret) touches a run it sits in or at either end of. */
export function runsAt(doc: ProseMirrorNode, from: number, to: number = from): EvidenceRun[] {
  // Asked on every keystroke: a caret whose paragraph holds no evidence is in no passage, so the
  // whole document need not be walked.
  if (from === to) {
    const block = doc.resolve(from).parent;
    let tagged = false;
    block.forEach((child) => {
      if (!tagged && evidenceMarksOf(child.marks).length > 0) tagged = true;
    });
    if (!tagged) return [];
  }
  return evidenceRuns(doc).filter((run) => (from === to ? run.from <= from && from <= run.to : run.from < to && run.to > from));
}
