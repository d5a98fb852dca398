import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, test } from 'vitest';
import {
  type CommentPassage,
  mentorCommentHighlightsKey,
  mentorCommentHighlightsPlugin,
  mentorCommentPassagesOf,
  setCommentPassagesMeta,
  setShownCommentMeta,
} from '../../renderer/src/editor/MentorCommentHighlights.js';
import { sectionExtensions } from '../../renderer/src/editor/sectionExtensions.js';
import { placeComments, passagesBySection } from '../../renderer/src/sharing/placeComments.js';
import type { EditorDoc } from '../../shared/document/editorJson.js';
import { anchorForRange } from '../../shared/share/anchor.js';
import type { ReceivedComment } from '../../shared/share/sharing.js';
import { bold, doc, para, tagMark, text } from '../fixtures/evidenceDocs.js';

const stored: EditorDoc = doc(
  para(text('Handover ran late again on Tuesday. '), text('The night team now reads the sheet aloud', tagMark('lo1')), text(' before anyone leaves.')),
  para(text('I asked the ward manager ', bold), text('for ten minutes at the start of each shift.')),
);

/** The section editor's schema, holding the plugin as the editor does (a window-less editor installs no plugins). */
const schema = getSchema(sectionExtensions('thisWeek', () => false));

/** A section's editor state, changed one transaction at a time as the editor would. */
class Section {
  state = EditorState.create({ doc: schema.nodeFromJSON(stored), plugins: [mentorCommentHighlightsPlugin()] });
  /** Every document the editor would have saved (it saves on each change to the text). */
  saved: unknown[] = [];

  apply(change: (tr: EditorState['tr']) => unknown): void {
    const tr = this.state.tr;
    change(tr);
    this.state = this.state.apply(tr);
    if (tr.docChanged) this.saved.push(this.state.doc.toJSON());
  }

  setPassages(passages: readonly CommentPassage[]): void {
    this.apply((tr) => setCommentPassagesMeta(tr, passages));
  }

  show(commentId: string | null): void {
    this.apply((tr) => setShownCommentMeta(tr, commentId));
  }

  type(at: number, words: string): void {
    this.apply((tr) => tr.insertText(words, at));
  }

  /** Where `words` are (the first time they appear). */
  rangeOf(words: string): { from: number; to: number } {
    let found: { from: number; to: number } | null = null;
    this.state.doc.descendants((node, position) => {
      if (found || !node.isTextblock) return !found;
      const index = node.textContent.indexOf(words);
      if (index >= 0) found = { from: position + 1 + index, to: position + 1 + index + words.length };
      return false;
    });
    if (!found) throw new Error(`"${words}" is not in the document`);
    return found;
  }

  passages(): readonly CommentPassage[] {
    return mentorCommentPassagesOf(this.state);
  }

  textOf(passage: CommentPassage | undefined): string | null {
    return passage ? this.state.doc.textBetween(passage.from, passage.to) : null;
  }

