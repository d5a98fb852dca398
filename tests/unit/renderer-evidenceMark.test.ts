import { Editor, type JSONContent } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { describe, expect, test } from 'vitest';
import '../../renderer/src/editor/EvidenceMark.js';
import { evidenceRuns, runsAt } from '../../renderer/src/editor/evidenceRuns.js';
import { sectionExtensions } from '../../renderer/src/editor/sectionExtensions.js';
import type { EditorDoc } from '../../shared/document/editorJson.js';
import { passagesInDoc } from '../../shared/evidence/passages.js';
import { tag } from '../fixtures/evidenceDocs.js';

const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function editorWith(content: JSONContent[]): Editor {
  return new Editor({ element: null, extensions: sectionExtensions('thisWeek', () => false), content: { type: 'doc', content } });
}

/** Selects the first occurrence of `words` in the document. */
function select(editor: Editor, words: string): void {
  let found: { from: number; to: number } | null = null;
  editor.state.doc.descendants((node, position) => {
    if (found || !node.isTextblock) return !found;
    const index = node.textContent.indexOf(words);
    if (index >= 0) found = { from: position + 1 + index, to: position + 1 + index + words.length };
    return false;
  });
  if (!found) throw new Error(`"${words}" is not in the document`);
  const { from, to } = found;
  editor.commands.command(({ tr }) => Boolean(tr.setSelection(TextSelection.create(tr.doc, from, to))));
}

const passages = (editor: Editor) => passagesInDoc(editor.getJSON() as EditorDoc, 'thisWeek').map((passage) => [passage.key, passage.text]);

describe('tagging passages in a real editor', () => {
  test('tags the selected words and stores one evidence mark per tag', () => {
    const editor = editorWith([paragraph('We agreed shared goals with the family today.')]);
    select(editor, 'shared goals');
    expect(editor.commands.addEvidenceTags([tag('lo3'), tag('lo4')])).toBe(true);
    expect(passages(editor)).toEqual([
      ['u26/lo3', 'shared goals'],
      ['u26/lo4', 'shared goals'],
    ]);
    const marks = editor.getJSON().content?.[0]?.content?.[1]?.marks;
    expect(marks).toEqual([
      { type: 'evidence', attrs: { framework: 'u26', outcome: 'lo3', criterion: null } },
      { type: 'evidence', attrs: { framework: 'u26', outcome: 'lo4', criterion: null } },
    ]);
    editor.destroy();
  });

  test('overlapping passages keep every tag, and removing one tag leaves the other whole', () => {
    const editor = editorWith([paragraph('Alpha Beta Gamma')]);
    select(editor, 'Alpha Beta');
    editor.commands.addEvidenceTags([tag('lo3')]);
    select(editor, 'Beta Gamma');
    editor.commands.addEvidenceTags([tag('lo4')]);
    expect(passages(editor)).toEqual([
      ['u26/lo3', 'Alpha Beta'],
      ['u26/lo4', 'Beta Gamma'],
    ]);
    const lo3 = evidenceRuns(editor.state.doc).find((run) => run.key === 'u26/lo3');
    if (!lo3) throw new Error('no LO3 run');
    editor.commands.removeEvidenceTag('u26/lo3', lo3.from + 2);
    expect(passages(editor)).toEqual([['u26/lo4', 'Beta Gamma']]);
    editor.destroy();
  });

  test('tagging the same words twice with the same tag adds nothing', () => {
    const editor = editorWith([paragraph('Alpha Beta')]);
    select(editor, 'Alpha');
    editor.commands.addEvidenceTags([tag('lo3')]);
    select(editor, 'Alpha');
    editor.commands.addEvidenceTags([tag('lo3')]);
    expect(editor.getJSON().content?.[0]?.content?.[0]?.marks).toHaveLength(1);
    editor.destroy();
  });

  test('a tag across two list items is one passage, and removing it from one spot removes it from both', () => {
    const editor = new Editor({
      element: null,
      extensions: sectionExtensions('keyThoughts', () => false),
      content: { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('First point')] }, { type: 'listItem', content: [paragraph('Second point')] }] }] },
    });
    const size = editor.state.doc.content.size;
    editor.commands.command(({ tr }) => Boolean(tr.setSelection(TextSelection.create(tr.doc, 3, size - 3))));
    editor.commands.addEvidenceTags([tag('lo4')]);
    expect(passagesInDoc(editor.getJSON() as EditorDoc, 'keyThoughts').map((passage) => passage.text)).toEqual(['First point\nSecond point']);
    expect(evidenceRuns(editor.state.doc)).toHaveLength(1);
    editor.commands.removeEvidenceTag('u26/lo4', 5);
    expect(evidenceRuns(editor.state.doc)).toEqual([]);
    editor.destroy();
  });

  test('typing at the end of a passage does not extend it; typing inside does', () => {
    const editor = editorWith([paragraph('Alpha Beta')]);
    select(editor, 'Alpha');
    editor.commands.addEvidenceTags([tag('lo3')]);
    const run = evidenceRuns(editor.state.doc)[0];
    if (!run) throw new Error('no run');
    // As typing does: the new text takes the marks that continue at that point.
    const type = (position: number, words: string) => editor.commands.command(({ tr }) => Boolean(tr.insertText(words, position)));
    type(run.to, 'X');
    expect(passages(editor)).toEqual([['u26/lo3', 'Alpha']]);
    type(run.from + 2, 'Y');
    expect(passages(editor)).toEqual([['u26/lo3', 'AlYpha']]);
    editor.destroy();
  });

  test('an empty selection tags nothing', () => {
    const editor = editorWith([paragraph('Alpha')]);
    editor.commands.setTextSelection(2);
    expect(editor.commands.addEvidenceTags([tag('lo3')])).toBe(false);
    editor.destroy();
  });

  test('runs are numbered the way stored passages are, so a jump finds the right one', () => {
    const editor = editorWith([paragraph('one gap two'), paragraph('three')]);
    select(editor, 'one');
    editor.commands.addEvidenceTags([tag('lo3')]);
    select(editor, 'two');
    editor.commands.addEvidenceTags([tag('lo3')]);
    select(editor, 'three');
    editor.commands.addEvidenceTags([tag('lo3')]);
    const stored = passagesInDoc(editor.getJSON() as EditorDoc, 'thisWeek').map((passage) => passage.occurrence);
    const runs = evidenceRuns(editor.state.doc);
    expect(runs.map((run) => run.occurrence)).toEqual(stored);
    expect(runs.map((run) => editor.state.doc.textBetween(run.from, run.to, '\n'))).toEqual(['one', 'two\nthree']);
    expect(runsAt(editor.state.doc, (runs[1]?.from ?? 0) + 1).map((run) => run.occurrence)).toEqual([1]);
    editor.destroy();
  });

  test('a saved document with evidence marks loads and saves back unchanged', () => {
    const content: JSONContent = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tagged', marks: [{ type: 'bold' }, { type: 'evidence', attrs: { framework: 'u26', outcome: 'lo3', criterion: 'p5' } }] }] }],
    };
    const editor = new Editor({ element: null, extensions: sectionExtensions('thisWeek', () => false), content });
    expect(editor.getJSON()).toEqual(content);
    editor.destroy();
  });
});
