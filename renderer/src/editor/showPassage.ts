import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { type EvidenceRun, evidenceRuns } from './evidenceRuns.js';

/**
 * Selects a tagged passage (the `occurrence`th run of the tag `key`), highlights it, focuses the
 * editor and scrolls it to the middle of the window. Null when the editor holds no such passage.
 */
export function showPassage(editor: Editor, key: string, occurrence: number): EvidenceRun | null {
  const run = evidenceRuns(editor.state.doc).find((candidate) => candidate.key === key && candidate.occurrence === occurrence);
  if (!run) return null;
  editor.chain().command(({ tr }) => Boolean(tr.setSelection(TextSelection.create(tr.doc, run.from, run.to)).scrollIntoView())).highlightEvidence({ from: run.from, to: run.to }).run();
  editor.view.focus();
  editor.view.dom.querySelector('.evidence-target')?.scrollIntoView({ block: 'center' });
  return run;
}