  /** The decorations drawn: where, and their attributes. */
  drawn(): { from: number; to: number; attrs: Record<string, string> }[] {
    return (mentorCommentHighlightsKey.getState(this.state)?.decorations.find() ?? []).map((decoration) => ({
      from: decoration.from,
      to: decoration.to,
      attrs: (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs,
    }));
  }
}

function received(id: string, anchor: ReceivedComment['anchor'], resolved = false): ReceivedComment {
  return {
    id,
    entryId: 'entry1',
    anchor,
    text: 'A comment',
    createdAt: '2019-10-08T10:00:00.000Z',
    updatedAt: '2019-10-08T10:00:00.000Z',
    feedbackId: 'feedback1',
    shareId: 'share1',
    reviewer: { name: 'Sam Jones', role: 'Practice assessor', registration: null },
    receivedAt: '2019-10-09T10:00:00.000Z',
    withdrawn: false,
    replies: [],
    resolved,
  };
}

describe('mentor comment passages in a section editor', () => {
  test('underlines the passages set, drawn as decorations with the comment id', () => {
    const section = new Section();
    const range = section.rangeOf('reads the sheet aloud');
    section.setPassages([{ commentId: 'c1', ...range, settled: false }]);
    expect(section.drawn()).toEqual([{ ...range, attrs: { class: 'mentor-comment-passage', 'data-comment-id': 'c1' } }]);
  });

  test('setting, showing and clearing passages never changes the document', () => {
    const section = new Section();
    section.setPassages([{ commentId: 'c1', ...section.rangeOf('reads the sheet aloud'), settled: false }]);
    section.show('c1');
    section.setPassages([]);
    expect(section.saved).toEqual([]);
    expect(section.state.doc.toJSON()).toEqual(stored);
  });

  test('passages follow edits: text typed before moves them, inside widens them, at their edges stays outside', () => {
    const section = new Section();
    section.setPassages([{ commentId: 'c1', ...section.rangeOf('reads the sheet aloud'), settled: false }]);
    section.type(1, 'On the ward: ');
    expect(section.textOf(section.passages()[0])).toBe('reads the sheet aloud');
    section.type(section.rangeOf('sheet').from, 'handover ');
    expect(section.textOf(section.passages()[0])).toBe('reads the handover sheet aloud');
    const passage = section.passages()[0] as CommentPassage;
    section.type(passage.to, '!');
    section.type(passage.from, '(now) ');
    expect(section.textOf(section.passages()[0])).toBe('reads the handover sheet aloud');
    expect(section.drawn().map(({ from, to }) => section.state.doc.textBetween(from, to))).toEqual(['reads the handover sheet aloud']);
  });

  test('a passage whose words are all deleted is no longer underlined', () => {
    const section = new Section();
    const range = section.rangeOf('reads the sheet aloud');
    section.setPassages([{ commentId: 'c1', ...range, settled: false }]);
    section.show('c1');
    section.apply((tr) => tr.delete(range.from - 1, range.to + 1));
    expect(section.passages()).toEqual([]);
    expect(section.drawn()).toEqual([]);
    expect(mentorCommentHighlightsKey.getState(section.state)?.shown).toBeNull();
  });

  test('the shown passage is drawn more strongly until the text changes; settled ones are not underlined', () => {
    const section = new Section();
    section.setPassages([
      { commentId: 'c1', ...section.rangeOf('reads the sheet aloud'), settled: false },
      { commentId: 'c2', ...section.rangeOf('ten minutes'), settled: true },
    ]);
    const classes = () => section.drawn().map(({ attrs }) => attrs['class']);
    expect(classes()).toEqual(['mentor-comment-passage', 'mentor-comment-passage--settled']);
    section.show('c2');
    expect(classes()).toEqual(['mentor-comment-passage', 'mentor-comment-passage mentor-comment-passage--shown']);
    section.type(1, 'So: ');
    expect(classes()).toEqual(['mentor-comment-passage', 'mentor-comment-passage--settled']);
  });

  test('passages outside the document are ignored rather than thrown on', () => {
    const section = new Section();
    section.setPassages([
      { commentId: 'far', from: 5, to: 10_000, settled: false },
      { commentId: 'backwards', from: 9, to: 4, settled: false },
    ]);
    expect(section.passages()).toEqual([]);
  });

  test('saving after comments are placed and shown saves exactly the JSON that was loaded', () => {
    const section = new Section();
    const range = section.rangeOf('reads the sheet aloud');
    const anchor = anchorForRange(section.state.doc.toJSON() as EditorDoc, 'thisWeek', range.from, range.to);
    expect(anchor?.quote).toBe('reads the sheet aloud');
    const comments = [received('c1', anchor), received('c2', null)];
    const placed = placeComments(comments, { thisWeek: section.state.doc.toJSON() as EditorDoc });
    section.setPassages(passagesBySection(comments, placed).get('thisWeek') ?? []);
    section.show('c1');
    section.apply((tr) => tr.setSelection(TextSelection.create(tr.doc, range.from, range.to)));
    expect(section.drawn()).toHaveLength(1);
    section.type(1, 'x');
    section.apply((tr) => tr.delete(1, 2));
    expect(section.saved.at(-1)).toEqual(stored);
    expect(JSON.stringify(section.saved)).not.toMatch(/mentor|comment/i);
  });
});
