import { Editor, type JSONContent } from '@tiptap/core';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, test } from 'vitest';
import { ideaNumberingKey, ideaNumberingOf, ideaNumberingPlugin } from '../../renderer/src/editor/ideaNumberingPlugin.js';
import { itemIdsPlugin } from '../../renderer/src/editor/itemIdsPlugin.js';
// The commands (insertIdea…) are declared where the idea block is defined.
import '../../renderer/src/editor/IdeaBlock.js';
import { sectionExtensions } from '../../renderer/src/editor/sectionExtensions.js';
import type { WeeklyLogSectionId } from '../../shared/portfolio/weeklyLog.js';

const paragraph = (text?: string): JSONContent => (text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' });
const idea = (id: string | null, text: string): JSONContent => ({ type: 'ideaBlock', attrs: { id }, content: [{ type: 'text', text }] });

/** An editor without a page: commands and schema work; plugins are exercised through an EditorState below. */
function editorWith(content: JSONContent[], section: WeeklyLogSectionId = 'thisWeek'): Editor {
  return new Editor({ element: null, extensions: sectionExtensions(section, () => false), content: { type: 'doc', content } });
}

function topLevelTypes(editor: Editor): string[] {
  return (editor.getJSON().content ?? []).map((node) => node.type ?? '');
}

let counter = 0;
const newId = () => `new-${(counter += 1)}`;

/** The editor's schema with the numbering and id plugins on a state of their own, so plugin state and appendTransaction run. */
function stateWithPlugins(editor: Editor, content: JSONContent[]): EditorState {
  return EditorState.create({
    doc: editor.schema.nodeFromJSON({ type: 'doc', content }),
    plugins: [ideaNumberingPlugin('ideaBlock'), itemIdsPlugin({ types: ['ideaBlock', 'taskItem'], newId, isUsedElsewhere: () => false })],
  });
}

function ideaNumbers(state: EditorState): number[] {
  const decorations = ideaNumberingKey.getState(state)?.decorations.find() ?? [];
  return decorations.map((decoration) => (decoration.spec as { ideaNumber: number }).ideaNumber);
}

function ideaIds(state: EditorState): unknown[] {
  const ids: unknown[] = [];
  state.doc.descendants((node) => {
    if (node.type.name === 'ideaBlock' || node.type.name === 'taskItem') ids.push(node.attrs['id']);
  });
  return ids;
}

describe('adding an idea', () => {
  test('in the middle of a paragraph, the paragraph is split and the idea goes between', () => {
    const editor = editorWith([paragraph('hello world')]);
    editor.commands.setTextSelection(6);
    editor.commands.insertIdea();
    editor.commands.insertContent({ type: 'text', text: 'An idea' });
    expect(editor.getJSON().content).toEqual([paragraph('hello'), idea(null, 'An idea'), paragraph(' world')]);
  });

  test('at the end of a paragraph, the idea follows it and takes the cursor', () => {
    const editor = editorWith([paragraph('I met the co-production group.')]);
    editor.commands.setTextSelection(editor.state.doc.content.size - 1);
    editor.commands.insertIdea();
    expect(topLevelTypes(editor)).toEqual(['paragraph', 'ideaBlock']);
    expect(editor.state.selection.$from.parent.type.name).toBe('ideaBlock');
  });

  test('an empty paragraph becomes the idea', () => {
    const editor = editorWith([paragraph('Before.'), paragraph()]);
    editor.commands.setTextSelection(editor.state.doc.content.size - 1);
    editor.commands.insertIdea();
    expect(topLevelTypes(editor)).toEqual(['paragraph', 'ideaBlock']);
  });

  test('inside a bullet list, the idea goes after the list (as in "Key thoughts")', () => {
    const editor = editorWith([{ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Co-production is powerful')] }] }], 'keyThoughts');
    editor.commands.setTextSelection(4);
    editor.commands.insertIdea();
    expect(topLevelTypes(editor)).toEqual(['bulletList', 'ideaBlock']);
  });

  test('ideas and plans keep their ids through the editor', () => {
    const plans: JSONContent = {
      type: 'taskList',
      content: [{ type: 'taskItem', attrs: { checked: true, id: 'plan-1' }, content: [paragraph('Collate data')] }],
    };
    expect(editorWith([idea('idea-1', 'Shadow a navigator'), plans]).getJSON().content).toEqual([idea('idea-1', 'Shadow a navigator'), plans]);
  });
});

describe('idea numbers', () => {
  test('are counted from the start the week view gives, in document order', () => {
    const editor = editorWith([]);
    let state = stateWithPlugins(editor, [idea('a', 'one'), paragraph('text'), idea('b', 'two')]);
    expect(ideaNumbers(state)).toEqual([1, 2]);
    state = state.apply(state.tr.setMeta(ideaNumberingKey, 7));
    expect(ideaNumbers(state)).toEqual([7, 8]);
    expect(ideaNumberingOf(state)).toEqual({ start: 7, count: 2 });
  });

  test('an idea added above another renumbers it at once', () => {
    const editor = editorWith([]);
    let state = stateWithPlugins(editor, [paragraph('first'), idea('b', 'later idea')]);
    state = state.apply(state.tr.setMeta(ideaNumberingKey, 7));
    const newIdea = editor.schema.nodes['ideaBlock']?.create({ id: 'a' }, editor.schema.text('earlier idea'));
    if (!newIdea) throw new Error('no ideaBlock in the schema');
    state = state.apply(state.tr.insert(0, newIdea));
    expect(ideaNumbers(state)).toEqual([7, 8]);
    expect(state.doc.child(0).textContent).toBe('earlier idea');
  });
});

describe('item ids', () => {
  test('every idea and plan gets a unique id after a change, and existing unique ids are kept', () => {
    const editor = editorWith([]);
    let state = stateWithPlugins(editor, [idea('keep-me', 'one'), idea(null, 'two'), idea('keep-me', 'copy')]);
    state = state.apply(state.tr.insertText('!', 2));
    const ids = ideaIds(state);
    expect(ids[0]).toBe('keep-me');
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  test('splitting an idea keeps the id on the first half', () => {
    const editor = editorWith([]);
    let state = stateWithPlugins(editor, [idea('original', 'two halves')]);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 4)).split(4));
    const ids = ideaIds(state);
    expect(ids[0]).toBe('original');
    expect(ids[1]).not.toBe('original');
    expect(ids).toHaveLength(2);
  });
});
